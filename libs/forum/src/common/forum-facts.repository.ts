import { Injectable } from '@nestjs/common';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Outcomes that say a meeting took place. */
const HELD = ['HELD', 'FOLLOW_UP', 'NEGOTIATION_STARTED', 'AGREEMENT_SIGNED', 'CONTRACT_SIGNED'];

/**
 * The SQL of what the forum tells other libraries about its editions, delegates, groups, requests
 * and meetings (`forumFacts`). Stateless: each takes the caller's connection or transaction.
 */
@Injectable()
export class ForumFactsRepository {
  /**
   * For each given organisation, the organisations it met at a forum (a meeting that took place),
   * one row per pair, year and edition.
   */
  async meetingPartners(
    db: Runs,
    organizationIds: readonly string[],
  ): Promise<{ organizationId: string; otherId: string; year: number; editionId: string }[]> {
    if (!organizationIds.length) return [];
    const rows = (await db.query(
      `SELECT DISTINCT d1.organization_id, d2.organization_id AS other_id,
              extract(year FROM m.created_at)::int AS year, m.edition_id
       FROM forum_meeting m
       JOIN forum_meeting_participant p1 ON p1.meeting_id = m.id
       JOIN forum_delegate d1 ON d1.id = p1.delegate_id AND d1.organization_id = ANY($1::uuid[])
       JOIN forum_meeting_participant p2 ON p2.meeting_id = m.id AND p2.delegate_id <> p1.delegate_id
       JOIN forum_delegate d2 ON d2.id = p2.delegate_id AND d2.organization_id <> d1.organization_id
       WHERE EXISTS (SELECT 1 FROM forum_meeting_participant px WHERE px.meeting_id = m.id
                     AND px.outcome = ANY($2::text[]))`,
      [organizationIds, HELD],
    )) as { organization_id: string; other_id: string; year: number; edition_id: string }[];
    return rows.map((r) => ({
      organizationId: r.organization_id,
      otherId: r.other_id,
      year: r.year,
      editionId: r.edition_id,
    }));
  }

  /** Open editions in which each organisation has a registered delegate, by organisation, in id order. */
  async openEditionsOf(db: Runs, organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!organizationIds.length) return out;
    const rows = (await db.query(
      `SELECT DISTINCT d.organization_id, d.edition_id FROM forum_delegate d JOIN forum_edition e ON e.id = d.edition_id
       WHERE d.organization_id = ANY($1::uuid[]) AND d.status = 'REGISTERED' AND e.status = 'OPEN'
       ORDER BY d.organization_id, d.edition_id`,
      [organizationIds],
    )) as { organization_id: string; edition_id: string }[];
    for (const r of rows)
      (out.get(r.organization_id) ?? out.set(r.organization_id, []).get(r.organization_id)!).push(
        r.edition_id,
      );
    return out;
  }

  /** Organisations with a registered delegate in the edition. */
  async registeredOrganizations(db: Runs, editionId: string): Promise<string[]> {
    const rows = (await db.query(
      `SELECT DISTINCT organization_id AS id FROM forum_delegate WHERE edition_id = $1 AND status = 'REGISTERED'`,
      [editionId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The edition's registered delegates of active organisations, in id order. */
  registeredDelegates(
    db: Runs,
    editionId: string,
  ): Promise<
    { id: string; organization_id: string; languages: string[]; goals: string[]; group_id: string | null }[]
  > {
    return db.query(
      `SELECT d.id, d.organization_id, d.languages, d.goals, d.group_id
       FROM forum_delegate d JOIN directory_organization_card_v o ON o.id = d.organization_id
       WHERE d.edition_id = $1 AND d.status = 'REGISTERED' AND o.status = 'ACTIVE' ORDER BY d.id`,
      [editionId],
    ) as Promise<
      { id: string; organization_id: string; languages: string[]; goals: string[]; group_id: string | null }[]
    >;
  }

  /** The edition's delegate groups. */
  groups(db: Runs, editionId: string): Promise<{ id: string; code: string }[]> {
    return db.query(`SELECT id, code FROM forum_group WHERE edition_id = $1`, [editionId]) as Promise<
      { id: string; code: string }[]
    >;
  }

  /** The edition's group rules: which group may meet which. */
  groupRules(db: Runs, editionId: string): Promise<{ groupId: string; mayMeetGroupId: string }[]> {
    return db.query(
      `SELECT group_id AS "groupId", may_meet_group_id AS "mayMeetGroupId" FROM forum_group_rule
       WHERE edition_id = $1`,
      [editionId],
    ) as Promise<{ groupId: string; mayMeetGroupId: string }[]>;
  }

  /** Pairs of organisations with a pending or accepted meeting request in the edition (from `a` to `b`). */
  openRequestPairs(db: Runs, editionId: string): Promise<{ a: string; b: string }[]> {
    return db.query(
      `SELECT from_organization_id AS a, to_organization_id AS b FROM forum_meeting_request
       WHERE edition_id = $1 AND status IN ('PENDING', 'ACCEPTED')`,
      [editionId],
    ) as Promise<{ a: string; b: string }[]>;
  }

  /** A pending or accepted request from the delegate to the organisation, if there is one. */
  async openRequestFrom(db: Runs, delegateId: string, toOrganizationId: string): Promise<string | null> {
    const [open] = (await db.query(
      `SELECT id FROM forum_meeting_request
       WHERE from_delegate_id = $1 AND to_organization_id = $2 AND status IN ('PENDING', 'ACCEPTED')`,
      [delegateId, toOrganizationId],
    )) as { id: string }[];
    return open?.id ?? null;
  }
}
