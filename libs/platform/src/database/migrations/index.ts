import { Directory1764480000000 } from './1764480000000-Directory.js';
import { Identity1764600000000 } from './1764600000000-Identity.js';
import { Forum1764700000000 } from './1764700000000-Forum.js';
import { ForumDay1764750000000 } from './1764750000000-ForumDay.js';
import { Matchmaking1764800000000 } from './1764800000000-Matchmaking.js';
import { MatchmakingMore1764850000000 } from './1764850000000-MatchmakingMore.js';
import { FinancierAuditValues1796596933254 } from './1796596933254-FinancierAuditValues.js';
import { ForumPrivacy1796596972446 } from './1796596972446-ForumPrivacy.js';
import { SessionMaxAge1796596979290 } from './1796596979290-SessionMaxAge.js';
import { OrganizationChanges1796596989568 } from './1796596989568-OrganizationChanges.js';
import { MailOutbox1796597085596 } from './1796597085596-MailOutbox.js';
import { Notification1796600394908 } from './1796600394908-Notification.js';
import { ScheduleRunRetrying1796599815191 } from './1796599815191-ScheduleRunRetrying.js';
import { OrganizationClaim1796602252834 } from './1796602252834-OrganizationClaim.js';
import { NotificationPreference1796607699662 } from './1796607699662-NotificationPreference.js';
import { OpportunityPreferences1796608243537 } from './1796608243537-OpportunityPreferences.js';
import { MeetingFollowUp1796618451234 } from './1796618451234-MeetingFollowUp.js';
import { SupportSuggestions1796618440902 } from './1796618440902-SupportSuggestions.js';
import { CollaborationHistory1796620499853 } from './1796620499853-CollaborationHistory.js';
import { ContactRequestExpiry1796621234178 } from './1796621234178-ContactRequestExpiry.js';
import { DirectorySearchViews1796651621821 } from './1796651621821-DirectorySearchViews.js';
import { DirectoryOrganizationCardView1796651651857 } from './1796651651857-DirectoryOrganizationCardView.js';
import { IdentityAuditEntryView1796651651957 } from './1796651651957-IdentityAuditEntryView.js';

/** Every migration, in order. A new migration is added here and nowhere else. */
export const MIGRATIONS = [
  Directory1764480000000,
  Identity1764600000000,
  Forum1764700000000,
  ForumDay1764750000000,
  Matchmaking1764800000000,
  MatchmakingMore1764850000000,
  FinancierAuditValues1796596933254,
  ForumPrivacy1796596972446,
  SessionMaxAge1796596979290,
  OrganizationChanges1796596989568,
  MailOutbox1796597085596,
  ScheduleRunRetrying1796599815191,
  Notification1796600394908,
  OrganizationClaim1796602252834,
  NotificationPreference1796607699662,
  OpportunityPreferences1796608243537,
  SupportSuggestions1796618440902,
  MeetingFollowUp1796618451234,
  CollaborationHistory1796620499853,
  ContactRequestExpiry1796621234178,
  DirectorySearchViews1796651621821,
  DirectoryOrganizationCardView1796651651857,
  IdentityAuditEntryView1796651651957,
];
