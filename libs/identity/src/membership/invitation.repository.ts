import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { MembershipRole } from '../viewer.js';
import type { Runs } from '../runs.js';

/** An invitation not accepted yet, with the name of whoever sent it. */
export interface PendingInvitation {
  id: string;
  organizationId: string;
  email: string;
  role: MembershipRole;
  expiresAt: Date;
  createdAt: Date;
  /** The inviter's display name; null once their account is gone. */
  invitedBy: string | null;
}

/** The SQL of `organization_invitation`. */
@Injectable()
export class InvitationRepository {
  /** The invitations of an organisation not accepted yet, newest first. */
  async pending(db: Runs, organizationId: string): Promise<PendingInvitation[]> {
    const rows = await db.query<
      {
        id: string;
        organization_id: string;
        email: string;
        role: MembershipRole;
        expires_at: Date;
        created_at: Date;
        invited_by: string | null;
      }[]
    >(
      `SELECT i.id, i.organization_id, i.email, i.role, i.expires_at, i.created_at, u.display_name AS invited_by
       FROM organization_invitation i LEFT JOIN user_account u ON u.id = i.invited_by
       WHERE i.organization_id = $1 AND i.accepted_at IS NULL
       ORDER BY i.created_at DESC, i.id`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      email: r.email,
      role: r.role,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
      invitedBy: r.invited_by,
    }));
  }

  /** Deletes an invitation of the organisation not accepted yet: its address and role, or null. */
  async deletePending(
    m: Runs,
    organizationId: string,
    invitationId: string,
  ): Promise<{ email: string; role: MembershipRole } | null> {
    const [gone] = await returning<{ email: string; role: MembershipRole }>(
      m,
      `DELETE FROM organization_invitation
         WHERE id = $1 AND organization_id = $2 AND accepted_at IS NULL
         RETURNING email, role`,
      [invitationId, organizationId],
    );
    return gone ?? null;
  }

  /** Stores an invitation valid for `days` days: its id, dates and the inviter's display name. */
  async insert(
    m: Runs,
    i: {
      organizationId: string;
      email: string;
      role: MembershipRole;
      tokenHash: string;
      invitedBy: string;
      days: number;
    },
  ): Promise<{ id: string; expiresAt: Date; createdAt: Date; invitedBy: string | null }> {
    const [inv] = await m.query<
      { id: string; expires_at: Date; created_at: Date; invited_by: string | null }[]
    >(
      `INSERT INTO organization_invitation (organization_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
         RETURNING id, expires_at, created_at,
                   (SELECT display_name FROM user_account WHERE id = invited_by) AS invited_by`,
      [i.organizationId, i.email, i.role, i.tokenHash, i.invitedBy, i.days],
    );
    return { id: inv.id, expiresAt: inv.expires_at, createdAt: inv.created_at, invitedBy: inv.invited_by };
  }

  /**
   * Marks accepted the live invitation with this code, when it was sent to the accepting account's
   * verified address (as stored now): the invitation, or null.
   */
  async accept(
    m: Runs,
    tokenHash: string,
    userId: string,
  ): Promise<{ id: string; organizationId: string; role: MembershipRole; email: string } | null> {
    const [inv] = await returning<{
      id: string;
      organization_id: string;
      role: MembershipRole;
      email: string;
    }>(
      m,
      `UPDATE organization_invitation i SET accepted_at = now()
           FROM user_account u
          WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
            AND u.id = $2 AND u.email_verified_at IS NOT NULL AND i.email = u.email
         RETURNING i.id, i.organization_id, i.role, i.email`,
      [tokenHash, userId],
    );
    return inv ? { id: inv.id, organizationId: inv.organization_id, role: inv.role, email: inv.email } : null;
  }

  /** Deletes invitations accepted or expired more than `days` days before `now`: how many. */
  async purge(db: Runs, now: Date, days: number): Promise<number> {
    const rows = await returning<{ n: number }>(
      db,
      `DELETE FROM organization_invitation
         WHERE coalesce(accepted_at, expires_at) < $1::timestamptz - make_interval(days => $2) RETURNING 1 AS n`,
      [now, days],
    );
    return rows.length;
  }
}
