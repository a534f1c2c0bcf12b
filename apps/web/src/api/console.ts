import { operation } from './client';

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
