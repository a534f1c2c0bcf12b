import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '#platform';
import type { TextByLang } from '../organisation/organisation.entity.js';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

export const CLAIM_STATUSES = ['CODE_SENT', 'CONTESTED', 'APPROVED', 'REJECTED', 'EXPIRED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ContestReason = 'OTHER_CLAIMANT' | 'HAS_OWNER';

/** A claim as stored, its status as it reads (a code past its time reads EXPIRED), with the organisation's names. */
export interface ClaimRecord {
  id: string;
  organizationId: string;
  organizationName: TextByLang;
  claimantId: string;
  /** Where the code went, in full. */
  email: string;
  status: ClaimStatus;
  contestReason: ContestReason | null;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
  resolvedAt: Date | null;
  note: string | null;
}

/** What a claim needs of the organisation claimed: its names, status, website and contact addresses. */
export interface ClaimTarget {
  name: TextByLang;
  status: string;
  website: string | null;
  contacts: (string | null)[];
}

interface ClaimRow {
  id: string;
  organization_id: string;
  organization_name: TextByLang;
  user_id: string;
  email: string;
  status: ClaimStatus;
  contest_reason: ContestReason | null;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  resolved_at: Date | null;
  note: string | null;
}

const toRecord = (r: ClaimRow): ClaimRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  claimantId: r.user_id,
  email: r.email,
  status: r.status,
  contestReason: r.contest_reason,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  resolvedAt: r.resolved_at,
  note: r.note,
});

const SELECT_CLAIMS = `
  SELECT c.id, c.organization_id, o.name AS organization_name, c.user_id, c.email, c.contest_reason,
         c.expires_at, c.created_at, c.confirmed_at, c.resolved_at, c.note,
         CASE WHEN c.status = 'CODE_SENT' AND c.expires_at <= now() THEN 'EXPIRED' ELSE c.status END AS status
    FROM organization_claim c
    JOIN organization o ON o.id = c.organization_id`;

/*
 * Where claims hold personal data, for identity's export and erasure (`$1` the account, `$2` its
 * verified address). The claimant's claims (with the address the code went to and the organisers'
 * note) are exported and go with the account (the foreign key cascades); a claim that named the
 * erased person's verified address loses the address; an organiser's decisions lose their author
 * (the foreign key sets NULL).
 */
export const CLAIMS_PERSONAL_DATA = {
  covers: ['organization_claim.user_id', 'organization_claim.email', 'organization_claim.note'],
  exportSql: `SELECT id, organization_id, email, status, contest_reason, created_at, confirmed_at, resolved_at, note
                FROM organization_claim WHERE user_id = $1 ORDER BY created_at`,
  deleteSql: `UPDATE organization_claim SET email = '(erased)' WHERE email = $2 AND user_id <> $1`,
};
export const CLAIMS_DECIDED_PERSONAL_DATA = {
  covers: ['organization_claim.resolved_by'],
  exportSql: `SELECT id, organization_id, status, resolved_at FROM organization_claim
               WHERE resolved_by = $1 ORDER BY resolved_at`,
};

/** The SQL of organisation claims. Each method runs on the connection or transaction it is given. */
@Injectable()
export class ClaimRepository {
  /**
   * The organisation claimed, with its contact addresses in order; locked for the caller's
   * transaction when `lock` (the lock every claim decision on it takes, so they run one at a time).
   */
  async target(m: Runs, organizationId: string, lock = false): Promise<ClaimTarget | null> {
    const [org] = await m.query<ClaimTarget[]>(
      `SELECT o.name, o.status, o.website,
              array(SELECT p.email FROM contact_person p WHERE p.organization_id = o.id ORDER BY p.position) AS contacts
         FROM organization o WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
      [organizationId],
    );
    return org ?? null;
  }

  /** Takes the organisation's row lock for the caller's transaction. */
  async lockOrganization(m: Runs, organizationId: string): Promise<void> {
    await m.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [organizationId]);
  }

  /** Whether the account has a claim on the organisation waiting for the organisers. */
  async hasContested(m: Runs, organizationId: string, userId: string): Promise<boolean> {
    const [waiting] = await m.query<unknown[]>(
      `SELECT 1 FROM organization_claim WHERE organization_id = $1 AND user_id = $2 AND status = 'CONTESTED'`,
      [organizationId, userId],
    );
    return !!waiting;
  }

  /** Voids the account's claims on the organisation still waiting for their code. */
  async expireCodeSent(m: Runs, organizationId: string, userId: string): Promise<void> {
    await m.query(
      `UPDATE organization_claim SET status = 'EXPIRED', code_hash = NULL
            WHERE organization_id = $1 AND user_id = $2 AND status = 'CODE_SENT'`,
      [organizationId, userId],
    );
  }

  /** Opens a claim whose code (stored hashed) works for `hours`; returns its id. */
  async insert(
    m: Runs,
    claim: { organizationId: string; userId: string; email: string; codeHash: string; hours: number },
  ): Promise<string> {
    const [created] = await m.query<{ id: string }[]>(
      `INSERT INTO organization_claim (organization_id, user_id, email, code_hash, expires_at)
           VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id`,
      [claim.organizationId, claim.userId, claim.email, claim.codeHash, claim.hours],
    );
    return created.id;
  }

  /** The organisation of a claim, when it is the given account's (any account's when `userId` is null). */
  async organizationOf(db: Runs, claimId: string, userId: string | null): Promise<string | null> {
    const [found] = await db.query<{ organization_id: string }[]>(
      userId === null
        ? `SELECT organization_id FROM organization_claim WHERE id = $1`
        : `SELECT organization_id FROM organization_claim WHERE id = $1 AND user_id = $2`,
      userId === null ? [claimId] : [claimId, userId],
    );
    return found?.organization_id ?? null;
  }

  /** A claim's code, tries so far and whether the code still works, locked for the caller's transaction. */
  async lockCode(
    m: Runs,
    claimId: string,
  ): Promise<{ codeHash: string | null; attempts: number; live: boolean }> {
    const [claim] = await m.query<{ code_hash: string | null; attempts: number; live: boolean }[]>(
      `SELECT code_hash, attempts, (status = 'CODE_SENT' AND expires_at > now()) AS live
           FROM organization_claim WHERE id = $1 FOR UPDATE`,
      [claimId],
    );
    return { codeHash: claim.code_hash, attempts: claim.attempts, live: claim.live };
  }

  /** Counts a wrong code; the `maxAttempts`-th voids the claim. */
  async countWrongCode(m: Runs, claimId: string, maxAttempts: number): Promise<void> {
    await m.query(
      `UPDATE organization_claim SET attempts = attempts + 1,
                  status = CASE WHEN attempts + 1 >= $2 THEN 'EXPIRED' ELSE status END,
                  code_hash = CASE WHEN attempts + 1 >= $2 THEN NULL ELSE code_hash END
            WHERE id = $1`,
      [claimId, maxAttempts],
    );
  }

  /** Whether another account has an open claim on the organisation (contested, or its code still working). */
  async hasRival(m: Runs, organizationId: string, userId: string): Promise<boolean> {
    const [rival] = await m.query<unknown[]>(
      `SELECT 1 FROM organization_claim
            WHERE organization_id = $1 AND user_id <> $2
              AND (status = 'CONTESTED' OR (status = 'CODE_SENT' AND expires_at > now())) LIMIT 1`,
      [organizationId, userId],
    );
    return !!rival;
  }

  /** Records a confirmed code: APPROVED at once, or CONTESTED for the given reason. */
  async markConfirmed(m: Runs, claimId: string, reason: ContestReason | null): Promise<void> {
    await m.query(
      `UPDATE organization_claim SET code_hash = NULL, confirmed_at = now(), status = $2::text, contest_reason = $3,
                resolved_at = CASE WHEN $2::text = 'APPROVED' THEN now() END
          WHERE id = $1`,
      [claimId, reason ? 'CONTESTED' : 'APPROVED', reason],
    );
  }

  /**
   * Records the organisers' decision on an open claim (a contested one; a rejection may also end a
   * claim whose code still works); null when the claim is not open to that decision.
   */
  async markResolved(
    m: Runs,
    claimId: string,
    approve: boolean,
    resolvedBy: string,
    note: string | null,
  ): Promise<{ userId: string; status: ClaimStatus } | null> {
    const [claim] = await returning<{ user_id: string; status: ClaimStatus }>(
      m,
      `UPDATE organization_claim SET status = $2, resolved_at = now(), resolved_by = $3, note = $4, code_hash = NULL
          WHERE id = $1 AND (status = 'CONTESTED' OR (status = 'CODE_SENT' AND expires_at > now() AND NOT $5::boolean))
         RETURNING user_id, status`,
      [claimId, approve ? 'APPROVED' : 'REJECTED', resolvedBy, note, approve],
    );
    return claim ? { userId: claim.user_id, status: claim.status } : null;
  }

  /** Claims newest first, optionally of one status (as it reads), at most `limit`. */
  async list(db: Runs, status: ClaimStatus | null, limit: number): Promise<ClaimRecord[]> {
    const rows = await db.query<ClaimRow[]>(
      `SELECT * FROM (${SELECT_CLAIMS}) c WHERE ($1::text IS NULL OR c.status = $1)
        ORDER BY c.created_at DESC, c.id LIMIT $2`,
      [status, limit],
    );
    return rows.map(toRecord);
  }

  /** An account's claims, newest first, at most `limit`. */
  async ofClaimant(db: Runs, userId: string, limit: number): Promise<ClaimRecord[]> {
    const rows = await db.query<ClaimRow[]>(
      `${SELECT_CLAIMS} WHERE c.user_id = $1 ORDER BY c.created_at DESC, c.id LIMIT ${limit}`,
      [userId],
    );
    return rows.map(toRecord);
  }

  /** One claim. */
  async byId(db: Runs, id: string): Promise<ClaimRecord | null> {
    const [row] = await db.query<ClaimRow[]>(`${SELECT_CLAIMS} WHERE c.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }
}
