import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds.js';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'A kind of notification whose email can be turned off (security mails, codes and invitations, cannot)',
  valuesMap: {
    ORGANIZATION: { description: 'Your organisation or claim approved or rejected' },
    CONTACT_REQUESTS: { description: 'Contact requests received, accepted, declined' },
    MEETING_REQUESTS: { description: 'B2B meeting requests and their answers' },
    AGENDA: { description: 'Your B2B agenda published or changed' },
    MEETING_REMINDERS: { description: 'Reminders shortly before each meeting' },
    SAVED_SEARCH_ALERTS: { description: 'New organisations matching your saved searches' },
    SUGGESTIONS_DIGEST: { description: 'Weekly digest of new suggestions (off unless turned on)' },
    CLAIM_REVIEW: { description: 'Organisers: contested claims to decide' },
    MAIL_FAILURES: { description: 'Admins: report of emails that could not be delivered' },
  },
});

@ObjectType({ description: 'Whether a kind of notification is also sent by email' })
export class NotificationPreference {
  @Field(() => NotificationKindEnum, { description: 'The kind of notification' }) kind: NotificationKind;
  @Field({ description: 'Email on or off' }) email: boolean;
  @Field({ description: 'Always true: every notification is shown in the app' }) inApp: boolean;
}

@InputType({ description: 'Email on or off for one kind of notification' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKindEnum, { description: 'The kind of notification' }) kind: NotificationKind;
  @Field({ description: 'true: also sent by email; false: in the app only' }) email: boolean;
}

@ObjectType({ description: 'What an unsubscribe link turned off' })
export class UnsubscribeResult {
  @Field(() => NotificationKindEnum, { description: 'The kind of email turned off' }) kind: NotificationKind;
  @Field({ description: 'Always false: that kind is no longer emailed' }) email: boolean;
}
