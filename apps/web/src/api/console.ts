import type {
  AuditLogQuery,
  ConsoleCountsQuery,
  MailDeliveriesQuery,
  MailDeliveryStatus,
  OrganizationClaimsQuery,
  OrganizationClaimStatus,
  PendingChangesQuery,
  PlatformStaffQuery,
  ImportOrganizationsMutation,
  ReviewQueueQuery,
} from '../gql/graphql';
import { graphql } from './client';

/*
 * The organisers' console: review, claims, staff, import and operations. The result and variable
 * types are generated from each document (`npm run codegen`, src/gql/); operations.test.ts validates
 * every document against apps/web/schema.graphql.
 */

export type ConsoleCounts = ConsoleCountsQuery;

/** What waits for an organiser: up to 100 of each (the home page shows "100+" beyond). */
export const CONSOLE_COUNTS = graphql(`
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
`);

export type ReviewQueue = ReviewQueueQuery;
export type ReviewOrganization = ReviewQueue['reviewQueue']['edges'][number]['node'];

export const REVIEW_QUEUE = graphql(`
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
`);

export type PendingChanges = PendingChangesQuery;
export type PendingChange = PendingChanges['pendingOrganizationChanges']['edges'][number]['node'];
export type FieldChange = PendingChange['changes'][number];

export const PENDING_CHANGES = graphql(`
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
`);

export const APPROVE_ORGANIZATION = graphql(`
  mutation ApproveOrganization($id: ID!, $note: String) {
    approveOrganization(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const REJECT_ORGANIZATION = graphql(`
  mutation RejectOrganization($id: ID!, $note: String!) {
    rejectOrganization(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const APPROVE_CHANGE = graphql(`
  mutation ApproveOrganizationChange($id: ID!, $note: String) {
    approveOrganizationChange(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const REJECT_CHANGE = graphql(`
  mutation RejectOrganizationChange($id: ID!, $note: String!) {
    rejectOrganizationChange(id: $id, note: $note) {
      id
      status
    }
  }
`);

export type ClaimStatus = OrganizationClaimStatus;
export const CLAIM_STATUSES: ClaimStatus[] = ['CONTESTED', 'CODE_SENT', 'APPROVED', 'REJECTED', 'EXPIRED'];

export type Claim = OrganizationClaimsQuery['organizationClaims'][number];

export const ORGANIZATION_CLAIMS = graphql(`
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
`);

export const RESOLVE_CLAIM = graphql(`
  mutation ResolveOrganizationClaim($id: ID!, $approve: Boolean!, $note: String) {
    resolveOrganizationClaim(id: $id, approve: $approve, note: $note) {
      id
      status
    }
  }
`);

export type StaffMember = PlatformStaffQuery['platformStaff'][number];

export const PLATFORM_STAFF = graphql(`
  query PlatformStaff {
    platformStaff {
      userId
      email
      displayName
      roles
    }
  }
`);

export const USER_BY_EMAIL = graphql(`
  query UserByEmail($email: String!) {
    userByEmail(email: $email) {
      userId
      email
      displayName
      roles
    }
  }
`);

export const SET_PLATFORM_ROLES = graphql(`
  mutation SetPlatformRoles($userId: ID!, $roles: [PlatformRole!]!) {
    setPlatformRoles(userId: $userId, roles: $roles) {
      userId
      email
      previousRoles
      roles
    }
  }
`);

export type ImportPartReport = ImportOrganizationsMutation['importOrganizations'];
export type ImportRejection = ImportPartReport['rejected'][number];

export const IMPORT_ORGANIZATIONS = graphql(`
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
`);

export type MailStatus = MailDeliveryStatus;
export const MAIL_STATUSES: MailStatus[] = ['FAILED', 'PENDING', 'SENDING', 'SENT'];

export type MailDelivery = MailDeliveriesQuery['mailDeliveries']['edges'][number]['node'];

export const MAIL_DELIVERIES = graphql(`
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
`);

export type AuditEntry = AuditLogQuery['auditLog']['entries'][number];

export const AUDIT_LOG = graphql(`
  query AuditLog($entityType: String, $entityId: String, $actorId: ID, $before: String) {
    auditLog(first: 50, entityType: $entityType, entityId: $entityId, actorId: $actorId, before: $before) {
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
`);

/** Scopes the admin's access token to the job queues dashboard in a cookie; answers the path to open. */
export const OPEN_JOB_QUEUES = graphql(`
  mutation OpenJobQueues {
    openJobQueues
  }
`);
