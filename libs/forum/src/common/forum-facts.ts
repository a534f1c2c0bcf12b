import { ForumFactsRepository, type Runs } from './forum-facts.repository.js';

const rows = new ForumFactsRepository();

/**
 * What the forum tells other libraries about its editions, delegates, groups, requests and
 * meetings (matchmaking's meeting suggestions and collaboration signals read them here; the forum
 * owns the tables, and their SQL is in ForumFactsRepository). Each takes the caller's connection
 * or transaction.
 */
export const forumFacts = {
  /**
   * For each given organisation, the organisations it met at a forum (a meeting that took place),
   * one row per pair, year and edition.
   */
  meetingPartners: (
    db: Runs,
    organizationIds: readonly string[],
  ): Promise<{ organizationId: string; otherId: string; year: number; editionId: string }[]> =>
    rows.meetingPartners(db, organizationIds),

  /** Open editions in which each organisation has a registered delegate, by organisation, in id order. */
  openEditionsOf: (db: Runs, organizationIds: readonly string[]): Promise<Map<string, string[]>> =>
    rows.openEditionsOf(db, organizationIds),

  /** Organisations with a registered delegate in the edition. */
  registeredOrganizations: (db: Runs, editionId: string): Promise<string[]> =>
    rows.registeredOrganizations(db, editionId),

  /** The edition's registered delegates of active organisations, in id order. */
  registeredDelegates: (db: Runs, editionId: string) => rows.registeredDelegates(db, editionId),

  /** The edition's delegate groups. */
  groups: (db: Runs, editionId: string): Promise<{ id: string; code: string }[]> =>
    rows.groups(db, editionId),

  /** The edition's group rules: which group may meet which. */
  groupRules: (db: Runs, editionId: string): Promise<{ groupId: string; mayMeetGroupId: string }[]> =>
    rows.groupRules(db, editionId),

  /** Pairs of organisations with a pending or accepted meeting request in the edition (from `a` to `b`). */
  openRequestPairs: (db: Runs, editionId: string): Promise<{ a: string; b: string }[]> =>
    rows.openRequestPairs(db, editionId),

  /** A pending or accepted request from the delegate to the organisation, if there is one. */
  openRequestFrom: (db: Runs, delegateId: string, toOrganizationId: string): Promise<string | null> =>
    rows.openRequestFrom(db, delegateId, toOrganizationId),
};
