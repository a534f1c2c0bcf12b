import { operation } from './client';
import type { LocalizedText, OrganizationKind, PlatformRole } from './operations';

/*
 * The organisers' console: review, claims, staff, import and operations. Types are written beside
 * each document; operations.test.ts validates every document against apps/web/schema.graphql.
 */

interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ConsoleCounts {
  reviewQueue: { edges: { cursor: string }[]; pageInfo: PageInfo };
  pendingOrganizationChanges: { edges: { cursor: string }[]; pageInfo: PageInfo };
  organizationClaims: { id: string; status: string }[];
}

/** What waits for an organiser: up to 100 of each (the home page shows "100+" beyond). */
export const CONSOLE_COUNTS = operation<ConsoleCounts>(`query ConsoleCounts {
  reviewQueue(first: 100) { edges { cursor } pageInfo { endCursor hasNextPage } }
  pendingOrganizationChanges(first: 100) { edges { cursor } pageInfo { endCursor hasNextPage } }
  organizationClaims(first: 100, status: CONTESTED) { id status }
}`);

export interface ReviewOrganization {
  id: string;
  kind: OrganizationKind;
  name: LocalizedText;
  country: string;
  city: string | null;
  website: string | null;
  createdAt: string;
  status: string;
}

export interface ReviewQueue {
  reviewQueue: { edges: { cursor: string; node: ReviewOrganization }[]; pageInfo: PageInfo };
}

export const REVIEW_QUEUE = operation<
  ReviewQueue,
  { after: string | null }
>(`query ReviewQueue($after: String) {
  reviewQueue(first: 20, after: $after) {
    edges { cursor node { id kind name { ar fr en } country city website createdAt status } }
    pageInfo { endCursor hasNextPage }
  }
}`);

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface PendingChange {
  id: string;
  organizationId: string;
  requestedAt: string;
  changes: FieldChange[];
  organization: { id: string; name: LocalizedText; kind: OrganizationKind } | null;
}

export interface PendingChanges {
  pendingOrganizationChanges: { edges: { cursor: string; node: PendingChange }[]; pageInfo: PageInfo };
}

export const PENDING_CHANGES = operation<
  PendingChanges,
  { after: string | null }
>(`query PendingChanges($after: String) {
  pendingOrganizationChanges(first: 20, after: $after) {
    edges { cursor node { id organizationId requestedAt changes { field before after } organization { id name { ar fr en } kind } } }
    pageInfo { endCursor hasNextPage }
  }
}`);

export const APPROVE_ORGANIZATION = operation<
  { approveOrganization: { id: string; status: string } },
  { id: string; note: string | null }
>(`mutation ApproveOrganization($id: ID!, $note: String) {
  approveOrganization(id: $id, note: $note) { id status }
}`);

export const REJECT_ORGANIZATION = operation<
  { rejectOrganization: { id: string; status: string } },
  { id: string; note: string }
>(`mutation RejectOrganization($id: ID!, $note: String!) {
  rejectOrganization(id: $id, note: $note) { id status }
}`);

export const APPROVE_CHANGE = operation<
  { approveOrganizationChange: { id: string; status: string } },
  { id: string; note: string | null }
>(`mutation ApproveOrganizationChange($id: ID!, $note: String) {
  approveOrganizationChange(id: $id, note: $note) { id status }
}`);

export const REJECT_CHANGE = operation<
  { rejectOrganizationChange: { id: string; status: string } },
  { id: string; note: string }
>(`mutation RejectOrganizationChange($id: ID!, $note: String!) {
  rejectOrganizationChange(id: $id, note: $note) { id status }
}`);

export type ClaimStatus = 'APPROVED' | 'CODE_SENT' | 'CONTESTED' | 'EXPIRED' | 'REJECTED';
export const CLAIM_STATUSES: ClaimStatus[] = ['CONTESTED', 'CODE_SENT', 'APPROVED', 'REJECTED', 'EXPIRED'];

export interface Claim {
  id: string;
  organizationId: string;
  organizationName: string;
  claimantId: string;
  claimantName: string;
  claimantEmail: string;
  address: string;
  status: ClaimStatus;
  contestReason: 'HAS_OWNER' | 'OTHER_CLAIMANT' | null;
  createdAt: string;
  expiresAt: string;
  resolvedAt: string | null;
  note: string | null;
}

export const ORGANIZATION_CLAIMS = operation<{ organizationClaims: Claim[] }, { status: ClaimStatus | null }>(
  `query OrganizationClaims($status: OrganizationClaimStatus) {
  organizationClaims(first: 100, status: $status) {
    id organizationId organizationName claimantId claimantName claimantEmail address status contestReason
    createdAt expiresAt resolvedAt note
  }
}`,
);

export const RESOLVE_CLAIM = operation<
  { resolveOrganizationClaim: { id: string; status: ClaimStatus } },
  { id: string; approve: boolean; note: string | null }
>(`mutation ResolveOrganizationClaim($id: ID!, $approve: Boolean!, $note: String) {
  resolveOrganizationClaim(id: $id, approve: $approve, note: $note) { id status }
}`);

export interface StaffMember {
  userId: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
}

export const PLATFORM_STAFF = operation<{ platformStaff: StaffMember[] }>(`query PlatformStaff {
  platformStaff { userId email displayName roles }
}`);

export const USER_BY_EMAIL = operation<{ userByEmail: StaffMember | null }, { email: string }>(
  `query UserByEmail($email: String!) { userByEmail(email: $email) { userId email displayName roles } }`,
);

export const SET_PLATFORM_ROLES = operation<
  {
    setPlatformRoles: { userId: string; email: string; previousRoles: PlatformRole[]; roles: PlatformRole[] };
  },
  { userId: string; roles: PlatformRole[] }
>(`mutation SetPlatformRoles($userId: ID!, $roles: [PlatformRole!]!) {
  setPlatformRoles(userId: $userId, roles: $roles) { userId email previousRoles roles }
}`);

export interface ImportRejection {
  line: number;
  ref: string | null;
  reasons: string[];
}

export interface ImportPartReport {
  read: number;
  imported: number;
  skipped: number;
  rejected: ImportRejection[];
}

export const IMPORT_ORGANIZATIONS = operation<
  { importOrganizations: ImportPartReport },
  { input: { format: 'CSV' | 'JSONL'; text: string; firstLine: number; header: string | null } }
>(`mutation ImportOrganizations($input: ImportChunkInput!) {
  importOrganizations(input: $input) { read imported skipped rejected { line ref reasons } }
}`);

export type MailStatus = 'FAILED' | 'PENDING' | 'SENDING' | 'SENT';
export const MAIL_STATUSES: MailStatus[] = ['FAILED', 'PENDING', 'SENDING', 'SENT'];

export interface MailDelivery {
  id: string;
  to: string;
  subject: string;
  template: string;
  locale: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const MAIL_DELIVERIES = operation<
  { mailDeliveries: { edges: { cursor: string; node: MailDelivery }[]; pageInfo: PageInfo } },
  { status: MailStatus | null; to: string | null; after: string | null }
>(`query MailDeliveries($status: MailDeliveryStatus, $to: String, $after: String) {
  mailDeliveries(first: 20, status: $status, to: $to, after: $after) {
    edges { cursor node { id to subject template locale status attempts lastError createdAt sentAt } }
    pageInfo { endCursor hasNextPage }
  }
}`);

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  fields: string[];
  before: string | null;
  after: string | null;
}

export const AUDIT_LOG = operation<
  { auditLog: { entries: AuditEntry[]; nextCursor: string | null } },
  { entityType: string | null; entityId: string | null; actorId: string | null; before: string | null }
>(`query AuditLog($entityType: String, $entityId: String, $actorId: ID, $before: String) {
  auditLog(first: 50, entityType: $entityType, entityId: $entityId, actorId: $actorId, before: $before) {
    entries { id at action actorId entityType entityId fields before after }
    nextCursor
  }
}`);

/** Scopes the admin's access token to the job queues dashboard in a cookie; answers the path to open. */
export const OPEN_JOB_QUEUES = operation<{ openJobQueues: string }>(
  `mutation OpenJobQueues { openJobQueues }`,
);
