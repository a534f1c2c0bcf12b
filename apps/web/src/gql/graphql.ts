/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which agenda to read */
export type AgendaView =
  /** Organisers: the schedule being prepared */
  | 'DRAFT'
  /** What delegates see: the last published schedule */
  | 'PUBLISHED';

/** A manufacturing process offered */
export type CapabilityInput = {
  /** Unit of `monthlyCapacity`, e.g. t, kg, pieces */
  capacityUnit?: string | null | undefined;
  /** Main machines, in any language */
  machines?: Array<string> | null | undefined;
  /** Materials worked, in any language */
  materials?: Array<string> | null | undefined;
  /** Output per month, in `capacityUnit` */
  monthlyCapacity?: number | null | undefined;
  /** The process offered */
  process: Process;
};

/** Management system or product certification */
export type Certification =
  /** API Q1 (oil and gas quality) (fr: API Q1 (industrie pétrolière et gazière)) */
  | 'API_Q1'
  /** AS 9100 (aerospace quality) (fr: EN/AS 9100 (aéronautique et spatial)) */
  | 'AS_9100'
  /** CE marking (fr: Marquage CE) */
  | 'CE_MARKING'
  /** FSSC 22000 (food safety system certification) (fr: FSSC 22000 (certification de la sécurité des aliments)) */
  | 'FSSC_22000'
  /** GMP (good manufacturing practice) (fr: Bonnes pratiques de fabrication (BPF/GMP)) */
  | 'GMP'
  /** HACCP (hazard analysis and critical control points) (fr: HACCP (analyse des dangers et points critiques)) */
  | 'HACCP'
  /** Halal certification (fr: Certification halal) */
  | 'HALAL'
  /** IATF 16949 (automotive quality) (fr: IATF 16949 (qualité automobile)) */
  | 'IATF_16949'
  /** ISO 9001 (quality management) (fr: ISO 9001 (management de la qualité)) */
  | 'ISO_9001'
  /** ISO 13485 (medical devices) (fr: ISO 13485 (dispositifs médicaux)) */
  | 'ISO_13485'
  /** ISO 14001 (environmental management) (fr: ISO 14001 (management environnemental)) */
  | 'ISO_14001'
  /** ISO/IEC 17025 (testing and calibration laboratories) (fr: ISO/IEC 17025 (laboratoires d'essais et d'étalonnage)) */
  | 'ISO_17025'
  /** ISO 22000 (food safety management) (fr: ISO 22000 (sécurité des denrées alimentaires)) */
  | 'ISO_22000'
  /** ISO/IEC 27001 (information security) (fr: ISO/IEC 27001 (sécurité de l'information)) */
  | 'ISO_27001'
  /** ISO 45001 (occupational health and safety) (fr: ISO 45001 (santé et sécurité au travail)) */
  | 'ISO_45001'
  /** ISO 50001 (energy management) (fr: ISO 50001 (management de l'énergie)) */
  | 'ISO_50001';

/** Where a claim code may go */
export type ClaimAddressKind =
  /** A contact person's address on the organisation's profile */
  | 'CONTACT_PERSON'
  /** Any address at the domain of the organisation's website */
  | 'WEBSITE_DOMAIN';

/** Why a claim went to the organisers instead of being approved */
export type ClaimContestReason =
  /** The organisation got an owner while the claim was open */
  | 'HAS_OWNER'
  /** Another user has an open claim on the same organisation */
  | 'OTHER_CLAIMANT';

/** A past collaboration: the partner by its import ref, and the year */
export type CollaborationInput = {
  /** The partner's import ref */
  ref: string;
  /** Year of the collaboration */
  year: number;
};

/** Stage of development of a company */
export type CompanyStage =
  /** Growth (fr: Croissance) */
  | 'GROWTH'
  /** Idea (fr: Idée) */
  | 'IDEA'
  /** Maturity (fr: Maturité) */
  | 'MATURE'
  /** Start-up (fr: Démarrage) */
  | 'STARTUP'
  /** Turnaround (fr: Redressement) */
  | 'TURNAROUND';

/** A person to contact at the organisation */
export type ContactPersonInput = {
  /** Email address */
  email?: string | null | undefined;
  /** Full name */
  name: string;
  /** Phone number, international format preferred */
  phone?: string | null | undefined;
  /** Position in the organisation */
  role?: string | null | undefined;
};

/** Which side of a contact request your organisation is on */
export type ContactRequestDirection =
  /** Sent to your organisation */
  | 'INCOMING'
  /** Sent by your organisation */
  | 'OUTGOING';

/** A new forum edition, created as DRAFT (organisers) */
export type CreateForumEditionInput = {
  /** Last day, YYYY-MM-DD */
  endsOn: string;
  /** Most breaks one person may have more than another (2 by default) */
  fairness?: number | null | undefined;
  /** Most meetings a delegate may have; null for no limit */
  maxMeetingsPerDelegate?: number | null | undefined;
  /** Most requests a delegate may send; null for no limit */
  maxRequestsPerDelegate?: number | null | undefined;
  /** Name, at least one language */
  name: LocalizedTextInput;
  /** Reminder lead time in minutes, 15 by default; 0 for none */
  reminderMinutes?: number | null | undefined;
  /** Hours a meeting request waits for an answer before it expires */
  requestExpiryHours?: number | null | undefined;
  /** The sessions of each day; they replace the previous ones */
  sessions?: Array<ForumSessionInput> | null | undefined;
  /** Length of a meeting slot, in minutes */
  slotMinutes: number;
  /** First day, YYYY-MM-DD */
  startsOn: string;
  /** IANA zone, Africa/Algiers by default */
  timezone?: string | null | undefined;
  /** Where it takes place */
  venue?: string | null | undefined;
};

/** A new opportunity, published at once by a member of the organisation */
export type CreateOpportunityInput = {
  /** Budget or value, in `currency` */
  amount?: number | null | undefined;
  /** ISO 3166-1 alpha-2 codes it is limited to; empty means any */
  countries?: Array<string> | null | undefined;
  /** Currency of `amount` */
  currency?: Currency | null | undefined;
  /** YYYY-MM-DD */
  deadline?: string | null | undefined;
  /** At most 5,000 characters per language */
  description?: LocalizedTextInput | null | undefined;
  /** YYYY-MM-DD */
  expiresAt?: string | null | undefined;
  /** Subcontracting: materials to work, at most 30 */
  materials?: Array<string> | null | undefined;
  /** Your organisation, publishing it */
  organizationId: string;
  /** Subcontracting: certifications wished for; they rank, never exclude */
  preferredCertifications?: Array<Certification> | null | undefined;
  /** Wilaya codes (DZ-16) */
  preferredRegionCodes?: Array<string> | null | undefined;
  /** Processes concerned, at most 10 */
  processes?: Array<Process> | null | undefined;
  /** Volume offered or needed, in `quantityUnit` */
  quantity?: number | null | undefined;
  /** Unit of `quantity`, at most 30 characters, e.g. t */
  quantityUnit?: string | null | undefined;
  /** Wilaya codes (DZ-16) */
  regionCodes?: Array<string> | null | undefined;
  /** Subcontracting: certifications a supplier must hold (never relaxed) */
  requiredCertifications?: Array<Certification> | null | undefined;
  /** Subcontracting: processes a supplier must master (never relaxed) */
  requiredProcesses?: Array<Process> | null | undefined;
  /** ISIC Rev.4 sections or divisions, at most 10 */
  sectors?: Array<string> | null | undefined;
  /** Lifecycle status; new ones are OPEN */
  status?: OpportunityStatus | null | undefined;
  /** At least one language, at most 200 characters each */
  title: LocalizedTextInput;
  /** What is offered or sought */
  type: OpportunityType;
};

/** A new organisation; it waits for review before it is public */
export type CreateOrganizationInput = {
  /** Processes offered, with materials, machines and capacity */
  capabilities?: Array<CapabilityInput> | null | undefined;
  /** Certifications held */
  certifications?: Array<Certification> | null | undefined;
  /** City, as written by the organisation */
  city?: string | null | undefined;
  /** Past collaborations, partners named by their import ref */
  collaborations?: Array<CollaborationInput> | null | undefined;
  /** Contact persons; they replace the previous ones */
  contacts?: Array<ContactPersonInput> | null | undefined;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** Description in each language given */
  description?: LocalizedTextInput | null | undefined;
  /** One of 1-9, 10-49, 50-249, 250-999, 1000+ */
  employeeBand?: string | null | undefined;
  /** Financiers: the terms they publish */
  financier?: FinancierTermsInput | null | undefined;
  /** Year founded */
  foundedYear?: number | null | undefined;
  /** Research, development and intellectual property */
  innovation?: InnovationInput | null | undefined;
  /** What the organisation is */
  kind: OrganizationKind;
  /** ISO 639-1 codes of spoken languages */
  languages?: Array<string> | null | undefined;
  /** Name, at least one language */
  name: LocalizedTextInput;
  /** Support institutions: their programmes for SMEs */
  programmes?: Array<ProgrammeInput> | null | undefined;
  /** What it buys, in any language */
  purchasingCategories?: Array<string> | null | undefined;
  /** Free-text region outside Algeria */
  region?: string | null | undefined;
  /** ISO 3166-2 wilaya code (DZ-NN), for Algeria */
  regionCode?: string | null | undefined;
  /** ISIC Rev.4 section letters or division codes */
  sectors?: Array<string> | null | undefined;
  /** Services it offers, in any language */
  services?: Array<string> | null | undefined;
  /** Finer kind, for support institutions, financiers and public bodies */
  subtype?: OrganizationSubtype | null | undefined;
  /** Certifications aimed for, not yet held */
  targetCertifications?: Array<Certification> | null | undefined;
  /** Web site address */
  website?: string | null | undefined;
};

/** ISO 4217 currency code */
export type Currency =
  /** UAE dirham */
  | 'AED'
  /** Bahraini dinar */
  | 'BHD'
  /** Djiboutian franc */
  | 'DJF'
  /** Algerian dinar */
  | 'DZD'
  /** Egyptian pound */
  | 'EGP'
  /** Euro */
  | 'EUR'
  /** Iraqi dinar */
  | 'IQD'
  /** Jordanian dinar */
  | 'JOD'
  /** Comorian franc */
  | 'KMF'
  /** Kuwaiti dinar */
  | 'KWD'
  /** Lebanese pound */
  | 'LBP'
  /** Libyan dinar */
  | 'LYD'
  /** Moroccan dirham */
  | 'MAD'
  /** Mauritanian ouguiya */
  | 'MRU'
  /** Omani rial */
  | 'OMR'
  /** Qatari riyal */
  | 'QAR'
  /** Saudi riyal */
  | 'SAR'
  /** Sudanese pound */
  | 'SDG'
  /** Somali shilling */
  | 'SOS'
  /** Syrian pound */
  | 'SYP'
  /** Tunisian dinar */
  | 'TND'
  /** US dollar */
  | 'USD'
  /** Yemeni rial */
  | 'YER';

/** What a delegate comes to the forum for; it steers meeting suggestions */
export type DelegateGoal =
  /** Find clients */
  | 'FIND_CLIENTS'
  /** Find financing */
  | 'FIND_FINANCING'
  /** Find subcontractors and suppliers */
  | 'FIND_SUBCONTRACTORS'
  /** Find technology or know-how */
  | 'FIND_TECHNOLOGY'
  /** Join a cluster of complementary firms */
  | 'JOIN_CLUSTER';

/** Registration state of a delegate */
export type DelegateStatus =
  /** Registered for the edition */
  | 'REGISTERED'
  /** Withdrawn; their meetings are cancelled */
  | 'WITHDRAWN';

/** A financier's private screening criteria; an omitted field sets no condition */
export type FinancierCriteriaInput = {
  /** ISO 3166-1 alpha-2; empty means anywhere */
  countries?: Array<string> | null | undefined;
  /** Currency of the ticket sizes */
  currency?: Currency | null | undefined;
  /** Weigh R&D and intellectual property */
  innovationWanted?: boolean | null | undefined;
  /** Instruments offered */
  instruments?: Array<FinancingInstrument> | null | undefined;
  /** Minimum years since founding */
  minAgeYears?: number | null | undefined;
  /** One of 1-9, 10-49, 50-249, 250-999, 1000+ */
  minEmployeeBand?: string | null | undefined;
  /** Minimum patents held */
  minPatents?: number | null | undefined;
  /** Count in the score; exclude nobody */
  preferredCertifications?: Array<Certification> | null | undefined;
  /** An SME must hold all of these */
  requiredCertifications?: Array<Certification> | null | undefined;
  /** ISIC Rev.4 sections or divisions */
  sectors?: Array<string> | null | undefined;
  /** Company stages invested in */
  stages?: Array<CompanyStage> | null | undefined;
  /** Largest ticket, in `currency` */
  ticketMax?: number | null | undefined;
  /** Smallest ticket, in `currency` */
  ticketMin?: number | null | undefined;
};

/** The financing terms a financier publishes */
export type FinancierTermsInput = {
  /** Currency of the ticket sizes */
  currency?: Currency | null | undefined;
  /** Instruments offered */
  instruments?: Array<FinancingInstrument> | null | undefined;
  /** Company stages invested in */
  stages?: Array<CompanyStage> | null | undefined;
  /** ISO 3166-1 alpha-2 codes invested in */
  targetCountries?: Array<string> | null | undefined;
  /** ISIC Rev.4 sections or divisions invested in */
  targetSectors?: Array<string> | null | undefined;
  /** Largest ticket, in `currency` */
  ticketMax?: number | null | undefined;
  /** Smallest ticket, in `currency` */
  ticketMin?: number | null | undefined;
};

/** Kind of financing a financier offers */
export type FinancingInstrument =
  /** Equity investment (fr: Prise de participation) */
  | 'EQUITY'
  /** Grant (fr: Subvention) */
  | 'GRANT'
  /** Credit guarantee (fr: Garantie de crédit) */
  | 'GUARANTEE'
  /** Ijara (Islamic leasing) (fr: Ijara (location islamique)) */
  | 'IJARA'
  /** Istisna' (manufacturing contract) (fr: Istisna'a (commande de fabrication)) */
  | 'ISTISNA'
  /** Leasing (fr: Crédit-bail) */
  | 'LEASING'
  /** Loan (fr: Crédit) */
  | 'LOAN'
  /** Mudaraba (profit-sharing) (fr: Moudaraba (partage des bénéfices)) */
  | 'MUDARABA'
  /** Murabaha (cost-plus sale) (fr: Mourabaha (vente avec marge)) */
  | 'MURABAHA'
  /** Musharaka (joint venture financing) (fr: Moucharaka (financement participatif)) */
  | 'MUSHARAKA'
  /** Salam (prepaid forward sale) (fr: Salam (achat à terme payé d'avance)) */
  | 'SALAM';

/** How far a meeting went, as its sides reported, from nothing reported to a contract */
export type FollowUpStage =
  /** An agreement or memorandum of understanding was signed */
  | 'AGREEMENT_SIGNED'
  /** A contract was signed or an order placed */
  | 'CONTRACT_SIGNED'
  /** Held, and a follow-up is planned */
  | 'FOLLOW_UP'
  /** The meeting took place */
  | 'HELD'
  /** The two sides started negotiating */
  | 'NEGOTIATION_STARTED'
  /** Neither side reported anything yet */
  | 'NOT_REPORTED'
  /** A side reported that the other did not come */
  | 'NO_SHOW';

/** Where a forum edition stands */
export type ForumEditionStatus =
  /** Over: no new registrations or requests */
  | 'CLOSED'
  /** Organisers' work in progress; invisible to everyone else */
  | 'DRAFT'
  /** Visible; members register delegates and ask for meetings */
  | 'OPEN';

/** A group of delegates to create */
export type ForumGroupInput = {
  /** Short code, e.g. SME */
  code: string;
  /** Most meetings per delegate of the group; null: the edition's */
  maxMeetings?: number | null | undefined;
  /** Most requests per delegate of the group; null: the edition's */
  maxRequests?: number | null | undefined;
  /** Name, at least one language */
  name: LocalizedTextInput;
};

/** Values within one field are alternatives; fields combine */
export type ForumParticipantFilter = {
  /** ISO 3166-1 alpha-2 codes */
  countries?: Array<string> | null | undefined;
  /** Delegate goals */
  goals?: Array<DelegateGoal> | null | undefined;
  /** Organisation kinds */
  kinds?: Array<OrganizationKind> | null | undefined;
  /** Languages spoken, ISO 639 codes */
  languages?: Array<string> | null | undefined;
  /** Text in the delegate’s or the organisation’s name (at most 100 characters) */
  query?: string | null | undefined;
  /** Sector codes */
  sectors?: Array<string> | null | undefined;
};

/** A morning or afternoon of meetings on one day */
export type ForumSessionInput = {
  /** Pauses without meetings */
  breaks?: Array<SessionBreakInput> | null | undefined;
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM local time */
  end: string;
  /** Morning or afternoon */
  kind: ForumSessionKind;
  /** HH:MM local time */
  start: string;
};

/** Half of a forum day */
export type ForumSessionKind =
  /** Afternoon session */
  | 'AFTERNOON'
  /** Morning session */
  | 'MORNING';

/** A meeting table to add */
export type ForumTableInput = {
  /** Seats at the table */
  capacity?: number | null | undefined;
  /** An interpreter is present */
  interpreter?: boolean | null | undefined;
  /** Label shown on agendas and signs, e.g. A12 */
  label: string;
  /** Languages spoken there, ISO 639 codes */
  languages?: Array<string> | null | undefined;
  /** The organisation whose stand this table is */
  organizationId?: string | null | undefined;
};

/** A part of an import file: a whole number of records, sent one after the other */
export type ImportChunkInput = {
  /** The line of the file the text starts on */
  firstLine?: number;
  /** Format of the file */
  format: ImportFormat;
  /** CSV: the file's header line, for parts after the first (the first part starts with it) */
  header?: string | null | undefined;
  /** The records, at most 200000 characters */
  text: string;
};

/** CSV (a header line, lists separated by ;, name_ar etc.) or JSON Lines, as `npm run import` reads them */
export type ImportFormat =
  /** Comma-separated values with a header line */
  | 'CSV'
  /** JSON Lines: one JSON object per line */
  | 'JSONL';

/** Research, development and intellectual property */
export type InnovationInput = {
  /** Registered industrial designs */
  industrialDesigns?: number | null | undefined;
  /** Patents held */
  patents?: number | null | undefined;
  /** Declares research and development */
  rdActivity?: boolean | null | undefined;
  /** Registered trademarks */
  trademarks?: number | null | undefined;
  /** Utility models held */
  utilityModels?: number | null | undefined;
};

/** Language of text and labels */
export type Lang =
  /** Arabic */
  | 'ar'
  /** English */
  | 'en'
  /** French */
  | 'fr';

/** Language of the emails and notices a user receives */
export type Locale =
  /** Arabic */
  | 'ar'
  /** English */
  | 'en'
  /** French */
  | 'fr';

/** Text in Arabic, French and/or English; at least one language is usually required */
export type LocalizedTextInput = {
  /** Arabic text */
  ar?: string | null | undefined;
  /** English text */
  en?: string | null | undefined;
  /** French text */
  fr?: string | null | undefined;
};

/** PENDING: waiting for its first or next attempt; SENDING: with the SMTP server now; SENT: accepted by the server; FAILED: given up (see lastError) */
export type MailDeliveryStatus =
  /** Given up after its last attempt; lastError says why */
  | 'FAILED'
  /** Waiting for its first or next attempt */
  | 'PENDING'
  /** With the SMTP server now */
  | 'SENDING'
  /** Accepted by the SMTP server */
  | 'SENT';

/** Which notifications to mark read: the given ids, or all of them */
export type MarkNotificationsReadInput = {
  /** true: every unread notification of yours */
  all?: boolean | null | undefined;
  /** At most 500 ids of your notifications */
  ids?: Array<string> | null | undefined;
};

/** HELD; NO_SHOW: the other side did not come; FOLLOW_UP_PLANNED: held, and a follow-up is planned; later stages, reported afterwards: NEGOTIATION_STARTED, AGREEMENT_SIGNED (an agreement or MoU), CONTRACT_SIGNED (a contract or order) */
export type MeetingOutcome =
  /** Later: an agreement or memorandum of understanding was signed */
  | 'AGREEMENT_SIGNED'
  /** Later: a contract was signed or an order placed */
  | 'CONTRACT_SIGNED'
  /** Held, and a follow-up is planned */
  | 'FOLLOW_UP_PLANNED'
  /** The meeting took place */
  | 'HELD'
  /** Later: the two sides started negotiating */
  | 'NEGOTIATION_STARTED'
  /** The other side did not come */
  | 'NO_SHOW';

/** A meeting request from one of your delegates */
export type MeetingRequestInput = {
  /** The edition */
  editionId: string;
  /** Your delegate, asking */
  fromDelegateId: string;
  /** Note to the other side */
  message?: string | null | undefined;
  /** The organisation of the requesting delegate */
  organizationId: string;
  /** 1 (low) to 3 (high), 2 by default */
  priority?: number | null | undefined;
  /** When the meeting may take place (ANY by default) */
  session?: SessionPreference | null | undefined;
  /** How it is made (MANUAL by default; ORGANISER for organisers only) */
  source?: MeetingRequestSource | null | undefined;
  /** The delegate asked for; or give toOrganizationId */
  toDelegateId?: string | null | undefined;
  /** The organisation asked, when no delegate is named */
  toOrganizationId?: string | null | undefined;
};

/** What the rows and columns of the request matrix are */
export type MeetingRequestMatrixGrouping =
  /** The organisations' countries (ISO 3166-1 alpha-2) */
  | 'COUNTRY'
  /** The requesting and the requested delegate's group (null: no group, or no delegate named yet) */
  | 'GROUP'
  /** The requesting and the requested organisation */
  | 'ORGANIZATION';

/** How a meeting request was made */
export type MeetingRequestSource =
  /** Asked by a member */
  | 'MANUAL'
  /** Made by organisers */
  | 'ORGANISER'
  /** From an accepted MEETING suggestion */
  | 'SUGGESTION'
  /** Booked on the day in a free slot */
  | 'WALK_IN';

/** Where a meeting request stands; a meeting exists only for an ACCEPTED one */
export type MeetingRequestStatus =
  /** Accepted: the scheduler gives it a slot and a table */
  | 'ACCEPTED'
  /** Withdrawn by a side or cancelled by organisers */
  | 'CANCELLED'
  /** Declined by the requested side */
  | 'DECLINED'
  /** Not answered in time */
  | 'EXPIRED'
  /** Waiting for an answer until expiresAt */
  | 'PENDING';

/** State of a meeting in the schedule */
export type MeetingStatus =
  /** Cancelled; kept so agendas and calendars can show it */
  | 'CANCELLED'
  /** Placed by the scheduler or organisers, not yet published */
  | 'DRAFT'
  /** In the published agendas */
  | 'PUBLISHED';

/** A user's place in an organisation */
export type MembershipRole =
  /** Edits the organisation and acts for it (requests, opportunities, forum) */
  | 'MEMBER'
  /** What a MEMBER does, plus managing members and sending a rejected organisation back to review; an organisation keeps at least one */
  | 'OWNER';

/** Why a suggestion does not fit; the matching criteria weigh more for the organisation afterwards */
export type NotRelevantReason =
  /** Capacity does not match the volume */
  | 'CAPACITY'
  /** Missing certifications */
  | 'CERTIFICATION'
  /** Too far away */
  | 'DISTANCE'
  /** Ticket size, instrument or stage do not fit */
  | 'FINANCING_TERMS'
  /** No working language in common */
  | 'LANGUAGE'
  /** Another reason; no criterion is reweighed */
  | 'OTHER'
  /** Wrong manufacturing processes */
  | 'PROCESS'
  /** Wrong sector or investment focus */
  | 'SECTOR'
  /** Too small or too large */
  | 'SIZE';

/** A kind of notification whose email can be turned off (security mails, codes and invitations, cannot) */
export type NotificationKind =
  /** Your B2B agenda published or changed */
  | 'AGENDA'
  /** Organisers: contested claims to decide */
  | 'CLAIM_REVIEW'
  /** Contact requests received, accepted, declined */
  | 'CONTACT_REQUESTS'
  /** Admins: report of emails that could not be delivered */
  | 'MAIL_FAILURES'
  /** Reminders shortly before each meeting */
  | 'MEETING_REMINDERS'
  /** B2B meeting requests and their answers */
  | 'MEETING_REQUESTS'
  /** Your organisation or claim approved or rejected */
  | 'ORGANIZATION'
  /** New organisations matching your saved searches */
  | 'SAVED_SEARCH_ALERTS'
  /** Weekly digest of new suggestions (off unless turned on) */
  | 'SUGGESTIONS_DIGEST';

/** Email on or off for one kind of notification */
export type NotificationPreferenceInput = {
  /** true: also sent by email; false: in the app only */
  email: boolean;
  /** The kind of notification */
  kind: NotificationKind;
};

/** Typed filters; values in one list are OR-ed, lists are AND-ed; at most 50 values per list */
export type OpportunitySearchFilter = {
  /** ISO 3166-1 alpha-2 codes of the publishing organisation's country */
  countries?: Array<string> | null | undefined;
  /** Include opportunities past their expiry date */
  includeExpired?: boolean | null | undefined;
  /** Published by an organisation of any of these kinds */
  organizationKinds?: Array<OrganizationKind> | null | undefined;
  /** Concerns any of these manufacturing processes */
  processes?: Array<Process> | null | undefined;
  /** ISO 3166-2 codes of the publishing organisation's region, e.g. DZ-16 */
  regionCodes?: Array<string> | null | undefined;
  /** ISIC sections or divisions */
  sectors?: Array<string> | null | undefined;
  /** Defaults to OPEN */
  statuses?: Array<OpportunityStatus> | null | undefined;
  /** Any of these types */
  types?: Array<OpportunityType> | null | undefined;
};

/** Lifecycle of an opportunity */
export type OpportunityStatus =
  /** Cancelled (fr: Annulée) */
  | 'CANCELLED'
  /** Fulfilled (fr: Réalisée) */
  | 'FULFILLED'
  /** In progress (fr: En cours) */
  | 'IN_PROGRESS'
  /** Open (fr: Ouverte) */
  | 'OPEN';

/** What an opportunity offers or seeks */
export type OpportunityType =
  /** Capability offer (fr: Offre de capacités) */
  | 'CAPABILITY_OFFER'
  /** Financing need (fr: Besoin de financement) */
  | 'FINANCING_NEED'
  /** Financing programme (fr: Programme de financement) */
  | 'FINANCING_PROGRAMME'
  /** Partnership request (fr: Demande de partenariat) */
  | 'PARTNERSHIP_REQUEST'
  /** Subcontracting request (fr: Demande de sous-traitance) */
  | 'SUBCONTRACTING_REQUEST'
  /** Technology offer (fr: Offre technologique) */
  | 'TECHNOLOGY_OFFER'
  /** Technology request (fr: Demande technologique) */
  | 'TECHNOLOGY_REQUEST';

/** PENDING until an organiser approves or rejects it; WITHDRAWN when its fields were set back */
export type OrganizationChangeStatus =
  /** Approved: the proposed values are now public */
  | 'APPROVED'
  /** Waiting for an organiser */
  | 'PENDING'
  /** Rejected: the approved values stay (see reviewNote) */
  | 'REJECTED'
  /** Dropped: its fields were set back to the approved values */
  | 'WITHDRAWN';

/** CODE_SENT: waiting for the mailed code; CONTESTED: organisers decide; APPROVED: the claimant is owner; REJECTED by organisers; EXPIRED: replaced, out of tries or past its time */
export type OrganizationClaimStatus =
  /** The claimant is now OWNER of the organisation */
  | 'APPROVED'
  /** Waiting for the claimant to enter the mailed code */
  | 'CODE_SENT'
  /** Code confirmed, but organisers decide (see contestReason) */
  | 'CONTESTED'
  /** Replaced by a newer claim, out of tries, or past its time */
  | 'EXPIRED'
  /** Refused by organisers (see note) */
  | 'REJECTED';

/** What an organisation is; it decides which profile fields and suggestions apply */
export type OrganizationKind =
  /** Financier (fr: Organisme de financement) */
  | 'FINANCIER'
  /** Large company (fr: Grande entreprise) */
  | 'LARGE_FIRM'
  /** Public body (fr: Organisme public) */
  | 'PUBLIC_BODY'
  /** SME (fr: PME) */
  | 'SME'
  /** Support institution (fr: Structure d'appui et d'accompagnement) */
  | 'SUPPORT_INSTITUTION';

/** Typed filters; values in one list are OR-ed, lists are AND-ed; at most 50 values per list */
export type OrganizationSearchFilter = {
  /** All of these */
  certifications?: Array<Certification> | null | undefined;
  /** ISO 3166-1 alpha-2 country codes, e.g. DZ */
  countries?: Array<string> | null | undefined;
  /** Headcount bands: 1-9, 10-49, 50-249, 250-999 or 1000+ */
  employeeBands?: Array<string> | null | undefined;
  /** Founded in this year or later */
  foundedFrom?: number | null | undefined;
  /** Founded in this year or earlier */
  foundedTo?: number | null | undefined;
  /** Holds at least one patent, utility model, trademark or design */
  hasIp?: boolean | null | undefined;
  /** Financiers offering any of these instruments */
  instruments?: Array<FinancingInstrument> | null | undefined;
  /** Any of these kinds */
  kinds?: Array<OrganizationKind> | null | undefined;
  /** Working languages, ISO 639 codes among ar, fr, en, es, it, de, tr, zh, ber */
  languages?: Array<string> | null | undefined;
  /** Offers any of these manufacturing processes */
  processes?: Array<Process> | null | undefined;
  /** True: declares research and development; false: does not */
  rdActivity?: boolean | null | undefined;
  /** ISO 3166-2 region codes, e.g. DZ-16 (Algiers) */
  regionCodes?: Array<string> | null | undefined;
  /** ISIC sections or divisions */
  sectors?: Array<string> | null | undefined;
  /** Financiers investing at any of these stages */
  stages?: Array<CompanyStage> | null | undefined;
  /** Any of these subtypes */
  subtypes?: Array<OrganizationSubtype> | null | undefined;
  /** Financiers whose ticket range contains this amount */
  ticketAmount?: number | null | undefined;
};

/** Where an organisation stands in review; only ACTIVE ones are public and searchable */
export type OrganizationStatus =
  /** Approved: public and searchable */
  | 'ACTIVE'
  /** Withdrawn: no longer public, kept for history */
  | 'ARCHIVED'
  /** Waiting for review by organisers; seen by its members and organisers only */
  | 'PENDING'
  /** Refused by organisers with a reason; its owners may correct and resubmit it */
  | 'REJECTED';

/** Finer kind of a support institution, financier or public body */
export type OrganizationSubtype =
  /** Business support agency (fr: Agence d'appui aux entreprises) */
  | 'BUSINESS_AGENCY'
  /** Chamber of commerce and industry (fr: Chambre de commerce et d'industrie) */
  | 'CHAMBER'
  /** Commercial bank (fr: Banque commerciale) */
  | 'COMMERCIAL_BANK'
  /** Development bank (fr: Banque de développement) */
  | 'DEVELOPMENT_BANK'
  /** Guarantee fund (fr: Fonds de garantie) */
  | 'GUARANTEE_FUND'
  /** Business incubator (fr: Incubateur d'entreprises) */
  | 'INCUBATOR'
  /** Industrial park (fr: Zone industrielle) */
  | 'INDUSTRIAL_PARK'
  /** Investment fund (fr: Fonds d'investissement) */
  | 'INVESTMENT_FUND'
  /** Islamic finance institution (fr: Établissement de finance islamique) */
  | 'ISLAMIC_FINANCE'
  /** Leasing company (fr: Société de crédit-bail) */
  | 'LEASING'
  /** Microfinance institution (fr: Institution de microfinance) */
  | 'MICROFINANCE'
  /** Ministry (fr: Ministère) */
  | 'MINISTRY'
  /** Public agency (fr: Agence publique) */
  | 'PUBLIC_AGENCY'
  /** Technical centre (fr: Centre technique) */
  | 'TECHNICAL_CENTRE'
  /** University laboratory (fr: Laboratoire universitaire) */
  | 'UNIVERSITY_LAB';

/** ADMIN holds every ORGANISER right */
export type PlatformRole =
  /** Every ORGANISER right, plus roles, audit log and mail deliveries */
  | 'ADMIN'
  /** Runs the platform: reviews organisations and claims, runs forum editions */
  | 'ORGANISER';

/** Manufacturing process or service capability */
export type Process =
  /** Additive manufacturing (3D printing) (fr: Fabrication additive (impression 3D)) */
  | 'ADDITIVE_MANUFACTURING'
  /** Assembly (fr: Assemblage) */
  | 'ASSEMBLY'
  /** Blow moulding (fr: Soufflage plastique) */
  | 'BLOW_MOULDING'
  /** Boilermaking and piping (fr: Chaudronnerie et tuyauterie) */
  | 'BOILERMAKING_PIPING'
  /** Casting (fr: Fonderie) */
  | 'CASTING'
  /** Chemical formulation (fr: Formulation chimique) */
  | 'CHEMICALS_FORMULATION'
  /** CNC machining (fr: Usinage à commande numérique (CNC)) */
  | 'CNC_MACHINING'
  /** Construction materials (fr: Matériaux de construction) */
  | 'CONSTRUCTION_MATERIALS'
  /** Electrical panel building (fr: Tableaux électriques) */
  | 'ELECTRICAL_PANELS'
  /** Electrical wiring (fr: Câblage électrique) */
  | 'ELECTRICAL_WIRING'
  /** Electronics assembly (fr: Assemblage électronique) */
  | 'ELECTRONICS_ASSEMBLY'
  /** Engineering design (fr: Bureau d'études et conception) */
  | 'ENGINEERING_DESIGN'
  /** Extrusion (fr: Extrusion) */
  | 'EXTRUSION'
  /** Food processing (fr: Transformation agroalimentaire) */
  | 'FOOD_PROCESSING'
  /** Footwear (fr: Chaussure) */
  | 'FOOTWEAR'
  /** Forging (fr: Forge) */
  | 'FORGING'
  /** Glass and ceramics (fr: Verre et céramique) */
  | 'GLASS_CERAMICS'
  /** Flour and semolina milling (fr: Meunerie et semoulerie) */
  | 'GRAIN_MILLING'
  /** Heat treatment (fr: Traitement thermique) */
  | 'HEAT_TREATMENT'
  /** Injection moulding (fr: Moulage par injection) */
  | 'INJECTION_MOULDING'
  /** Leatherwork (fr: Travail du cuir) */
  | 'LEATHER'
  /** Logistics (fr: Logistique) */
  | 'LOGISTICS'
  /** Machining (fr: Usinage) */
  | 'MACHINING'
  /** Industrial maintenance (fr: Maintenance industrielle) */
  | 'MAINTENANCE'
  /** Mould and tool making (fr: Moules et outillage) */
  | 'MOULD_TOOLMAKING'
  /** Packaging (fr: Emballage et conditionnement) */
  | 'PACKAGING'
  /** Paper and cardboard (fr: Papier et carton) */
  | 'PAPER_CARDBOARD'
  /** Pharmaceutical manufacturing (fr: Fabrication pharmaceutique) */
  | 'PHARMA_MANUFACTURING'
  /** Printing (fr: Imprimerie) */
  | 'PRINTING'
  /** Recycling (fr: Recyclage) */
  | 'RECYCLING'
  /** Rubber products (fr: Transformation du caoutchouc) */
  | 'RUBBER_PRODUCTS'
  /** Sheet metal work (fr: Tôlerie) */
  | 'SHEET_METAL'
  /** Software development (fr: Développement logiciel) */
  | 'SOFTWARE'
  /** Spinning and weaving (fr: Filature et tissage) */
  | 'SPINNING_WEAVING'
  /** Structural steelwork (fr: Charpente métallique) */
  | 'STEEL_STRUCTURES'
  /** Surface treatment (fr: Traitement de surface) */
  | 'SURFACE_TREATMENT'
  /** Testing and inspection (fr: Essais et contrôle) */
  | 'TESTING_INSPECTION'
  /** Textile dyeing and finishing (fr: Teinture et ennoblissement textile) */
  | 'TEXTILE_FINISHING'
  /** Textiles and garments (fr: Textile et confection) */
  | 'TEXTILE_GARMENT'
  /** Welding (fr: Soudage) */
  | 'WELDING'
  /** Woodworking (fr: Menuiserie et travail du bois) */
  | 'WOODWORKING';

/** A support institution's programme for SMEs */
export type ProgrammeInput = {
  /** Schemes the programme prepares for */
  certifications?: Array<Certification> | null | undefined;
  /** What it costs the SME */
  cost?: SupportCost | null | undefined;
  /** Description in each language given */
  description?: LocalizedTextInput | null | undefined;
  /** Name, at least one language */
  name: LocalizedTextInput;
  /** Algerian wilayas targeted (DZ-NN) */
  regionCodes?: Array<string> | null | undefined;
  /** Only SMEs of regionCodes are eligible; needs regionCodes */
  reserved?: boolean | null | undefined;
  /** ISIC Rev.4 sections or divisions it serves */
  sectors?: Array<string> | null | undefined;
  /** Services the programme offers SMEs */
  services?: Array<SupportService> | null | undefined;
  /** Stages admitted; empty admits every stage */
  stages?: Array<CompanyStage> | null | undefined;
};

/** A delegate to register for an edition */
export type RegisterDelegateInput = {
  /** An open edition (organisers: also a draft) */
  editionId: string;
  /** Address for agenda mails; unique among the organisation's delegates of the edition */
  email: string;
  /** What the delegate comes for */
  goals?: Array<DelegateGoal> | null | undefined;
  /** Languages spoken, ISO 639 codes */
  languages?: Array<string> | null | undefined;
  /** Full name, as printed on the badge */
  name: string;
  /** Your organisation */
  organizationId: string;
  /** Slots the delegate cannot meet in */
  unavailableSlotIds?: Array<string> | null | undefined;
  /** Account to link: your own (organisers: any) */
  userId?: string | null | undefined;
};

/** A new account; it must verify its email address before acting for an organisation */
export type RegisterInput = {
  /** Acceptance of the terms and privacy notice; must be true */
  acceptTerms: boolean;
  /** Name shown to other users, 1 to 120 characters */
  displayName: string;
  /** Email address, at most 254 characters; stored lower-cased */
  email: string;
  /** Language of emails; defaults to French */
  locale?: Locale | null | undefined;
  /** 10 to 128 characters, not a commonly leaked password */
  password: string;
};

/** Which meeting requests of an organisation */
export type RequestDirection =
  /** Both */
  | 'ANY'
  /** Addressed to its delegates */
  | 'RECEIVED'
  /** Sent by its delegates */
  | 'SENT';

/** A saved search of a financier: criteria that raise an alert when an SME matches */
export type SavedSearchInput = {
  /** Alerts and their mails on (the default) or off */
  alertsEnabled?: boolean | null | undefined;
  /** What a matching SME must meet */
  criteria: FinancierCriteriaInput;
  /** Alert only above this score (0..1, default 0.5) */
  minScore?: number | null | undefined;
  /** Name shown to the financier */
  name: string;
  /** Words the SME profile must contain */
  query?: string | null | undefined;
};

/** How a meeting of the draft differs from the published schedule */
export type ScheduleChangeKind =
  /** Published, then cancelled since the last publication */
  | 'CANCELLED'
  /** Published, now at another slot or table in the draft */
  | 'MOVED'
  /** In the draft, never published */
  | 'NEW';

/** OPTIMAL: proven best; FEASIBLE: valid, not proven best; INFEASIBLE: no schedule (see reason) */
export type ScheduleResult =
  /** A valid schedule, not proven best in the time allowed */
  | 'FEASIBLE'
  /** No schedule meets the hard constraints (see reason) */
  | 'INFEASIBLE'
  /** A schedule proven best */
  | 'OPTIMAL'
  /** Neither a schedule nor a proof that none exists in the time allowed */
  | 'UNKNOWN';

/** Where a scheduler run stands */
export type ScheduleRunState =
  /** Finished with a result */
  | 'DONE'
  /** Given up (see reason) */
  | 'FAILED'
  /** Waiting for a worker */
  | 'QUEUED'
  /** An attempt failed (see reason); another follows */
  | 'RETRYING'
  /** Searching */
  | 'RUNNING';

/** A pause inside a session */
export type SessionBreakInput = {
  /** HH:MM local time */
  end: string;
  /** HH:MM local time */
  start: string;
};

/** When a requested meeting may take place */
export type SessionPreference =
  /** Afternoon sessions only */
  | 'AFTERNOON'
  /** Morning or afternoon */
  | 'ANY'
  /** Morning sessions only */
  | 'MORNING';

/** What a suggestion proposes */
export type SuggestionKind =
  /** A group of complementary SMEs along a value chain, with support and financing */
  | 'CLUSTER'
  /** An SME fitting a financier, or a financier whose terms fit an SME */
  | 'FINANCING'
  /** A delegate of the same forum edition to meet */
  | 'MEETING'
  /** A supplier for a subcontracting request, or a request a supplier can serve */
  | 'SUBCONTRACTING'
  /** A support programme meeting an SME, or an SME a programme fits */
  | 'SUPPORT';

/** SUPPLIER: the counterpart can serve your request; REQUEST: you can serve the counterpart's request; CANDIDATE: an SME fitting your screening criteria; FINANCIER: a financier whose terms fit you; CLUSTER: a proposed group; DELEGATE: a delegate of the same forum edition for one of your delegates to meet; SUPPORT_PROVIDER: a support institution whose programme meets your needs; BENEFICIARY: an SME your programme fits */
export type SuggestionRole =
  /** An SME your programme fits */
  | 'BENEFICIARY'
  /** An SME fitting your screening criteria */
  | 'CANDIDATE'
  /** A proposed group */
  | 'CLUSTER'
  /** A delegate of the same forum edition for one of your delegates to meet */
  | 'DELEGATE'
  /** A financier whose terms fit you */
  | 'FINANCIER'
  /** You can serve the counterpart's request */
  | 'REQUEST'
  /** The counterpart can serve your request */
  | 'SUPPLIER'
  /** A support institution whose programme meets your needs */
  | 'SUPPORT_PROVIDER';

/** An organisation's answer to a suggestion; it changes that organisation's lists only */
export type SuggestionVerdict =
  /** Accepted: a contact request (or, for MEETING, a meeting request) was opened */
  | 'ACCEPTED'
  /** Not now: the pair is not suggested again to this organisation */
  | 'DISMISSED'
  /** Wrong fit: the criteria behind the reason weigh more from now on */
  | 'NOT_RELEVANT';

/** What a programme costs the SME */
export type SupportCost =
  /** Free of charge */
  | 'FREE'
  /** The SME pays the full price */
  | 'PAID'
  /** Part of the price is paid by the programme */
  | 'SUBSIDISED';

/** A service a support institution offers SMEs through a programme */
export type SupportService =
  /** Cleaner production, energy and resource efficiency */
  | 'CLEANER_PRODUCTION'
  /** Incubation of young firms and project holders */
  | 'INCUBATION'
  /** Intellectual property advice: patents, designs, trademarks */
  | 'IP_ADVICE'
  /** Quality management and preparation for certification */
  | 'QUALITY_CERTIFICATION'
  /** Diagnosis and technical assistance on production */
  | 'TECHNICAL_ASSISTANCE'
  /** Technology transfer from laboratories and partners */
  | 'TECHNOLOGY_TRANSFER'
  /** Testing, analyses and measurement */
  | 'TESTING'
  /** Training of staff and managers */
  | 'TRAINING';

/** Changes to a delegate; omitted fields keep their value */
export type UpdateDelegateInput = {
  /** Address for agenda mails; unique among the organisation's delegates of the edition */
  email?: string | null | undefined;
  /** What the delegate comes for */
  goals?: Array<DelegateGoal> | null | undefined;
  /** The delegate */
  id: string;
  /** Languages spoken, ISO 639 codes */
  languages?: Array<string> | null | undefined;
  /** Full name, as printed on the badge */
  name?: string | null | undefined;
  /** The organisation acted for (required for members) */
  organizationId?: string | null | undefined;
  /** Slots the delegate cannot meet in */
  unavailableSlotIds?: Array<string> | null | undefined;
  /** Account to link: your own (organisers: any) */
  userId?: string | null | undefined;
};

/** Changes to an edition; omitted fields keep their value */
export type UpdateForumEditionInput = {
  /** Last day, YYYY-MM-DD */
  endsOn?: string | null | undefined;
  /** Most breaks one person may have more than another (2 by default) */
  fairness?: number | null | undefined;
  /** The edition */
  id: string;
  /** Most meetings a delegate may have; null for no limit */
  maxMeetingsPerDelegate?: number | null | undefined;
  /** Most requests a delegate may send; null for no limit */
  maxRequestsPerDelegate?: number | null | undefined;
  /** New name */
  name?: LocalizedTextInput | null | undefined;
  /** Reminder lead time in minutes, 15 by default; 0 for none */
  reminderMinutes?: number | null | undefined;
  /** Hours a meeting request waits for an answer before it expires */
  requestExpiryHours?: number | null | undefined;
  /** The sessions of each day; they replace the previous ones */
  sessions?: Array<ForumSessionInput> | null | undefined;
  /** Length of a meeting slot, in minutes */
  slotMinutes?: number | null | undefined;
  /** First day, YYYY-MM-DD */
  startsOn?: string | null | undefined;
  /** IANA time zone, e.g. Africa/Algiers */
  timezone?: string | null | undefined;
  /** Where it takes place */
  venue?: string | null | undefined;
};

/** Changes to a table; omitted fields keep their value */
export type UpdateForumTableInput = {
  /** In use; an inactive table gets no meetings */
  active?: boolean | null | undefined;
  /** Seats at the table */
  capacity?: number | null | undefined;
  /** The table */
  id: string;
  /** An interpreter is present */
  interpreter?: boolean | null | undefined;
  /** Label shown on agendas and signs, e.g. A12 */
  label?: string | null | undefined;
  /** Languages spoken there, ISO 639 codes */
  languages?: Array<string> | null | undefined;
  /** The organisation whose stand this table is */
  organizationId?: string | null | undefined;
};

/** Changes to an organisation; omitted fields keep their value */
export type UpdateOrganizationInput = {
  /** Processes offered, with materials, machines and capacity */
  capabilities?: Array<CapabilityInput> | null | undefined;
  /** Certifications held */
  certifications?: Array<Certification> | null | undefined;
  /** City, as written by the organisation */
  city?: string | null | undefined;
  /** Past collaborations, partners named by their import ref */
  collaborations?: Array<CollaborationInput> | null | undefined;
  /** Contact persons; they replace the previous ones */
  contacts?: Array<ContactPersonInput> | null | undefined;
  /** ISO 3166-1 alpha-2; on an approved organisation it waits for an organiser */
  country?: string | null | undefined;
  /** Description in each language given */
  description?: LocalizedTextInput | null | undefined;
  /** One of 1-9, 10-49, 50-249, 250-999, 1000+ */
  employeeBand?: string | null | undefined;
  /** The version you edited; a newer one in the store gives CONFLICT */
  expectedVersion?: number | null | undefined;
  /** Financiers: the terms they publish */
  financier?: FinancierTermsInput | null | undefined;
  /** Year founded */
  foundedYear?: number | null | undefined;
  /** The organisation */
  id: string;
  /** Research, development and intellectual property */
  innovation?: InnovationInput | null | undefined;
  /** ISO 639-1 codes of spoken languages */
  languages?: Array<string> | null | undefined;
  /** New name; on an approved organisation it waits for an organiser */
  name?: LocalizedTextInput | null | undefined;
  /** Support institutions: their programmes for SMEs */
  programmes?: Array<ProgrammeInput> | null | undefined;
  /** What it buys, in any language */
  purchasingCategories?: Array<string> | null | undefined;
  /** Free-text region outside Algeria */
  region?: string | null | undefined;
  /** ISO 3166-2 wilaya code (DZ-NN), for Algeria */
  regionCode?: string | null | undefined;
  /** ISIC Rev.4 section letters or division codes */
  sectors?: Array<string> | null | undefined;
  /** Services it offers, in any language */
  services?: Array<string> | null | undefined;
  /** Finer kind, for support institutions, financiers and public bodies */
  subtype?: OrganizationSubtype | null | undefined;
  /** Certifications aimed for, not yet held */
  targetCertifications?: Array<Certification> | null | undefined;
  /** Web site address */
  website?: string | null | undefined;
};

/** A meeting booked on the day in a slot free for both */
export type WalkInInput = {
  /** The edition */
  editionId: string;
  /** Your delegate */
  fromDelegateId: string;
  /** Note to the other side */
  message?: string | null | undefined;
  /** The organisation of fromDelegateId (required for members) */
  organizationId?: string | null | undefined;
  /** A slot free for both */
  slotId: string;
  /** A free table; the first free one when omitted */
  tableId?: string | null | undefined;
  /** The delegate to meet */
  toDelegateId: string;
};

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, startedAt: string, lastActiveAt: string, expiresAt: string, userAgent: string | null, current: boolean }> };

export type EndSessionMutationVariables = Exact<{
  id: string;
}>;


export type EndSessionMutation = { endSession: boolean };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logoutEverywhere: boolean };

export type SetMyLocaleMutationVariables = Exact<{
  locale: Locale;
}>;


export type SetMyLocaleMutation = { setMyLocale: boolean };

export type ExportMyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportMyDataQuery = { exportMyData: string };

export type DeleteMyAccountMutationVariables = Exact<{
  password: string;
}>;


export type DeleteMyAccountMutation = { deleteMyAccount: { deleted: boolean, archivedOrganizationIds: Array<string> } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: Array<{ kind: NotificationKind, email: boolean }> };

export type SetNotificationPreferencesMutationVariables = Exact<{
  preferences: Array<NotificationPreferenceInput> | NotificationPreferenceInput;
}>;


export type SetNotificationPreferencesMutation = { setNotificationPreferences: Array<{ kind: NotificationKind, email: boolean }> };

export type UnsubscribeMutationVariables = Exact<{
  token: string;
}>;


export type UnsubscribeMutation = { unsubscribe: { kind: NotificationKind, email: boolean } };

export type ConsoleCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCountsQuery = { reviewQueue: { edges: Array<{ cursor: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, pendingOrganizationChanges: { edges: Array<{ cursor: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, organizationClaims: Array<{ id: string, status: OrganizationClaimStatus }> };

export type ReviewQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { reviewQueue: { edges: Array<{ cursor: string, node: { id: string, kind: OrganizationKind, country: string, city: string | null, website: string | null, createdAt: string, status: OrganizationStatus, name: { ar: string | null, fr: string | null, en: string | null } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PendingChangesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PendingChangesQuery = { pendingOrganizationChanges: { edges: Array<{ cursor: string, node: { id: string, organizationId: string, requestedAt: string, changes: Array<{ field: string, before: string | null, after: string | null }>, organization: { id: string, kind: OrganizationKind, name: { ar: string | null, fr: string | null, en: string | null } } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ApproveOrganizationMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type ApproveOrganizationMutation = { approveOrganization: { id: string, status: OrganizationStatus } };

export type RejectOrganizationMutationVariables = Exact<{
  id: string;
  note: string;
}>;


export type RejectOrganizationMutation = { rejectOrganization: { id: string, status: OrganizationStatus } };

export type ApproveOrganizationChangeMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type ApproveOrganizationChangeMutation = { approveOrganizationChange: { id: string, status: OrganizationChangeStatus } };

export type RejectOrganizationChangeMutationVariables = Exact<{
  id: string;
  note: string;
}>;


export type RejectOrganizationChangeMutation = { rejectOrganizationChange: { id: string, status: OrganizationChangeStatus } };

export type OrganizationClaimsQueryVariables = Exact<{
  status?: OrganizationClaimStatus | null | undefined;
}>;


export type OrganizationClaimsQuery = { organizationClaims: Array<{ id: string, organizationId: string, organizationName: string, claimantId: string, claimantName: string, claimantEmail: string, address: string, status: OrganizationClaimStatus, contestReason: ClaimContestReason | null, createdAt: string, expiresAt: string, resolvedAt: string | null, note: string | null }> };

export type ResolveOrganizationClaimMutationVariables = Exact<{
  id: string;
  approve: boolean;
  note?: string | null | undefined;
}>;


export type ResolveOrganizationClaimMutation = { resolveOrganizationClaim: { id: string, status: OrganizationClaimStatus } };

export type PlatformStaffQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformStaffQuery = { platformStaff: Array<{ userId: string, email: string, displayName: string, roles: Array<PlatformRole> }> };

export type UserByEmailQueryVariables = Exact<{
  email: string;
}>;


export type UserByEmailQuery = { userByEmail: { userId: string, email: string, displayName: string, roles: Array<PlatformRole> } | null };

export type SetPlatformRolesMutationVariables = Exact<{
  userId: string;
  roles: Array<PlatformRole> | PlatformRole;
}>;


export type SetPlatformRolesMutation = { setPlatformRoles: { userId: string, email: string, previousRoles: Array<PlatformRole>, roles: Array<PlatformRole> } };

export type ImportOrganizationsMutationVariables = Exact<{
  input: ImportChunkInput;
}>;


export type ImportOrganizationsMutation = { importOrganizations: { read: number, imported: number, skipped: number, rejected: Array<{ line: number, ref: string | null, reasons: Array<string> }> } };

export type MailDeliveriesQueryVariables = Exact<{
  status?: MailDeliveryStatus | null | undefined;
  to?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type MailDeliveriesQuery = { mailDeliveries: { edges: Array<{ cursor: string, node: { id: string, to: string, subject: string, template: string, locale: string, status: MailDeliveryStatus, attempts: number, lastError: string | null, createdAt: string, sentAt: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type AuditLogQueryVariables = Exact<{
  entityType?: string | null | undefined;
  entityId?: string | null | undefined;
  actorId?: string | null | undefined;
  before?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { nextCursor: string | null, entries: Array<{ id: string, at: string, action: string, actorId: string | null, entityType: string, entityId: string, fields: Array<string>, before: string | null, after: string | null }> } };

export type OpenJobQueuesMutationVariables = Exact<{ [key: string]: never; }>;


export type OpenJobQueuesMutation = { openJobQueues: string };

export type EditionBadgesQueryVariables = Exact<{
  editionId: string;
  after?: string | null | undefined;
  limit: number;
}>;


export type EditionBadgesQuery = { editionBadges: { total: number, endCursor: string | null, hasNextPage: boolean, badges: Array<{ code: string, delegateId: string, delegateName: string, organizationCountry: string, checkedInAt: string | null, organizationName: { ar: string | null, fr: string | null, en: string | null } }> } };

export type DeskDelegatesQueryVariables = Exact<{
  editionId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DeskDelegatesQuery = { forumDelegates: { totalCount: number, nodes: Array<{ id: string, name: string, organizationId: string, status: DelegateStatus, checkedInAt: string | null }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type CheckInBadgeMutationVariables = Exact<{
  editionId: string;
  code: string;
}>;


export type CheckInBadgeMutation = { checkInBadge: { alreadyCheckedIn: boolean, badge: { code: string, delegateId: string, delegateName: string, organizationCountry: string, checkedInAt: string | null, organizationName: { ar: string | null, fr: string | null, en: string | null } } } };

export type CheckInDelegateMutationVariables = Exact<{
  delegateId: string;
}>;


export type CheckInDelegateMutation = { checkIn: { id: string, name: string, checkedInAt: string | null } };

export type MarkNoShowMutationVariables = Exact<{
  meetingId: string;
  absentDelegateId: string;
}>;


export type MarkNoShowMutation = { markNoShow: Array<{ delegateId: string, outcome: MeetingOutcome | null }> };

export type DeskFreeSlotsQueryVariables = Exact<{
  editionId: string;
  delegateId: string;
  withDelegateId: string;
}>;


export type DeskFreeSlotsQuery = { freeSlots: Array<{ slotId: string, startsAt: string, endsAt: string, freeTables: number }> };

export type DeskWalkInMutationVariables = Exact<{
  input: WalkInInput;
}>;


export type DeskWalkInMutation = { bookWalkIn: { meeting: { id: string, slotId: string, tableId: string | null } | null } };

export type DeskRequestChangedSubscriptionVariables = Exact<{
  editionId: string;
}>;


export type DeskRequestChangedSubscription = { meetingRequestChanged: { requestId: string, action: string, status: string } };

export type DeskAgendaChangedSubscriptionVariables = Exact<{
  delegateId: string;
}>;


export type DeskAgendaChangedSubscription = { agendaChanged: { delegateId: string, meetingIds: Array<string> } };

export type ConsoleEditionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleEditionsQuery = { forumEditions: Array<{ id: string, status: ForumEditionStatus, startsOn: string, endsOn: string, timezone: string, venue: string | null, slotMinutes: number, fairness: number, maxMeetingsPerDelegate: number | null, maxRequestsPerDelegate: number | null, requestExpiryHours: number, reminderMinutes: number, publishedAt: string | null, publishedVersion: number, version: number, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type EditionSetupQueryVariables = Exact<{
  id: string;
}>;


export type EditionSetupQuery = { forumEdition: { id: string, status: ForumEditionStatus, startsOn: string, endsOn: string, timezone: string, venue: string | null, slotMinutes: number, fairness: number, maxMeetingsPerDelegate: number | null, maxRequestsPerDelegate: number | null, requestExpiryHours: number, reminderMinutes: number, publishedAt: string | null, publishedVersion: number, version: number, name: { ar: string | null, fr: string | null, en: string | null } }, forumSessions: Array<{ id: string, day: string, kind: ForumSessionKind, startsAt: string, endsAt: string, breaks: Array<{ start: string, end: string }> }>, forumTables: Array<{ id: string, label: string, capacity: number, interpreter: boolean, languages: Array<string>, active: boolean, organizationId: string | null }>, forumGroups: Array<{ id: string, code: string, maxMeetings: number | null, maxRequests: number | null, name: { ar: string | null, fr: string | null, en: string | null } }>, forumGroupRules: Array<{ groupId: string, mayMeetGroupId: string }>, forumSlots: Array<{ id: string, day: string, position: number, session: ForumSessionKind, startsAt: string, endsAt: string, isBreak: boolean }> };

export type CreateForumEditionMutationVariables = Exact<{
  input: CreateForumEditionInput;
}>;


export type CreateForumEditionMutation = { createForumEdition: { id: string, status: ForumEditionStatus, startsOn: string, endsOn: string, timezone: string, venue: string | null, slotMinutes: number, fairness: number, maxMeetingsPerDelegate: number | null, maxRequestsPerDelegate: number | null, requestExpiryHours: number, reminderMinutes: number, publishedAt: string | null, publishedVersion: number, version: number, name: { ar: string | null, fr: string | null, en: string | null } } };

export type UpdateForumEditionMutationVariables = Exact<{
  input: UpdateForumEditionInput;
}>;


export type UpdateForumEditionMutation = { updateForumEdition: { id: string, status: ForumEditionStatus, startsOn: string, endsOn: string, timezone: string, venue: string | null, slotMinutes: number, fairness: number, maxMeetingsPerDelegate: number | null, maxRequestsPerDelegate: number | null, requestExpiryHours: number, reminderMinutes: number, publishedAt: string | null, publishedVersion: number, version: number, name: { ar: string | null, fr: string | null, en: string | null } } };

export type SetForumEditionStatusMutationVariables = Exact<{
  id: string;
  status: ForumEditionStatus;
}>;


export type SetForumEditionStatusMutation = { setForumEditionStatus: { id: string, status: ForumEditionStatus } };

export type AddForumTablesMutationVariables = Exact<{
  editionId: string;
  tables: Array<ForumTableInput> | ForumTableInput;
}>;


export type AddForumTablesMutation = { addForumTables: Array<{ id: string, label: string, capacity: number, interpreter: boolean, languages: Array<string>, active: boolean, organizationId: string | null }> };

export type UpdateForumTableMutationVariables = Exact<{
  input: UpdateForumTableInput;
}>;


export type UpdateForumTableMutation = { updateForumTable: { id: string, label: string, capacity: number, interpreter: boolean, languages: Array<string>, active: boolean, organizationId: string | null } };

export type CreateForumGroupMutationVariables = Exact<{
  editionId: string;
  input: ForumGroupInput;
}>;


export type CreateForumGroupMutation = { createForumGroup: { id: string, code: string, maxMeetings: number | null, maxRequests: number | null, name: { ar: string | null, fr: string | null, en: string | null } } };

export type SetForumGroupRulesMutationVariables = Exact<{
  groupId: string;
  mayMeetGroupIds: Array<string> | string;
}>;


export type SetForumGroupRulesMutation = { setForumGroupRules: Array<{ groupId: string, mayMeetGroupId: string }> };

export type ConsoleRegisterDelegateMutationVariables = Exact<{
  input: RegisterDelegateInput;
}>;


export type ConsoleRegisterDelegateMutation = { registerDelegate: { id: string } };

export type AssignDelegateGroupMutationVariables = Exact<{
  delegateId: string;
  groupId?: string | null | undefined;
}>;


export type AssignDelegateGroupMutation = { assignDelegateGroup: { id: string, groupId: string | null } };

export type ScheduleEditionMutationVariables = Exact<{
  editionId: string;
  timeLimitSeconds: number;
  allowMoves: boolean;
}>;


export type ScheduleEditionMutation = { scheduleEdition: { id: string, state: ScheduleRunState, result: ScheduleResult | null, phase: string | null, progress: number, reason: string | null, createdAt: string, finishedAt: string | null, summary: { requests: number, scheduled: number, totalBreaks: number, maxBreaks: number, minBreaks: number, lowerBound: number | null, tableChanges: number, moved: number, timeMs: number, method: string, unscheduled: Array<{ requestId: string, reason: string }> } | null } };

export type ScheduleRunQueryVariables = Exact<{
  jobId: string;
}>;


export type ScheduleRunQuery = { scheduleRun: { id: string, state: ScheduleRunState, result: ScheduleResult | null, phase: string | null, progress: number, reason: string | null, createdAt: string, finishedAt: string | null, summary: { requests: number, scheduled: number, totalBreaks: number, maxBreaks: number, minBreaks: number, lowerBound: number | null, tableChanges: number, moved: number, timeMs: number, method: string, unscheduled: Array<{ requestId: string, reason: string }> } | null } };

export type ScheduleRunsQueryVariables = Exact<{
  editionId: string;
}>;


export type ScheduleRunsQuery = { scheduleRuns: Array<{ id: string, state: ScheduleRunState, result: ScheduleResult | null, phase: string | null, progress: number, reason: string | null, createdAt: string, finishedAt: string | null, summary: { requests: number, scheduled: number, totalBreaks: number, maxBreaks: number, minBreaks: number, lowerBound: number | null, tableChanges: number, moved: number, timeMs: number, method: string, unscheduled: Array<{ requestId: string, reason: string }> } | null }> };

export type ScheduleRunProgressSubscriptionVariables = Exact<{
  runId: string;
}>;


export type ScheduleRunProgressSubscription = { scheduleRunProgress: { runId: string, phase: string, bestBreaks: number | null, lowerBound: number | null, elapsedMs: number, fraction: number, unscheduledWeight: number | null } };

export type EditionMeetingsQueryVariables = Exact<{
  editionId: string;
  view: AgendaView;
}>;


export type EditionMeetingsQuery = { editionMeetings: Array<{ meetingId: string, status: MeetingStatus, pinned: boolean, requestId: string | null, slotId: string, tableId: string | null, tableLabel: string | null, delegateId: string, delegateName: string, organizationName: string, counterpartDelegateId: string, counterpartDelegateName: string, counterpartOrganizationName: string }> };

export type MoveMeetingMutationVariables = Exact<{
  meetingId: string;
  slotId: string;
  tableId?: string | null | undefined;
}>;


export type MoveMeetingMutation = { moveMeeting: { id: string, slotId: string, tableId: string | null, pinned: boolean, status: MeetingStatus } };

export type PinMeetingMutationVariables = Exact<{
  meetingId: string;
  pinned: boolean;
}>;


export type PinMeetingMutation = { pinMeeting: { id: string, slotId: string, tableId: string | null, pinned: boolean, status: MeetingStatus } };

export type CancelMeetingMutationVariables = Exact<{
  meetingId: string;
}>;


export type CancelMeetingMutation = { cancelMeeting: { id: string, slotId: string, tableId: string | null, pinned: boolean, status: MeetingStatus } };

export type PublishScheduleMutationVariables = Exact<{
  editionId: string;
}>;


export type PublishScheduleMutation = { publishSchedule: { changedMeetings: number, changedDelegates: Array<string>, publishedVersion: number } };

export type ConsoleCountriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCountriesQuery = { countries: Array<{ code: string, label: string }> };

export type ScheduleChangesQueryVariables = Exact<{
  editionId: string;
  delegateId?: string | null | undefined;
  kind?: ScheduleChangeKind | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ScheduleChangesQuery = { scheduleChanges: { publishedVersion: number, publishedAt: string | null, newMeetings: number, moved: number, cancelled: number, delegates: number, endCursor: string | null, hasNextPage: boolean, changes: Array<{ meetingId: string, kind: ScheduleChangeKind, slotId: string, tableLabel: string | null, publishedSlotId: string | null, publishedTableLabel: string | null, delegateId: string, delegateName: string, organizationName: string, counterpartDelegateId: string, counterpartDelegateName: string, counterpartOrganizationName: string }>, changedDelegates: Array<{ delegateId: string, name: string, organizationName: string, changes: number }> } };

export type DelegateActingQueryVariables = Exact<{
  editionId: string;
  organizationId: string;
  delegateId: string;
}>;


export type DelegateActingQuery = { own: { nodes: Array<{ id: string, unavailableSlotIds: Array<string> }> }, meetingRequests: { nodes: Array<{ id: string, fromDelegateId: string, fromDelegateName: string, fromOrganizationId: string, toDelegateId: string | null, toDelegateName: string | null, toOrganizationId: string, status: MeetingRequestStatus, source: MeetingRequestSource, createdAt: string }> } };

export type DelegateNamesQueryVariables = Exact<{
  editionId: string;
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DelegateNamesQuery = { forumDelegates: { nodes: Array<{ id: string, name: string, organizationId: string, status: DelegateStatus }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ActRequestMeetingMutationVariables = Exact<{
  input: MeetingRequestInput;
}>;


export type ActRequestMeetingMutation = { requestMeeting: { id: string, status: MeetingRequestStatus } };

export type ActAcceptRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
  delegateId?: string | null | undefined;
}>;


export type ActAcceptRequestMutation = { acceptMeetingRequest: { id: string, status: MeetingRequestStatus } };

export type ActDeclineRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
}>;


export type ActDeclineRequestMutation = { declineMeetingRequest: { id: string, status: MeetingRequestStatus } };

export type ActCancelRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
}>;


export type ActCancelRequestMutation = { cancelMeetingRequest: { id: string, status: MeetingRequestStatus } };

export type ActSetUnavailableMutationVariables = Exact<{
  input: UpdateDelegateInput;
}>;


export type ActSetUnavailableMutation = { updateDelegate: { id: string, unavailableSlotIds: Array<string> } };

export type ConsoleForumDelegatesQueryVariables = Exact<{
  editionId: string;
  search?: string | null | undefined;
  country?: string | null | undefined;
  groupId?: string | null | undefined;
  status?: DelegateStatus | null | undefined;
  checkedIn?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleForumDelegatesQuery = { forumDelegates: { totalCount: number, nodes: Array<{ id: string, name: string, status: DelegateStatus, checkedInAt: string | null, groupId: string | null, organizationId: string, organizationCountry: string, organizationName: { ar: string | null, fr: string | null, en: string | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ConsoleMeetingRequestsQueryVariables = Exact<{
  editionId: string;
  organizationId?: string | null | undefined;
  groupId?: string | null | undefined;
  delegateId?: string | null | undefined;
  direction: RequestDirection;
  statuses?: Array<MeetingRequestStatus> | MeetingRequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleMeetingRequestsQuery = { meetingRequests: { totalCount: number, nodes: Array<{ id: string, status: MeetingRequestStatus, source: MeetingRequestSource, createdAt: string, respondedAt: string | null, fromDelegateId: string, fromDelegateName: string, fromOrganizationId: string, toDelegateId: string | null, toDelegateName: string | null, toOrganizationId: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ConsoleRequestMatrixQueryVariables = Exact<{
  editionId: string;
  groupBy: MeetingRequestMatrixGrouping;
}>;


export type ConsoleRequestMatrixQuery = { meetingRequestMatrix: Array<{ fromKey: string | null, toKey: string | null, pending: number, accepted: number, total: number, fromLabel: { ar: string | null, fr: string | null, en: string | null } | null, toLabel: { ar: string | null, fr: string | null, en: string | null } | null }> };

export type EditionStatisticsQueryVariables = Exact<{
  editionId: string;
}>;


export type EditionStatisticsQuery = { editionStatistics: { editionId: string, totals: { key: string, delegates: number, requestsSent: number, accepted: number, declined: number, pending: number, expired: number, cancelled: number, acceptanceRate: number | null, meetingsScheduled: number, meetingsHeld: number, noShows: number }, byCountry: Array<{ key: string, delegates: number, requestsSent: number, accepted: number, declined: number, pending: number, expired: number, cancelled: number, acceptanceRate: number | null, meetingsScheduled: number, meetingsHeld: number, noShows: number }>, bySector: Array<{ key: string, delegates: number, requestsSent: number, accepted: number, declined: number, pending: number, expired: number, cancelled: number, acceptanceRate: number | null, meetingsScheduled: number, meetingsHeld: number, noShows: number }>, byGroup: Array<{ key: string, delegates: number, requestsSent: number, accepted: number, declined: number, pending: number, expired: number, cancelled: number, acceptanceRate: number | null, meetingsScheduled: number, meetingsHeld: number, noShows: number }>, rounds: Array<{ slotId: string, position: number, day: string, session: string, startsAt: string, meetings: number, tablesUsed: number, tablesAvailable: number, utilisation: number | null }> } };

export type FollowUpReportQueryVariables = Exact<{
  editionId: string;
  stage?: FollowUpStage | null | undefined;
  first?: number | null | undefined;
}>;


export type FollowUpReportQuery = { followUpReport: { editionId: string, lastDay: string, requestDates: Array<string>, requestsSent: number, meetings: number, listTotal: number, stages: Array<{ stage: FollowUpStage, meetings: number }>, byCountry: Array<{ key: string, meetings: number, stages: Array<{ stage: FollowUpStage, meetings: number }> }>, bySector: Array<{ key: string, meetings: number, stages: Array<{ stage: FollowUpStage, meetings: number }> }>, list: Array<{ meetingId: string, startsAt: string, tableLabel: string | null, stage: FollowUpStage, sides: Array<{ delegateId: string, delegateName: string, organizationId: string, country: string | null, stage: FollowUpStage, reportedAt: string | null, organizationName: { ar: string | null, fr: string | null, en: string | null } }> }> } };

export type ForumEditionListQueryVariables = Exact<{ [key: string]: never; }>;


export type ForumEditionListQuery = { forumEditions: Array<{ id: string, timezone: string, startsOn: string, endsOn: string, venue: string | null, status: ForumEditionStatus, publishedAt: string | null, slotMinutes: number, maxRequestsPerDelegate: number | null, requestExpiryHours: number, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type ForumEditionPageQueryVariables = Exact<{
  editionId: string;
}>;


export type ForumEditionPageQuery = { forumEdition: { id: string, timezone: string, startsOn: string, endsOn: string, venue: string | null, status: ForumEditionStatus, publishedAt: string | null, slotMinutes: number, maxRequestsPerDelegate: number | null, requestExpiryHours: number, name: { ar: string | null, fr: string | null, en: string | null } }, forumSessions: Array<{ id: string, day: string, kind: ForumSessionKind, startsAt: string, endsAt: string }>, forumSlots: Array<{ id: string, day: string, startsAt: string, endsAt: string, isBreak: boolean, session: ForumSessionKind }> };

export type MyForumOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyForumOrganizationsQuery = { myOrganizations: Array<{ id: string, kind: OrganizationKind, status: OrganizationStatus, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type ForumDelegatesQueryVariables = Exact<{
  editionId: string;
  organizationId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ForumDelegatesQuery = { forumDelegates: { totalCount: number, nodes: Array<{ id: string, organizationId: string, userId: string | null, name: string, email: string, status: DelegateStatus, unavailableSlotIds: Array<string> }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ForumRegisterDelegateMutationVariables = Exact<{
  input: RegisterDelegateInput;
}>;


export type ForumRegisterDelegateMutation = { registerDelegate: { id: string, organizationId: string, userId: string | null, name: string, email: string, status: DelegateStatus, unavailableSlotIds: Array<string> } };

export type ForumSetUnavailableMutationVariables = Exact<{
  input: UpdateDelegateInput;
}>;


export type ForumSetUnavailableMutation = { updateDelegate: { id: string, organizationId: string, userId: string | null, name: string, email: string, status: DelegateStatus, unavailableSlotIds: Array<string> } };

export type ForumParticipantsQueryVariables = Exact<{
  editionId: string;
  filter?: ForumParticipantFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ForumParticipantsQuery = { forumParticipants: { edges: Array<{ node: { id: string, name: string, languages: Array<string>, goals: Array<DelegateGoal>, ownOrganization: boolean, requestId: string | null, requestStatus: MeetingRequestStatus | null, organization: { id: string, kind: OrganizationKind, country: string, sectors: Array<string>, name: { ar: string | null, fr: string | null, en: string | null } } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ForumSectorsQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type ForumSectorsQuery = { sectors: Array<{ code: string, label: string }> };

export type ForumRequestMeetingMutationVariables = Exact<{
  input: MeetingRequestInput;
}>;


export type ForumRequestMeetingMutation = { requestMeeting: { id: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, status: MeetingRequestStatus, createdAt: string, expiresAt: string } };

export type ForumMyMeetingRequestsQueryVariables = Exact<{
  editionId: string;
  organizationId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ForumMyMeetingRequestsQuery = { meetingRequests: { totalCount: number, nodes: Array<{ id: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, status: MeetingRequestStatus, createdAt: string, expiresAt: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ForumDelegateBadgeQueryVariables = Exact<{
  delegateId: string;
}>;


export type ForumDelegateBadgeQuery = { delegateBadge: { code: string, delegateId: string, editionId: string, delegateName: string, organizationName: { ar: string | null, fr: string | null, en: string | null } } };

export type ForumReportOutcomeMutationVariables = Exact<{
  meetingId: string;
  organizationId?: string | null | undefined;
  outcome: MeetingOutcome;
  note?: string | null | undefined;
}>;


export type ForumReportOutcomeMutation = { reportMeetingOutcome: Array<{ delegateId: string, outcome: MeetingOutcome | null }> };

export type NotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: { edges: Array<{ node: { id: string, kind: string, createdAt: string, readAt: string | null, payload: Array<{ name: string, value: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unreadCount: number } };

export type InboxOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxOrganizationsQuery = { myOrganizations: Array<{ id: string, kind: OrganizationKind, status: OrganizationStatus, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type OrganizationCardQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationCardQuery = { organization: { id: string, kind: OrganizationKind, country: string, city: string | null, contactsVisible: boolean, name: { ar: string | null, fr: string | null, en: string | null }, contacts: Array<{ id: string, name: string, role: string | null, email: string | null, phone: string | null }> } };

export type ContactRequestsQueryVariables = Exact<{
  organizationId: string;
  direction: ContactRequestDirection;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactRequestsQuery = { contactRequests: { totalCount: number, nodes: Array<{ id: string, fromOrganizationId: string, toOrganizationId: string, message: string | null, status: string, declineMessage: string | null, createdAt: string, expiresAt: string, respondedAt: string | null }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type RespondToContactRequestMutationVariables = Exact<{
  id: string;
  accept: boolean;
  message?: string | null | undefined;
}>;


export type RespondToContactRequestMutation = { respondToContactRequest: { id: string, fromOrganizationId: string, toOrganizationId: string, message: string | null, status: string, declineMessage: string | null, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type SendContactRequestAgainMutationVariables = Exact<{
  fromOrganizationId: string;
  toOrganizationId: string;
  message?: string | null | undefined;
}>;


export type SendContactRequestAgainMutation = { requestContact: { id: string, fromOrganizationId: string, toOrganizationId: string, message: string | null, status: string, declineMessage: string | null, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type CancelContactRequestMutationVariables = Exact<{
  id: string;
}>;


export type CancelContactRequestMutation = { cancelContactRequest: { id: string, fromOrganizationId: string, toOrganizationId: string, message: string | null, status: string, declineMessage: string | null, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type InboxEditionsQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxEditionsQuery = { forumEditions: Array<{ id: string, startsOn: string, timezone: string, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type MeetingRequestsQueryVariables = Exact<{
  editionId: string;
  organizationId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MeetingRequestsQuery = { meetingRequests: { totalCount: number, nodes: Array<{ id: string, editionId: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, reason: string | null, priority: number, status: MeetingRequestStatus, createdAt: string, expiresAt: string, respondedAt: string | null }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type AcceptMeetingRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
}>;


export type AcceptMeetingRequestMutation = { acceptMeetingRequest: { id: string, editionId: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, reason: string | null, priority: number, status: MeetingRequestStatus, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type DeclineMeetingRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type DeclineMeetingRequestMutation = { declineMeetingRequest: { id: string, editionId: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, reason: string | null, priority: number, status: MeetingRequestStatus, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type CancelMeetingRequestMutationVariables = Exact<{
  requestId: string;
  organizationId?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type CancelMeetingRequestMutation = { cancelMeetingRequest: { id: string, editionId: string, fromOrganizationId: string, toOrganizationId: string, fromDelegateId: string, toDelegateId: string | null, message: string | null, reason: string | null, priority: number, status: MeetingRequestStatus, createdAt: string, expiresAt: string, respondedAt: string | null } };

export type SuggestionsQueryVariables = Exact<{
  organizationId: string;
  kind: SuggestionKind;
  lang?: Lang | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SuggestionsQuery = { suggestions: { edges: Array<{ node: { id: string, kind: SuggestionKind, role: SuggestionRole | null, rank: number, score: number, verdict: SuggestionVerdict | null, counterpartId: string | null, counterpartDelegateId: string | null, contactRequestId: string | null, meetingRequestId: string | null, editionId: string | null, counterpart: { id: string, kind: OrganizationKind, country: string, city: string | null, name: { ar: string | null, fr: string | null, en: string | null } } | null, reasons: Array<{ code: string, text: string, score: number, direction: string }>, clusterProposal: { id: string, summary: string, valueChain: string | null, members: Array<{ organizationId: string, division: string, gap: string }> } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptSuggestionMutationVariables = Exact<{
  organizationId: string;
  suggestionId: string;
  message?: string | null | undefined;
}>;


export type AcceptSuggestionMutation = { acceptSuggestion: { suggestionId: string, verdict: SuggestionVerdict, contactRequestId: string | null, meetingRequestId: string | null } };

export type DismissSuggestionMutationVariables = Exact<{
  organizationId: string;
  suggestionId: string;
}>;


export type DismissSuggestionMutation = { dismissSuggestion: { suggestionId: string, verdict: SuggestionVerdict, contactRequestId: string | null, meetingRequestId: string | null } };

export type MarkSuggestionNotRelevantMutationVariables = Exact<{
  organizationId: string;
  suggestionId: string;
  reason: NotRelevantReason;
  comment?: string | null | undefined;
}>;


export type MarkSuggestionNotRelevantMutation = { markSuggestionNotRelevant: { suggestionId: string, verdict: SuggestionVerdict, contactRequestId: string | null, meetingRequestId: string | null } };

export type FinancierDeskQueryVariables = Exact<{
  organizationId: string;
  lang?: Lang | null | undefined;
}>;


export type FinancierDeskQuery = { financierCriteria: { sectors: Array<string>, countries: Array<string>, stages: Array<CompanyStage>, instruments: Array<FinancingInstrument>, ticketMin: number | null, ticketMax: number | null, currency: Currency | null, minAgeYears: number | null, minEmployeeBand: string | null, minPatents: number | null, innovationWanted: boolean | null, requiredCertifications: Array<Certification>, preferredCertifications: Array<Certification>, updatedAt: string } | null, savedSearches: Array<{ id: string, name: string, query: string | null, minScore: number, alertsEnabled: boolean, criteria: { sectors: Array<string>, countries: Array<string>, stages: Array<CompanyStage>, instruments: Array<FinancingInstrument>, ticketMin: number | null, ticketMax: number | null, currency: Currency | null, minAgeYears: number | null, minEmployeeBand: string | null, minPatents: number | null, innovationWanted: boolean | null, requiredCertifications: Array<Certification>, preferredCertifications: Array<Certification> } }>, savedSearchAlerts: Array<{ id: string, savedSearchId: string, organizationId: string, score: number, createdAt: string, seenAt: string | null }>, sectors: Array<{ code: string, label: string }> };

export type SetFinancierCriteriaMutationVariables = Exact<{
  organizationId: string;
  input: FinancierCriteriaInput;
}>;


export type SetFinancierCriteriaMutation = { setFinancierCriteria: { organizationId: string, updatedAt: string } };

export type CreateSavedSearchMutationVariables = Exact<{
  organizationId: string;
  input: SavedSearchInput;
}>;


export type CreateSavedSearchMutation = { createSavedSearch: { id: string } };

export type UpdateSavedSearchMutationVariables = Exact<{
  id: string;
  organizationId: string;
  input: SavedSearchInput;
}>;


export type UpdateSavedSearchMutation = { updateSavedSearch: { id: string } };

export type DeleteSavedSearchMutationVariables = Exact<{
  id: string;
  organizationId: string;
}>;


export type DeleteSavedSearchMutation = { deleteSavedSearch: boolean };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, kind: string, createdAt: string, readAt: string | null, payload: Array<{ name: string, value: string }> } };

export type SearchOrganizationsQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: OrganizationSearchFilter | null | undefined;
  limit: number;
  offset: number;
}>;


export type SearchOrganizationsQuery = { searchOrganizations: { estimatedTotal: number, offset: number, limit: number, hits: Array<{ id: string, kind: OrganizationKind, country: string, city: string | null, name: { ar: string | null, fr: string | null, en: string | null }, highlights: Array<{ field: string, snippet: string }> }>, facets: Array<{ field: string, values: Array<{ value: string, count: number }> }> } };

export type OrganizationQueryVariables = Exact<{
  id: string;
  lang?: Lang | null | undefined;
}>;


export type OrganizationQuery = { organization: { id: string, kind: OrganizationKind, subtype: OrganizationSubtype | null, country: string, region: string | null, city: string | null, website: string | null, foundedYear: number | null, employeeBand: string | null, languages: Array<string>, sectors: Array<string>, certifications: Array<Certification>, contactsVisible: boolean, name: { ar: string | null, fr: string | null, en: string | null }, description: { ar: string | null, fr: string | null, en: string | null }, capabilities: Array<{ process: Process }>, contacts: Array<{ id: string, name: string, role: string | null, email: string | null, phone: string | null }>, opportunities: Array<{ id: string, type: OpportunityType, expiresAt: string | null, archived: boolean, title: { ar: string | null, fr: string | null, en: string | null } }> }, sectors: Array<{ code: string, label: string }>, processes: Array<{ code: string, label: string }>, certifications: Array<{ code: string, label: string }>, organizationSubtypes: Array<{ code: string, label: string }>, opportunityTypes: Array<{ code: string, label: string }> };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: boolean };

export type ResendVerificationMutationVariables = Exact<{
  email: string;
}>;


export type ResendVerificationMutation = { resendVerification: boolean };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string } };

export type RefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, locale: Locale, emailVerified: boolean, roles: Array<PlatformRole> } | null };

export type ForumEditionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ForumEditionsQuery = { forumEditions: Array<{ id: string, timezone: string, startsOn: string, endsOn: string, venue: string | null, publishedAt: string | null, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type MyAgendaEditionQueryVariables = Exact<{
  editionId: string;
}>;


export type MyAgendaEditionQuery = { me: { id: string } | null, forumEdition: { id: string, timezone: string, startsOn: string, endsOn: string, venue: string | null, publishedAt: string | null, name: { ar: string | null, fr: string | null, en: string | null } }, myOrganizations: Array<{ id: string, name: { ar: string | null, fr: string | null, en: string | null } }> };

export type OrganizationAgendaQueryVariables = Exact<{
  editionId: string;
  organizationId: string;
}>;


export type OrganizationAgendaQuery = { organizationAgenda: Array<{ meetingId: string, start: string, end: string, timezone: string, tableLabel: string | null, delegateId: string, delegateName: string, organizationId: string, counterpartDelegateName: string, counterpartOrganizationName: string, status: MeetingStatus }> };

export type AgendaFeedUrlMutationVariables = Exact<{
  delegateId: string;
}>;


export type AgendaFeedUrlMutation = { agendaFeedUrl: { url: string } };

export type TaxonomiesQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type TaxonomiesQuery = { organizationKinds: Array<{ code: string, label: string, parent: string | null }>, organizationSubtypes: Array<{ code: string, label: string, parent: string | null }>, sectors: Array<{ code: string, label: string, parent: string | null }>, processes: Array<{ code: string, label: string, parent: string | null }>, certifications: Array<{ code: string, label: string, parent: string | null }>, countries: Array<{ code: string, label: string, parent: string | null }>, regions: Array<{ code: string, label: string, parent: string | null }>, employeeBands: Array<{ code: string, label: string, parent: string | null }>, financingInstruments: Array<{ code: string, label: string, parent: string | null }>, opportunityTypes: Array<{ code: string, label: string, parent: string | null }> };

export type MyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationsQuery = { myOrganizations: Array<{ id: string, kind: OrganizationKind, status: OrganizationStatus, country: string, city: string | null, updatedAt: string, name: { ar: string | null, fr: string | null, en: string | null } }>, me: { id: string, memberships: Array<{ organizationId: string, role: MembershipRole }> } | null };

export type MyOrganizationQueryVariables = Exact<{
  id: string;
}>;


export type MyOrganizationQuery = { organization: { id: string, kind: OrganizationKind, subtype: OrganizationSubtype | null, status: OrganizationStatus, version: number, country: string, regionCode: string | null, city: string | null, website: string | null, foundedYear: number | null, employeeBand: string | null, sectors: Array<string>, certifications: Array<Certification>, languages: Array<string>, reviewedAt: string | null, name: { ar: string | null, fr: string | null, en: string | null }, description: { ar: string | null, fr: string | null, en: string | null }, contacts: Array<{ id: string, name: string, role: string | null, email: string | null, phone: string | null }>, capabilities: Array<{ process: Process, monthlyCapacity: number | null, capacityUnit: string | null }>, innovation: { patents: number, utilityModels: number, industrialDesigns: number, trademarks: number, rdActivity: boolean }, financier: { instruments: Array<FinancingInstrument>, ticketMin: number | null, ticketMax: number | null, currency: Currency | null } | null, pendingChange: { id: string, requestedAt: string, changes: Array<{ field: string }> } | null, opportunities: Array<{ id: string, type: OpportunityType, status: OpportunityStatus, expiresAt: string | null, archived: boolean, title: { ar: string | null, fr: string | null, en: string | null }, description: { ar: string | null, fr: string | null, en: string | null } }> } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { id: string, status: OrganizationStatus } };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { id: string, kind: OrganizationKind, subtype: OrganizationSubtype | null, status: OrganizationStatus, version: number, country: string, regionCode: string | null, city: string | null, website: string | null, foundedYear: number | null, employeeBand: string | null, sectors: Array<string>, certifications: Array<Certification>, languages: Array<string>, reviewedAt: string | null, name: { ar: string | null, fr: string | null, en: string | null }, description: { ar: string | null, fr: string | null, en: string | null }, contacts: Array<{ id: string, name: string, role: string | null, email: string | null, phone: string | null }>, capabilities: Array<{ process: Process, monthlyCapacity: number | null, capacityUnit: string | null }>, innovation: { patents: number, utilityModels: number, industrialDesigns: number, trademarks: number, rdActivity: boolean }, financier: { instruments: Array<FinancingInstrument>, ticketMin: number | null, ticketMax: number | null, currency: Currency | null } | null, pendingChange: { id: string, requestedAt: string, changes: Array<{ field: string }> } | null, opportunities: Array<{ id: string, type: OpportunityType, status: OpportunityStatus, expiresAt: string | null, archived: boolean, title: { ar: string | null, fr: string | null, en: string | null }, description: { ar: string | null, fr: string | null, en: string | null } }> } };

export type ResubmitOrganizationMutationVariables = Exact<{
  id: string;
}>;


export type ResubmitOrganizationMutation = { resubmitOrganization: { id: string, status: OrganizationStatus } };

export type ReviewNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewNoticesQuery = { notifications: { edges: Array<{ node: { id: string, kind: string, createdAt: string, payload: Array<{ name: string, value: string }> } }> } };

export type OrganizationMembersQueryVariables = Exact<{
  organizationId: string;
}>;


export type OrganizationMembersQuery = { organizationMembers: Array<{ userId: string, displayName: string, email: string, role: MembershipRole, since: string }> };

export type InviteMemberMutationVariables = Exact<{
  organizationId: string;
  email: string;
  role: MembershipRole;
}>;


export type InviteMemberMutation = { inviteMember: { id: string, email: string, role: MembershipRole, expiresAt: string } };

export type OrganizationInvitationsQueryVariables = Exact<{
  organizationId: string;
}>;


export type OrganizationInvitationsQuery = { organizationInvitations: Array<{ id: string, email: string, role: MembershipRole, createdAt: string, expiresAt: string, invitedBy: string | null }> };

export type RevokeInvitationMutationVariables = Exact<{
  organizationId: string;
  invitationId: string;
}>;


export type RevokeInvitationMutation = { revokeInvitation: boolean };

export type RemoveMemberMutationVariables = Exact<{
  organizationId: string;
  userId: string;
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { organizationId: string, role: MembershipRole } };

export type CreateOpportunityMutationVariables = Exact<{
  input: CreateOpportunityInput;
}>;


export type CreateOpportunityMutation = { createOpportunity: { id: string } };

export type RenewOpportunityMutationVariables = Exact<{
  id: string;
  expiresAt: string;
}>;


export type RenewOpportunityMutation = { renewOpportunity: { id: string, expiresAt: string | null } };

export type ArchiveOpportunityMutationVariables = Exact<{
  id: string;
}>;


export type ArchiveOpportunityMutation = { archiveOpportunity: { id: string, archived: boolean } };

export type SearchOpportunitiesQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: OpportunitySearchFilter | null | undefined;
  limit: number;
  offset: number;
}>;


export type SearchOpportunitiesQuery = { searchOpportunities: { estimatedTotal: number, offset: number, limit: number, hits: Array<{ id: string, type: OpportunityType, organizationId: string, organizationName: string, country: string, expiresAt: string | null, title: { ar: string | null, fr: string | null, en: string | null }, highlights: Array<{ field: string, snippet: string }> }>, facets: Array<{ field: string, values: Array<{ value: string, count: number }> }> } };

export type ClaimOptionsQueryVariables = Exact<{
  id: string;
}>;


export type ClaimOptionsQuery = { claimOptions: Array<{ address: string, kind: ClaimAddressKind }> };

export type ClaimOrganizationMutationVariables = Exact<{
  id: string;
  email: string;
}>;


export type ClaimOrganizationMutation = { claimOrganization: { id: string, organizationId: string, organizationName: string, address: string, status: OrganizationClaimStatus, expiresAt: string, note: string | null } };

export type ConfirmClaimMutationVariables = Exact<{
  claimId: string;
  code: string;
}>;


export type ConfirmClaimMutation = { confirmOrganizationClaim: { id: string, organizationId: string, organizationName: string, address: string, status: OrganizationClaimStatus, expiresAt: string, note: string | null } };

export type MyClaimsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyClaimsQuery = { myOrganizationClaims: Array<{ id: string, organizationId: string, organizationName: string, address: string, status: OrganizationClaimStatus, expiresAt: string, note: string | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    startedAt
    lastActiveAt
    expiresAt
    userAgent
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
export const LogoutEverywhereDocument = new TypedDocumentString(`
    mutation LogoutEverywhere {
  logoutEverywhere
}
    `) as unknown as TypedDocumentString<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const SetMyLocaleDocument = new TypedDocumentString(`
    mutation SetMyLocale($locale: Locale!) {
  setMyLocale(locale: $locale)
}
    `) as unknown as TypedDocumentString<SetMyLocaleMutation, SetMyLocaleMutationVariables>;
export const ExportMyDataDocument = new TypedDocumentString(`
    query ExportMyData {
  exportMyData
}
    `) as unknown as TypedDocumentString<ExportMyDataQuery, ExportMyDataQueryVariables>;
export const DeleteMyAccountDocument = new TypedDocumentString(`
    mutation DeleteMyAccount($password: String!) {
  deleteMyAccount(password: $password) {
    deleted
    archivedOrganizationIds
  }
}
    `) as unknown as TypedDocumentString<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  notificationPreferences {
    kind
    email
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const SetNotificationPreferencesDocument = new TypedDocumentString(`
    mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
  setNotificationPreferences(preferences: $preferences) {
    kind
    email
  }
}
    `) as unknown as TypedDocumentString<SetNotificationPreferencesMutation, SetNotificationPreferencesMutationVariables>;
export const UnsubscribeDocument = new TypedDocumentString(`
    mutation Unsubscribe($token: String!) {
  unsubscribe(token: $token) {
    kind
    email
  }
}
    `) as unknown as TypedDocumentString<UnsubscribeMutation, UnsubscribeMutationVariables>;
export const ConsoleCountsDocument = new TypedDocumentString(`
    query ConsoleCounts {
  reviewQueue(first: 100) {
    edges {
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
  pendingOrganizationChanges(first: 100) {
    edges {
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
  organizationClaims(first: 100, status: CONTESTED) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleCountsQuery, ConsoleCountsQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($after: String) {
  reviewQueue(first: 20, after: $after) {
    edges {
      cursor
      node {
        id
        kind
        name {
          ar
          fr
          en
        }
        country
        city
        website
        createdAt
        status
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const PendingChangesDocument = new TypedDocumentString(`
    query PendingChanges($after: String) {
  pendingOrganizationChanges(first: 20, after: $after) {
    edges {
      cursor
      node {
        id
        organizationId
        requestedAt
        changes {
          field
          before
          after
        }
        organization {
          id
          name {
            ar
            fr
            en
          }
          kind
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<PendingChangesQuery, PendingChangesQueryVariables>;
export const ApproveOrganizationDocument = new TypedDocumentString(`
    mutation ApproveOrganization($id: ID!, $note: String) {
  approveOrganization(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveOrganizationMutation, ApproveOrganizationMutationVariables>;
export const RejectOrganizationDocument = new TypedDocumentString(`
    mutation RejectOrganization($id: ID!, $note: String!) {
  rejectOrganization(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectOrganizationMutation, RejectOrganizationMutationVariables>;
export const ApproveOrganizationChangeDocument = new TypedDocumentString(`
    mutation ApproveOrganizationChange($id: ID!, $note: String) {
  approveOrganizationChange(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveOrganizationChangeMutation, ApproveOrganizationChangeMutationVariables>;
export const RejectOrganizationChangeDocument = new TypedDocumentString(`
    mutation RejectOrganizationChange($id: ID!, $note: String!) {
  rejectOrganizationChange(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectOrganizationChangeMutation, RejectOrganizationChangeMutationVariables>;
export const OrganizationClaimsDocument = new TypedDocumentString(`
    query OrganizationClaims($status: OrganizationClaimStatus) {
  organizationClaims(first: 100, status: $status) {
    id
    organizationId
    organizationName
    claimantId
    claimantName
    claimantEmail
    address
    status
    contestReason
    createdAt
    expiresAt
    resolvedAt
    note
  }
}
    `) as unknown as TypedDocumentString<OrganizationClaimsQuery, OrganizationClaimsQueryVariables>;
export const ResolveOrganizationClaimDocument = new TypedDocumentString(`
    mutation ResolveOrganizationClaim($id: ID!, $approve: Boolean!, $note: String) {
  resolveOrganizationClaim(id: $id, approve: $approve, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResolveOrganizationClaimMutation, ResolveOrganizationClaimMutationVariables>;
export const PlatformStaffDocument = new TypedDocumentString(`
    query PlatformStaff {
  platformStaff {
    userId
    email
    displayName
    roles
  }
}
    `) as unknown as TypedDocumentString<PlatformStaffQuery, PlatformStaffQueryVariables>;
export const UserByEmailDocument = new TypedDocumentString(`
    query UserByEmail($email: String!) {
  userByEmail(email: $email) {
    userId
    email
    displayName
    roles
  }
}
    `) as unknown as TypedDocumentString<UserByEmailQuery, UserByEmailQueryVariables>;
export const SetPlatformRolesDocument = new TypedDocumentString(`
    mutation SetPlatformRoles($userId: ID!, $roles: [PlatformRole!]!) {
  setPlatformRoles(userId: $userId, roles: $roles) {
    userId
    email
    previousRoles
    roles
  }
}
    `) as unknown as TypedDocumentString<SetPlatformRolesMutation, SetPlatformRolesMutationVariables>;
export const ImportOrganizationsDocument = new TypedDocumentString(`
    mutation ImportOrganizations($input: ImportChunkInput!) {
  importOrganizations(input: $input) {
    read
    imported
    skipped
    rejected {
      line
      ref
      reasons
    }
  }
}
    `) as unknown as TypedDocumentString<ImportOrganizationsMutation, ImportOrganizationsMutationVariables>;
export const MailDeliveriesDocument = new TypedDocumentString(`
    query MailDeliveries($status: MailDeliveryStatus, $to: String, $after: String) {
  mailDeliveries(first: 20, status: $status, to: $to, after: $after) {
    edges {
      cursor
      node {
        id
        to
        subject
        template
        locale
        status
        attempts
        lastError
        createdAt
        sentAt
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<MailDeliveriesQuery, MailDeliveriesQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($entityType: String, $entityId: String, $actorId: ID, $before: String) {
  auditLog(
    first: 50
    entityType: $entityType
    entityId: $entityId
    actorId: $actorId
    before: $before
  ) {
    entries {
      id
      at
      action
      actorId
      entityType
      entityId
      fields
      before
      after
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const OpenJobQueuesDocument = new TypedDocumentString(`
    mutation OpenJobQueues {
  openJobQueues
}
    `) as unknown as TypedDocumentString<OpenJobQueuesMutation, OpenJobQueuesMutationVariables>;
export const EditionBadgesDocument = new TypedDocumentString(`
    query EditionBadges($editionId: ID!, $after: String, $limit: Int!) {
  editionBadges(editionId: $editionId, after: $after, limit: $limit) {
    total
    endCursor
    hasNextPage
    badges {
      code
      delegateId
      delegateName
      organizationName {
        ar
        fr
        en
      }
      organizationCountry
      checkedInAt
    }
  }
}
    `) as unknown as TypedDocumentString<EditionBadgesQuery, EditionBadgesQueryVariables>;
export const DeskDelegatesDocument = new TypedDocumentString(`
    query DeskDelegates($editionId: ID!, $first: Int, $after: String) {
  forumDelegates(editionId: $editionId, first: $first, after: $after) {
    nodes {
      id
      name
      organizationId
      status
      checkedInAt
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DeskDelegatesQuery, DeskDelegatesQueryVariables>;
export const CheckInBadgeDocument = new TypedDocumentString(`
    mutation CheckInBadge($editionId: ID!, $code: String!) {
  checkInBadge(editionId: $editionId, code: $code) {
    alreadyCheckedIn
    badge {
      code
      delegateId
      delegateName
      organizationName {
        ar
        fr
        en
      }
      organizationCountry
      checkedInAt
    }
  }
}
    `) as unknown as TypedDocumentString<CheckInBadgeMutation, CheckInBadgeMutationVariables>;
export const CheckInDelegateDocument = new TypedDocumentString(`
    mutation CheckInDelegate($delegateId: ID!) {
  checkIn(delegateId: $delegateId) {
    id
    name
    checkedInAt
  }
}
    `) as unknown as TypedDocumentString<CheckInDelegateMutation, CheckInDelegateMutationVariables>;
export const MarkNoShowDocument = new TypedDocumentString(`
    mutation MarkNoShow($meetingId: ID!, $absentDelegateId: ID!) {
  markNoShow(meetingId: $meetingId, absentDelegateId: $absentDelegateId) {
    delegateId
    outcome
  }
}
    `) as unknown as TypedDocumentString<MarkNoShowMutation, MarkNoShowMutationVariables>;
export const DeskFreeSlotsDocument = new TypedDocumentString(`
    query DeskFreeSlots($editionId: ID!, $delegateId: ID!, $withDelegateId: ID!) {
  freeSlots(
    editionId: $editionId
    delegateId: $delegateId
    withDelegateId: $withDelegateId
  ) {
    slotId
    startsAt
    endsAt
    freeTables
  }
}
    `) as unknown as TypedDocumentString<DeskFreeSlotsQuery, DeskFreeSlotsQueryVariables>;
export const DeskWalkInDocument = new TypedDocumentString(`
    mutation DeskWalkIn($input: WalkInInput!) {
  bookWalkIn(input: $input) {
    meeting {
      id
      slotId
      tableId
    }
  }
}
    `) as unknown as TypedDocumentString<DeskWalkInMutation, DeskWalkInMutationVariables>;
export const DeskRequestChangedDocument = new TypedDocumentString(`
    subscription DeskRequestChanged($editionId: ID!) {
  meetingRequestChanged(editionId: $editionId) {
    requestId
    action
    status
  }
}
    `) as unknown as TypedDocumentString<DeskRequestChangedSubscription, DeskRequestChangedSubscriptionVariables>;
export const DeskAgendaChangedDocument = new TypedDocumentString(`
    subscription DeskAgendaChanged($delegateId: ID!) {
  agendaChanged(delegateId: $delegateId) {
    delegateId
    meetingIds
  }
}
    `) as unknown as TypedDocumentString<DeskAgendaChangedSubscription, DeskAgendaChangedSubscriptionVariables>;
export const ConsoleEditionsDocument = new TypedDocumentString(`
    query ConsoleEditions {
  forumEditions {
    id
    name {
      ar
      fr
      en
    }
    status
    startsOn
    endsOn
    timezone
    venue
    slotMinutes
    fairness
    maxMeetingsPerDelegate
    maxRequestsPerDelegate
    requestExpiryHours
    reminderMinutes
    publishedAt
    publishedVersion
    version
  }
}
    `) as unknown as TypedDocumentString<ConsoleEditionsQuery, ConsoleEditionsQueryVariables>;
export const EditionSetupDocument = new TypedDocumentString(`
    query EditionSetup($id: ID!) {
  forumEdition(id: $id) {
    id
    name {
      ar
      fr
      en
    }
    status
    startsOn
    endsOn
    timezone
    venue
    slotMinutes
    fairness
    maxMeetingsPerDelegate
    maxRequestsPerDelegate
    requestExpiryHours
    reminderMinutes
    publishedAt
    publishedVersion
    version
  }
  forumSessions(editionId: $id) {
    id
    day
    kind
    startsAt
    endsAt
    breaks {
      start
      end
    }
  }
  forumTables(editionId: $id, includeInactive: true) {
    id
    label
    capacity
    interpreter
    languages
    active
    organizationId
  }
  forumGroups(editionId: $id) {
    id
    code
    name {
      ar
      fr
      en
    }
    maxMeetings
    maxRequests
  }
  forumGroupRules(editionId: $id) {
    groupId
    mayMeetGroupId
  }
  forumSlots(editionId: $id) {
    id
    day
    position
    session
    startsAt
    endsAt
    isBreak
  }
}
    `) as unknown as TypedDocumentString<EditionSetupQuery, EditionSetupQueryVariables>;
export const CreateForumEditionDocument = new TypedDocumentString(`
    mutation CreateForumEdition($input: CreateForumEditionInput!) {
  createForumEdition(input: $input) {
    id
    name {
      ar
      fr
      en
    }
    status
    startsOn
    endsOn
    timezone
    venue
    slotMinutes
    fairness
    maxMeetingsPerDelegate
    maxRequestsPerDelegate
    requestExpiryHours
    reminderMinutes
    publishedAt
    publishedVersion
    version
  }
}
    `) as unknown as TypedDocumentString<CreateForumEditionMutation, CreateForumEditionMutationVariables>;
export const UpdateForumEditionDocument = new TypedDocumentString(`
    mutation UpdateForumEdition($input: UpdateForumEditionInput!) {
  updateForumEdition(input: $input) {
    id
    name {
      ar
      fr
      en
    }
    status
    startsOn
    endsOn
    timezone
    venue
    slotMinutes
    fairness
    maxMeetingsPerDelegate
    maxRequestsPerDelegate
    requestExpiryHours
    reminderMinutes
    publishedAt
    publishedVersion
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateForumEditionMutation, UpdateForumEditionMutationVariables>;
export const SetForumEditionStatusDocument = new TypedDocumentString(`
    mutation SetForumEditionStatus($id: ID!, $status: ForumEditionStatus!) {
  setForumEditionStatus(id: $id, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SetForumEditionStatusMutation, SetForumEditionStatusMutationVariables>;
export const AddForumTablesDocument = new TypedDocumentString(`
    mutation AddForumTables($editionId: ID!, $tables: [ForumTableInput!]!) {
  addForumTables(editionId: $editionId, tables: $tables) {
    id
    label
    capacity
    interpreter
    languages
    active
    organizationId
  }
}
    `) as unknown as TypedDocumentString<AddForumTablesMutation, AddForumTablesMutationVariables>;
export const UpdateForumTableDocument = new TypedDocumentString(`
    mutation UpdateForumTable($input: UpdateForumTableInput!) {
  updateForumTable(input: $input) {
    id
    label
    capacity
    interpreter
    languages
    active
    organizationId
  }
}
    `) as unknown as TypedDocumentString<UpdateForumTableMutation, UpdateForumTableMutationVariables>;
export const CreateForumGroupDocument = new TypedDocumentString(`
    mutation CreateForumGroup($editionId: ID!, $input: ForumGroupInput!) {
  createForumGroup(editionId: $editionId, input: $input) {
    id
    code
    name {
      ar
      fr
      en
    }
    maxMeetings
    maxRequests
  }
}
    `) as unknown as TypedDocumentString<CreateForumGroupMutation, CreateForumGroupMutationVariables>;
export const SetForumGroupRulesDocument = new TypedDocumentString(`
    mutation SetForumGroupRules($groupId: ID!, $mayMeetGroupIds: [ID!]!) {
  setForumGroupRules(groupId: $groupId, mayMeetGroupIds: $mayMeetGroupIds) {
    groupId
    mayMeetGroupId
  }
}
    `) as unknown as TypedDocumentString<SetForumGroupRulesMutation, SetForumGroupRulesMutationVariables>;
export const ConsoleRegisterDelegateDocument = new TypedDocumentString(`
    mutation ConsoleRegisterDelegate($input: RegisterDelegateInput!) {
  registerDelegate(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegisterDelegateMutation, ConsoleRegisterDelegateMutationVariables>;
export const AssignDelegateGroupDocument = new TypedDocumentString(`
    mutation AssignDelegateGroup($delegateId: ID!, $groupId: ID) {
  assignDelegateGroup(delegateId: $delegateId, groupId: $groupId) {
    id
    groupId
  }
}
    `) as unknown as TypedDocumentString<AssignDelegateGroupMutation, AssignDelegateGroupMutationVariables>;
export const ScheduleEditionDocument = new TypedDocumentString(`
    mutation ScheduleEdition($editionId: ID!, $timeLimitSeconds: Int!, $allowMoves: Boolean!) {
  scheduleEdition(
    editionId: $editionId
    timeLimitSeconds: $timeLimitSeconds
    allowMoves: $allowMoves
  ) {
    id
    state
    result
    phase
    progress
    reason
    createdAt
    finishedAt
    summary {
      requests
      scheduled
      totalBreaks
      maxBreaks
      minBreaks
      lowerBound
      tableChanges
      moved
      timeMs
      method
      unscheduled {
        requestId
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleEditionMutation, ScheduleEditionMutationVariables>;
export const ScheduleRunDocument = new TypedDocumentString(`
    query ScheduleRun($jobId: ID!) {
  scheduleRun(jobId: $jobId) {
    id
    state
    result
    phase
    progress
    reason
    createdAt
    finishedAt
    summary {
      requests
      scheduled
      totalBreaks
      maxBreaks
      minBreaks
      lowerBound
      tableChanges
      moved
      timeMs
      method
      unscheduled {
        requestId
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleRunQuery, ScheduleRunQueryVariables>;
export const ScheduleRunsDocument = new TypedDocumentString(`
    query ScheduleRuns($editionId: ID!) {
  scheduleRuns(editionId: $editionId) {
    id
    state
    result
    phase
    progress
    reason
    createdAt
    finishedAt
    summary {
      requests
      scheduled
      totalBreaks
      maxBreaks
      minBreaks
      lowerBound
      tableChanges
      moved
      timeMs
      method
      unscheduled {
        requestId
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleRunsQuery, ScheduleRunsQueryVariables>;
export const ScheduleRunProgressDocument = new TypedDocumentString(`
    subscription ScheduleRunProgress($runId: ID!) {
  scheduleRunProgress(runId: $runId) {
    runId
    phase
    bestBreaks
    lowerBound
    elapsedMs
    fraction
    unscheduledWeight
  }
}
    `) as unknown as TypedDocumentString<ScheduleRunProgressSubscription, ScheduleRunProgressSubscriptionVariables>;
export const EditionMeetingsDocument = new TypedDocumentString(`
    query EditionMeetings($editionId: ID!, $view: AgendaView!) {
  editionMeetings(editionId: $editionId, view: $view) {
    meetingId
    status
    pinned
    requestId
    slotId
    tableId
    tableLabel
    delegateId
    delegateName
    organizationName
    counterpartDelegateId
    counterpartDelegateName
    counterpartOrganizationName
  }
}
    `) as unknown as TypedDocumentString<EditionMeetingsQuery, EditionMeetingsQueryVariables>;
export const MoveMeetingDocument = new TypedDocumentString(`
    mutation MoveMeeting($meetingId: ID!, $slotId: ID!, $tableId: ID) {
  moveMeeting(meetingId: $meetingId, slotId: $slotId, tableId: $tableId) {
    id
    slotId
    tableId
    pinned
    status
  }
}
    `) as unknown as TypedDocumentString<MoveMeetingMutation, MoveMeetingMutationVariables>;
export const PinMeetingDocument = new TypedDocumentString(`
    mutation PinMeeting($meetingId: ID!, $pinned: Boolean!) {
  pinMeeting(meetingId: $meetingId, pinned: $pinned) {
    id
    slotId
    tableId
    pinned
    status
  }
}
    `) as unknown as TypedDocumentString<PinMeetingMutation, PinMeetingMutationVariables>;
export const CancelMeetingDocument = new TypedDocumentString(`
    mutation CancelMeeting($meetingId: ID!) {
  cancelMeeting(meetingId: $meetingId) {
    id
    slotId
    tableId
    pinned
    status
  }
}
    `) as unknown as TypedDocumentString<CancelMeetingMutation, CancelMeetingMutationVariables>;
export const PublishScheduleDocument = new TypedDocumentString(`
    mutation PublishSchedule($editionId: ID!) {
  publishSchedule(editionId: $editionId) {
    changedMeetings
    changedDelegates
    publishedVersion
  }
}
    `) as unknown as TypedDocumentString<PublishScheduleMutation, PublishScheduleMutationVariables>;
export const ConsoleCountriesDocument = new TypedDocumentString(`
    query ConsoleCountries {
  countries {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<ConsoleCountriesQuery, ConsoleCountriesQueryVariables>;
export const ScheduleChangesDocument = new TypedDocumentString(`
    query ScheduleChanges($editionId: ID!, $delegateId: ID, $kind: ScheduleChangeKind, $first: Int!, $after: String) {
  scheduleChanges(
    editionId: $editionId
    delegateId: $delegateId
    kind: $kind
    first: $first
    after: $after
  ) {
    publishedVersion
    publishedAt
    newMeetings
    moved
    cancelled
    delegates
    endCursor
    hasNextPage
    changes {
      meetingId
      kind
      slotId
      tableLabel
      publishedSlotId
      publishedTableLabel
      delegateId
      delegateName
      organizationName
      counterpartDelegateId
      counterpartDelegateName
      counterpartOrganizationName
    }
    changedDelegates {
      delegateId
      name
      organizationName
      changes
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleChangesQuery, ScheduleChangesQueryVariables>;
export const DelegateActingDocument = new TypedDocumentString(`
    query DelegateActing($editionId: ID!, $organizationId: ID!, $delegateId: ID!) {
  own: forumDelegates(
    editionId: $editionId
    organizationId: $organizationId
    first: 500
  ) {
    nodes {
      id
      unavailableSlotIds
    }
  }
  meetingRequests(
    editionId: $editionId
    delegateId: $delegateId
    statuses: [PENDING, ACCEPTED]
    first: 500
  ) {
    nodes {
      id
      fromDelegateId
      fromDelegateName
      fromOrganizationId
      toDelegateId
      toDelegateName
      toOrganizationId
      status
      source
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<DelegateActingQuery, DelegateActingQueryVariables>;
export const DelegateNamesDocument = new TypedDocumentString(`
    query DelegateNames($editionId: ID!, $search: String, $first: Int!, $after: String) {
  forumDelegates(
    editionId: $editionId
    search: $search
    status: REGISTERED
    first: $first
    after: $after
  ) {
    nodes {
      id
      name
      organizationId
      status
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<DelegateNamesQuery, DelegateNamesQueryVariables>;
export const ActRequestMeetingDocument = new TypedDocumentString(`
    mutation ActRequestMeeting($input: MeetingRequestInput!) {
  requestMeeting(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ActRequestMeetingMutation, ActRequestMeetingMutationVariables>;
export const ActAcceptRequestDocument = new TypedDocumentString(`
    mutation ActAcceptRequest($requestId: ID!, $organizationId: ID, $delegateId: ID) {
  acceptMeetingRequest(
    requestId: $requestId
    organizationId: $organizationId
    delegateId: $delegateId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ActAcceptRequestMutation, ActAcceptRequestMutationVariables>;
export const ActDeclineRequestDocument = new TypedDocumentString(`
    mutation ActDeclineRequest($requestId: ID!, $organizationId: ID) {
  declineMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ActDeclineRequestMutation, ActDeclineRequestMutationVariables>;
export const ActCancelRequestDocument = new TypedDocumentString(`
    mutation ActCancelRequest($requestId: ID!, $organizationId: ID) {
  cancelMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ActCancelRequestMutation, ActCancelRequestMutationVariables>;
export const ActSetUnavailableDocument = new TypedDocumentString(`
    mutation ActSetUnavailable($input: UpdateDelegateInput!) {
  updateDelegate(input: $input) {
    id
    unavailableSlotIds
  }
}
    `) as unknown as TypedDocumentString<ActSetUnavailableMutation, ActSetUnavailableMutationVariables>;
export const ConsoleForumDelegatesDocument = new TypedDocumentString(`
    query ConsoleForumDelegates($editionId: ID!, $search: String, $country: String, $groupId: ID, $status: DelegateStatus, $checkedIn: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  forumDelegates(
    editionId: $editionId
    search: $search
    country: $country
    groupId: $groupId
    status: $status
    checkedIn: $checkedIn
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      id
      name
      status
      checkedInAt
      groupId
      organizationId
      organizationName {
        ar
        fr
        en
      }
      organizationCountry
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ConsoleForumDelegatesQuery, ConsoleForumDelegatesQueryVariables>;
export const ConsoleMeetingRequestsDocument = new TypedDocumentString(`
    query ConsoleMeetingRequests($editionId: ID!, $organizationId: ID, $groupId: ID, $delegateId: ID, $direction: RequestDirection!, $statuses: [MeetingRequestStatus!], $first: Int, $after: String, $last: Int, $before: String) {
  meetingRequests(
    editionId: $editionId
    organizationId: $organizationId
    groupId: $groupId
    delegateId: $delegateId
    direction: $direction
    statuses: $statuses
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      id
      status
      source
      createdAt
      respondedAt
      fromDelegateId
      fromDelegateName
      fromOrganizationId
      toDelegateId
      toDelegateName
      toOrganizationId
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ConsoleMeetingRequestsQuery, ConsoleMeetingRequestsQueryVariables>;
export const ConsoleRequestMatrixDocument = new TypedDocumentString(`
    query ConsoleRequestMatrix($editionId: ID!, $groupBy: MeetingRequestMatrixGrouping!) {
  meetingRequestMatrix(editionId: $editionId, groupBy: $groupBy) {
    fromKey
    fromLabel {
      ar
      fr
      en
    }
    toKey
    toLabel {
      ar
      fr
      en
    }
    pending
    accepted
    total
  }
}
    `) as unknown as TypedDocumentString<ConsoleRequestMatrixQuery, ConsoleRequestMatrixQueryVariables>;
export const EditionStatisticsDocument = new TypedDocumentString(`
    query EditionStatistics($editionId: ID!) {
  editionStatistics(editionId: $editionId) {
    editionId
    totals {
      key
      delegates
      requestsSent
      accepted
      declined
      pending
      expired
      cancelled
      acceptanceRate
      meetingsScheduled
      meetingsHeld
      noShows
    }
    byCountry {
      key
      delegates
      requestsSent
      accepted
      declined
      pending
      expired
      cancelled
      acceptanceRate
      meetingsScheduled
      meetingsHeld
      noShows
    }
    bySector {
      key
      delegates
      requestsSent
      accepted
      declined
      pending
      expired
      cancelled
      acceptanceRate
      meetingsScheduled
      meetingsHeld
      noShows
    }
    byGroup {
      key
      delegates
      requestsSent
      accepted
      declined
      pending
      expired
      cancelled
      acceptanceRate
      meetingsScheduled
      meetingsHeld
      noShows
    }
    rounds {
      slotId
      position
      day
      session
      startsAt
      meetings
      tablesUsed
      tablesAvailable
      utilisation
    }
  }
}
    `) as unknown as TypedDocumentString<EditionStatisticsQuery, EditionStatisticsQueryVariables>;
export const FollowUpReportDocument = new TypedDocumentString(`
    query FollowUpReport($editionId: ID!, $stage: FollowUpStage, $first: Int) {
  followUpReport(editionId: $editionId, stage: $stage, first: $first) {
    editionId
    lastDay
    requestDates
    requestsSent
    meetings
    stages {
      stage
      meetings
    }
    byCountry {
      key
      meetings
      stages {
        stage
        meetings
      }
    }
    bySector {
      key
      meetings
      stages {
        stage
        meetings
      }
    }
    list {
      meetingId
      startsAt
      tableLabel
      stage
      sides {
        delegateId
        delegateName
        organizationId
        organizationName {
          ar
          fr
          en
        }
        country
        stage
        reportedAt
      }
    }
    listTotal
  }
}
    `) as unknown as TypedDocumentString<FollowUpReportQuery, FollowUpReportQueryVariables>;
export const ForumEditionListDocument = new TypedDocumentString(`
    query ForumEditionList {
  forumEditions {
    id
    name {
      ar
      fr
      en
    }
    timezone
    startsOn
    endsOn
    venue
    status
    publishedAt
    slotMinutes
    maxRequestsPerDelegate
    requestExpiryHours
  }
}
    `) as unknown as TypedDocumentString<ForumEditionListQuery, ForumEditionListQueryVariables>;
export const ForumEditionPageDocument = new TypedDocumentString(`
    query ForumEditionPage($editionId: ID!) {
  forumEdition(id: $editionId) {
    id
    name {
      ar
      fr
      en
    }
    timezone
    startsOn
    endsOn
    venue
    status
    publishedAt
    slotMinutes
    maxRequestsPerDelegate
    requestExpiryHours
  }
  forumSessions(editionId: $editionId) {
    id
    day
    kind
    startsAt
    endsAt
  }
  forumSlots(editionId: $editionId) {
    id
    day
    startsAt
    endsAt
    isBreak
    session
  }
}
    `) as unknown as TypedDocumentString<ForumEditionPageQuery, ForumEditionPageQueryVariables>;
export const MyForumOrganizationsDocument = new TypedDocumentString(`
    query MyForumOrganizations {
  myOrganizations {
    id
    name {
      ar
      fr
      en
    }
    kind
    status
  }
}
    `) as unknown as TypedDocumentString<MyForumOrganizationsQuery, MyForumOrganizationsQueryVariables>;
export const ForumDelegatesDocument = new TypedDocumentString(`
    query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  forumDelegates(
    editionId: $editionId
    organizationId: $organizationId
    first: $first
    after: $after
  ) {
    nodes {
      id
      organizationId
      userId
      name
      email
      status
      unavailableSlotIds
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ForumDelegatesQuery, ForumDelegatesQueryVariables>;
export const ForumRegisterDelegateDocument = new TypedDocumentString(`
    mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {
  registerDelegate(input: $input) {
    id
    organizationId
    userId
    name
    email
    status
    unavailableSlotIds
  }
}
    `) as unknown as TypedDocumentString<ForumRegisterDelegateMutation, ForumRegisterDelegateMutationVariables>;
export const ForumSetUnavailableDocument = new TypedDocumentString(`
    mutation ForumSetUnavailable($input: UpdateDelegateInput!) {
  updateDelegate(input: $input) {
    id
    organizationId
    userId
    name
    email
    status
    unavailableSlotIds
  }
}
    `) as unknown as TypedDocumentString<ForumSetUnavailableMutation, ForumSetUnavailableMutationVariables>;
export const ForumParticipantsDocument = new TypedDocumentString(`
    query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {
  forumParticipants(
    editionId: $editionId
    filter: $filter
    first: $first
    after: $after
  ) {
    edges {
      node {
        id
        name
        languages
        goals
        ownOrganization
        requestId
        requestStatus
        organization {
          id
          name {
            ar
            fr
            en
          }
          kind
          country
          sectors
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ForumParticipantsQuery, ForumParticipantsQueryVariables>;
export const ForumSectorsDocument = new TypedDocumentString(`
    query ForumSectors($lang: Lang) {
  sectors(lang: $lang) {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<ForumSectorsQuery, ForumSectorsQueryVariables>;
export const ForumRequestMeetingDocument = new TypedDocumentString(`
    mutation ForumRequestMeeting($input: MeetingRequestInput!) {
  requestMeeting(input: $input) {
    id
    fromOrganizationId
    toOrganizationId
    fromDelegateId
    toDelegateId
    message
    status
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ForumRequestMeetingMutation, ForumRequestMeetingMutationVariables>;
export const ForumMyMeetingRequestsDocument = new TypedDocumentString(`
    query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  meetingRequests(
    editionId: $editionId
    organizationId: $organizationId
    direction: ANY
    first: $first
    after: $after
  ) {
    nodes {
      id
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      status
      createdAt
      expiresAt
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ForumMyMeetingRequestsQuery, ForumMyMeetingRequestsQueryVariables>;
export const ForumDelegateBadgeDocument = new TypedDocumentString(`
    query ForumDelegateBadge($delegateId: ID!) {
  delegateBadge(delegateId: $delegateId) {
    code
    delegateId
    editionId
    delegateName
    organizationName {
      ar
      fr
      en
    }
  }
}
    `) as unknown as TypedDocumentString<ForumDelegateBadgeQuery, ForumDelegateBadgeQueryVariables>;
export const ForumReportOutcomeDocument = new TypedDocumentString(`
    mutation ForumReportOutcome($meetingId: ID!, $organizationId: ID, $outcome: MeetingOutcome!, $note: String) {
  reportMeetingOutcome(
    meetingId: $meetingId
    organizationId: $organizationId
    outcome: $outcome
    note: $note
  ) {
    delegateId
    outcome
  }
}
    `) as unknown as TypedDocumentString<ForumReportOutcomeMutation, ForumReportOutcomeMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int!, $after: String) {
  notifications(first: $first, after: $after) {
    edges {
      node {
        id
        kind
        createdAt
        readAt
        payload {
          name
          value
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    marked
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const InboxOrganizationsDocument = new TypedDocumentString(`
    query InboxOrganizations {
  myOrganizations {
    id
    kind
    status
    name {
      ar
      fr
      en
    }
  }
}
    `) as unknown as TypedDocumentString<InboxOrganizationsQuery, InboxOrganizationsQueryVariables>;
export const OrganizationCardDocument = new TypedDocumentString(`
    query OrganizationCard($id: ID!) {
  organization(id: $id) {
    id
    kind
    name {
      ar
      fr
      en
    }
    country
    city
    contactsVisible
    contacts {
      id
      name
      role
      email
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationCardQuery, OrganizationCardQueryVariables>;
export const ContactRequestsDocument = new TypedDocumentString(`
    query ContactRequests($organizationId: ID!, $direction: ContactRequestDirection!, $first: Int, $after: String) {
  contactRequests(
    organizationId: $organizationId
    direction: $direction
    first: $first
    after: $after
  ) {
    nodes {
      id
      fromOrganizationId
      toOrganizationId
      message
      status
      declineMessage
      createdAt
      expiresAt
      respondedAt
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ContactRequestsQuery, ContactRequestsQueryVariables>;
export const RespondToContactRequestDocument = new TypedDocumentString(`
    mutation RespondToContactRequest($id: ID!, $accept: Boolean!, $message: String) {
  respondToContactRequest(id: $id, accept: $accept, message: $message) {
    id
    fromOrganizationId
    toOrganizationId
    message
    status
    declineMessage
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<RespondToContactRequestMutation, RespondToContactRequestMutationVariables>;
export const SendContactRequestAgainDocument = new TypedDocumentString(`
    mutation SendContactRequestAgain($fromOrganizationId: ID!, $toOrganizationId: ID!, $message: String) {
  requestContact(
    fromOrganizationId: $fromOrganizationId
    toOrganizationId: $toOrganizationId
    message: $message
  ) {
    id
    fromOrganizationId
    toOrganizationId
    message
    status
    declineMessage
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<SendContactRequestAgainMutation, SendContactRequestAgainMutationVariables>;
export const CancelContactRequestDocument = new TypedDocumentString(`
    mutation CancelContactRequest($id: ID!) {
  cancelContactRequest(id: $id) {
    id
    fromOrganizationId
    toOrganizationId
    message
    status
    declineMessage
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<CancelContactRequestMutation, CancelContactRequestMutationVariables>;
export const InboxEditionsDocument = new TypedDocumentString(`
    query InboxEditions {
  forumEditions {
    id
    name {
      ar
      fr
      en
    }
    startsOn
    timezone
  }
}
    `) as unknown as TypedDocumentString<InboxEditionsQuery, InboxEditionsQueryVariables>;
export const MeetingRequestsDocument = new TypedDocumentString(`
    query MeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  meetingRequests(
    editionId: $editionId
    organizationId: $organizationId
    direction: ANY
    first: $first
    after: $after
  ) {
    nodes {
      id
      editionId
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      reason
      priority
      status
      createdAt
      expiresAt
      respondedAt
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<MeetingRequestsQuery, MeetingRequestsQueryVariables>;
export const AcceptMeetingRequestDocument = new TypedDocumentString(`
    mutation AcceptMeetingRequest($requestId: ID!, $organizationId: ID) {
  acceptMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
    id
    editionId
    fromOrganizationId
    toOrganizationId
    fromDelegateId
    toDelegateId
    message
    reason
    priority
    status
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<AcceptMeetingRequestMutation, AcceptMeetingRequestMutationVariables>;
export const DeclineMeetingRequestDocument = new TypedDocumentString(`
    mutation DeclineMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
  declineMeetingRequest(
    requestId: $requestId
    organizationId: $organizationId
    reason: $reason
  ) {
    id
    editionId
    fromOrganizationId
    toOrganizationId
    fromDelegateId
    toDelegateId
    message
    reason
    priority
    status
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<DeclineMeetingRequestMutation, DeclineMeetingRequestMutationVariables>;
export const CancelMeetingRequestDocument = new TypedDocumentString(`
    mutation CancelMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
  cancelMeetingRequest(
    requestId: $requestId
    organizationId: $organizationId
    reason: $reason
  ) {
    id
    editionId
    fromOrganizationId
    toOrganizationId
    fromDelegateId
    toDelegateId
    message
    reason
    priority
    status
    createdAt
    expiresAt
    respondedAt
  }
}
    `) as unknown as TypedDocumentString<CancelMeetingRequestMutation, CancelMeetingRequestMutationVariables>;
export const SuggestionsDocument = new TypedDocumentString(`
    query Suggestions($organizationId: ID!, $kind: SuggestionKind!, $lang: Lang, $first: Int!, $after: String) {
  suggestions(
    organizationId: $organizationId
    kind: $kind
    lang: $lang
    first: $first
    after: $after
  ) {
    edges {
      node {
        id
        kind
        role
        rank
        score
        verdict
        counterpartId
        counterpartDelegateId
        contactRequestId
        meetingRequestId
        editionId
        counterpart {
          id
          kind
          name {
            ar
            fr
            en
          }
          country
          city
        }
        reasons {
          code
          text
          score
          direction
        }
        clusterProposal {
          id
          summary
          valueChain
          members {
            organizationId
            division
            gap
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestionsQuery, SuggestionsQueryVariables>;
export const AcceptSuggestionDocument = new TypedDocumentString(`
    mutation AcceptSuggestion($organizationId: ID!, $suggestionId: ID!, $message: String) {
  acceptSuggestion(
    organizationId: $organizationId
    suggestionId: $suggestionId
    message: $message
  ) {
    suggestionId
    verdict
    contactRequestId
    meetingRequestId
  }
}
    `) as unknown as TypedDocumentString<AcceptSuggestionMutation, AcceptSuggestionMutationVariables>;
export const DismissSuggestionDocument = new TypedDocumentString(`
    mutation DismissSuggestion($organizationId: ID!, $suggestionId: ID!) {
  dismissSuggestion(organizationId: $organizationId, suggestionId: $suggestionId) {
    suggestionId
    verdict
    contactRequestId
    meetingRequestId
  }
}
    `) as unknown as TypedDocumentString<DismissSuggestionMutation, DismissSuggestionMutationVariables>;
export const MarkSuggestionNotRelevantDocument = new TypedDocumentString(`
    mutation MarkSuggestionNotRelevant($organizationId: ID!, $suggestionId: ID!, $reason: NotRelevantReason!, $comment: String) {
  markSuggestionNotRelevant(
    organizationId: $organizationId
    suggestionId: $suggestionId
    reason: $reason
    comment: $comment
  ) {
    suggestionId
    verdict
    contactRequestId
    meetingRequestId
  }
}
    `) as unknown as TypedDocumentString<MarkSuggestionNotRelevantMutation, MarkSuggestionNotRelevantMutationVariables>;
export const FinancierDeskDocument = new TypedDocumentString(`
    query FinancierDesk($organizationId: ID!, $lang: Lang) {
  financierCriteria(organizationId: $organizationId) {
    sectors
    countries
    stages
    instruments
    ticketMin
    ticketMax
    currency
    minAgeYears
    minEmployeeBand
    minPatents
    innovationWanted
    requiredCertifications
    preferredCertifications
    updatedAt
  }
  savedSearches(organizationId: $organizationId) {
    id
    name
    query
    minScore
    alertsEnabled
    criteria {
      sectors
      countries
      stages
      instruments
      ticketMin
      ticketMax
      currency
      minAgeYears
      minEmployeeBand
      minPatents
      innovationWanted
      requiredCertifications
      preferredCertifications
    }
  }
  savedSearchAlerts(organizationId: $organizationId, first: 50) {
    id
    savedSearchId
    organizationId
    score
    createdAt
    seenAt
  }
  sectors(lang: $lang) {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<FinancierDeskQuery, FinancierDeskQueryVariables>;
export const SetFinancierCriteriaDocument = new TypedDocumentString(`
    mutation SetFinancierCriteria($organizationId: ID!, $input: FinancierCriteriaInput!) {
  setFinancierCriteria(organizationId: $organizationId, input: $input) {
    organizationId
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetFinancierCriteriaMutation, SetFinancierCriteriaMutationVariables>;
export const CreateSavedSearchDocument = new TypedDocumentString(`
    mutation CreateSavedSearch($organizationId: ID!, $input: SavedSearchInput!) {
  createSavedSearch(organizationId: $organizationId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateSavedSearchMutation, CreateSavedSearchMutationVariables>;
export const UpdateSavedSearchDocument = new TypedDocumentString(`
    mutation UpdateSavedSearch($id: ID!, $organizationId: ID!, $input: SavedSearchInput!) {
  updateSavedSearch(id: $id, organizationId: $organizationId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateSavedSearchMutation, UpdateSavedSearchMutationVariables>;
export const DeleteSavedSearchDocument = new TypedDocumentString(`
    mutation DeleteSavedSearch($id: ID!, $organizationId: ID!) {
  deleteSavedSearch(id: $id, organizationId: $organizationId)
}
    `) as unknown as TypedDocumentString<DeleteSavedSearchMutation, DeleteSavedSearchMutationVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded {
  notificationAdded {
    id
    kind
    createdAt
    readAt
    payload {
      name
      value
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const SearchOrganizationsDocument = new TypedDocumentString(`
    query SearchOrganizations($query: String, $filter: OrganizationSearchFilter, $limit: Int!, $offset: Int!) {
  searchOrganizations(
    query: $query
    filter: $filter
    facets: ["kind", "country"]
    limit: $limit
    offset: $offset
  ) {
    estimatedTotal
    offset
    limit
    hits {
      id
      kind
      name {
        ar
        fr
        en
      }
      country
      city
      highlights {
        field
        snippet
      }
    }
    facets {
      field
      values {
        value
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchOrganizationsQuery, SearchOrganizationsQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($id: ID!, $lang: Lang) {
  organization(id: $id) {
    id
    kind
    subtype
    name {
      ar
      fr
      en
    }
    description {
      ar
      fr
      en
    }
    country
    region
    city
    website
    foundedYear
    employeeBand
    languages
    sectors
    certifications
    capabilities {
      process
    }
    contactsVisible
    contacts {
      id
      name
      role
      email
      phone
    }
    opportunities {
      id
      type
      title {
        ar
        fr
        en
      }
      expiresAt
      archived
    }
  }
  sectors(lang: $lang) {
    code
    label
  }
  processes(lang: $lang) {
    code
    label
  }
  certifications(lang: $lang) {
    code
    label
  }
  organizationSubtypes(lang: $lang) {
    code
    label
  }
  opportunityTypes(lang: $lang) {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input)
}
    `) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token)
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification($email: String!) {
  resendVerification(email: $email)
}
    `) as unknown as TypedDocumentString<ResendVerificationMutation, ResendVerificationMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh {
  refreshSession {
    accessToken
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    displayName
    locale
    emailVerified
    roles
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ForumEditionsDocument = new TypedDocumentString(`
    query ForumEditions {
  forumEditions {
    id
    name {
      ar
      fr
      en
    }
    timezone
    startsOn
    endsOn
    venue
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<ForumEditionsQuery, ForumEditionsQueryVariables>;
export const MyAgendaEditionDocument = new TypedDocumentString(`
    query MyAgendaEdition($editionId: ID!) {
  me {
    id
  }
  forumEdition(id: $editionId) {
    id
    name {
      ar
      fr
      en
    }
    timezone
    startsOn
    endsOn
    venue
    publishedAt
  }
  myOrganizations {
    id
    name {
      ar
      fr
      en
    }
  }
}
    `) as unknown as TypedDocumentString<MyAgendaEditionQuery, MyAgendaEditionQueryVariables>;
export const OrganizationAgendaDocument = new TypedDocumentString(`
    query OrganizationAgenda($editionId: ID!, $organizationId: ID!) {
  organizationAgenda(editionId: $editionId, organizationId: $organizationId) {
    meetingId
    start
    end
    timezone
    tableLabel
    delegateId
    delegateName
    organizationId
    counterpartDelegateName
    counterpartOrganizationName
    status
  }
}
    `) as unknown as TypedDocumentString<OrganizationAgendaQuery, OrganizationAgendaQueryVariables>;
export const AgendaFeedUrlDocument = new TypedDocumentString(`
    mutation AgendaFeedUrl($delegateId: ID!) {
  agendaFeedUrl(delegateId: $delegateId) {
    url
  }
}
    `) as unknown as TypedDocumentString<AgendaFeedUrlMutation, AgendaFeedUrlMutationVariables>;
export const TaxonomiesDocument = new TypedDocumentString(`
    query Taxonomies($lang: Lang) {
  organizationKinds(lang: $lang) {
    code
    label
    parent
  }
  organizationSubtypes(lang: $lang) {
    code
    label
    parent
  }
  sectors(lang: $lang) {
    code
    label
    parent
  }
  processes(lang: $lang) {
    code
    label
    parent
  }
  certifications(lang: $lang) {
    code
    label
    parent
  }
  countries(lang: $lang) {
    code
    label
    parent
  }
  regions(lang: $lang) {
    code
    label
    parent
  }
  employeeBands(lang: $lang) {
    code
    label
    parent
  }
  financingInstruments(lang: $lang) {
    code
    label
    parent
  }
  opportunityTypes(lang: $lang) {
    code
    label
    parent
  }
}
    `) as unknown as TypedDocumentString<TaxonomiesQuery, TaxonomiesQueryVariables>;
export const MyOrganizationsDocument = new TypedDocumentString(`
    query MyOrganizations {
  myOrganizations {
    id
    kind
    name {
      ar
      fr
      en
    }
    status
    country
    city
    updatedAt
  }
  me {
    id
    memberships {
      organizationId
      role
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const MyOrganizationDocument = new TypedDocumentString(`
    query MyOrganization($id: ID!) {
  organization(id: $id) {
    id
    kind
    subtype
    status
    version
    name {
      ar
      fr
      en
    }
    description {
      ar
      fr
      en
    }
    country
    regionCode
    city
    website
    foundedYear
    employeeBand
    sectors
    certifications
    languages
    contacts {
      id
      name
      role
      email
      phone
    }
    capabilities {
      process
      monthlyCapacity
      capacityUnit
    }
    innovation {
      patents
      utilityModels
      industrialDesigns
      trademarks
      rdActivity
    }
    financier {
      instruments
      ticketMin
      ticketMax
      currency
    }
    reviewedAt
    pendingChange {
      id
      requestedAt
      changes {
        field
      }
    }
    opportunities {
      id
      type
      title {
        ar
        fr
        en
      }
      description {
        ar
        fr
        en
      }
      status
      expiresAt
      archived
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrganizationQuery, MyOrganizationQueryVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    id
    kind
    subtype
    status
    version
    name {
      ar
      fr
      en
    }
    description {
      ar
      fr
      en
    }
    country
    regionCode
    city
    website
    foundedYear
    employeeBand
    sectors
    certifications
    languages
    contacts {
      id
      name
      role
      email
      phone
    }
    capabilities {
      process
      monthlyCapacity
      capacityUnit
    }
    innovation {
      patents
      utilityModels
      industrialDesigns
      trademarks
      rdActivity
    }
    financier {
      instruments
      ticketMin
      ticketMax
      currency
    }
    reviewedAt
    pendingChange {
      id
      requestedAt
      changes {
        field
      }
    }
    opportunities {
      id
      type
      title {
        ar
        fr
        en
      }
      description {
        ar
        fr
        en
      }
      status
      expiresAt
      archived
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const ResubmitOrganizationDocument = new TypedDocumentString(`
    mutation ResubmitOrganization($id: ID!) {
  resubmitOrganization(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResubmitOrganizationMutation, ResubmitOrganizationMutationVariables>;
export const ReviewNoticesDocument = new TypedDocumentString(`
    query ReviewNotices {
  notifications(first: 100) {
    edges {
      node {
        id
        kind
        createdAt
        payload {
          name
          value
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewNoticesQuery, ReviewNoticesQueryVariables>;
export const OrganizationMembersDocument = new TypedDocumentString(`
    query OrganizationMembers($organizationId: ID!) {
  organizationMembers(organizationId: $organizationId) {
    userId
    displayName
    email
    role
    since
  }
}
    `) as unknown as TypedDocumentString<OrganizationMembersQuery, OrganizationMembersQueryVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($organizationId: ID!, $email: String!, $role: MembershipRole!) {
  inviteMember(organizationId: $organizationId, email: $email, role: $role) {
    id
    email
    role
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const OrganizationInvitationsDocument = new TypedDocumentString(`
    query OrganizationInvitations($organizationId: ID!) {
  organizationInvitations(organizationId: $organizationId) {
    id
    email
    role
    createdAt
    expiresAt
    invitedBy
  }
}
    `) as unknown as TypedDocumentString<OrganizationInvitationsQuery, OrganizationInvitationsQueryVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($organizationId: ID!, $invitationId: ID!) {
  revokeInvitation(organizationId: $organizationId, invitationId: $invitationId)
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($organizationId: ID!, $userId: ID!) {
  removeMember(organizationId: $organizationId, userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($token: String!) {
  acceptInvitation(token: $token) {
    organizationId
    role
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const CreateOpportunityDocument = new TypedDocumentString(`
    mutation CreateOpportunity($input: CreateOpportunityInput!) {
  createOpportunity(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateOpportunityMutation, CreateOpportunityMutationVariables>;
export const RenewOpportunityDocument = new TypedDocumentString(`
    mutation RenewOpportunity($id: ID!, $expiresAt: String!) {
  renewOpportunity(id: $id, expiresAt: $expiresAt) {
    id
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<RenewOpportunityMutation, RenewOpportunityMutationVariables>;
export const ArchiveOpportunityDocument = new TypedDocumentString(`
    mutation ArchiveOpportunity($id: ID!) {
  archiveOpportunity(id: $id) {
    id
    archived
  }
}
    `) as unknown as TypedDocumentString<ArchiveOpportunityMutation, ArchiveOpportunityMutationVariables>;
export const SearchOpportunitiesDocument = new TypedDocumentString(`
    query SearchOpportunities($query: String, $filter: OpportunitySearchFilter, $limit: Int!, $offset: Int!) {
  searchOpportunities(
    query: $query
    filter: $filter
    facets: ["type"]
    limit: $limit
    offset: $offset
  ) {
    estimatedTotal
    offset
    limit
    hits {
      id
      type
      title {
        ar
        fr
        en
      }
      organizationId
      organizationName
      country
      expiresAt
      highlights {
        field
        snippet
      }
    }
    facets {
      field
      values {
        value
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchOpportunitiesQuery, SearchOpportunitiesQueryVariables>;
export const ClaimOptionsDocument = new TypedDocumentString(`
    query ClaimOptions($id: ID!) {
  claimOptions(id: $id) {
    address
    kind
  }
}
    `) as unknown as TypedDocumentString<ClaimOptionsQuery, ClaimOptionsQueryVariables>;
export const ClaimOrganizationDocument = new TypedDocumentString(`
    mutation ClaimOrganization($id: ID!, $email: String!) {
  claimOrganization(id: $id, email: $email) {
    id
    organizationId
    organizationName
    address
    status
    expiresAt
    note
  }
}
    `) as unknown as TypedDocumentString<ClaimOrganizationMutation, ClaimOrganizationMutationVariables>;
export const ConfirmClaimDocument = new TypedDocumentString(`
    mutation ConfirmClaim($claimId: ID!, $code: String!) {
  confirmOrganizationClaim(claimId: $claimId, code: $code) {
    id
    organizationId
    organizationName
    address
    status
    expiresAt
    note
  }
}
    `) as unknown as TypedDocumentString<ConfirmClaimMutation, ConfirmClaimMutationVariables>;
export const MyClaimsDocument = new TypedDocumentString(`
    query MyClaims {
  myOrganizationClaims {
    id
    organizationId
    organizationName
    address
    status
    expiresAt
    note
  }
}
    `) as unknown as TypedDocumentString<MyClaimsQuery, MyClaimsQueryVariables>;