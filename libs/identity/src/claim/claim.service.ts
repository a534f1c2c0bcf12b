import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, returning } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import { SenderBudget } from '../mail/sender-budget.js';
import { hashToken, opaqueToken } from '../auth/tokens.js';
import { emailSchema } from '../auth/auth.schema.js';
import { MembershipService } from '../membership/membership.service.js';
import { requireUuid } from '../policy/rules.js';
import type { Viewer } from '../viewer.js';
import './personal-data.js';

/** How long a claim's code works, and how many wrong codes void it. */
export const CLAIM_CODE_HOURS = 24;
export const CLAIM_MAX_ATTEMPTS = 5;

export const CLAIM_STATUSES = ['CODE_SENT', 'CONTESTED', 'APPROVED', 'REJECTED', 'EXPIRED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ContestReason = 'OTHER_CLAIMANT' | 'HAS_OWNER';

/** Why a claim went to the organisers, as the organisers' mail words it. */
const CONTEST_REASON_TEXTS: Record<ContestReason, Record<Locale, string>> = {
  OTHER_CLAIMANT: {
    en: 'another person claims it too',
    fr: 'une autre personne la revendique aussi',
    ar: 'شخصًا آخر يطالب بها أيضًا',
  },
  HAS_OWNER: {
    en: 'it already has an owner',
    fr: 'elle a déjà un propriétaire',
    ar: 'لها مالكًا بالفعل',
  },
};

export interface ClaimOption {
  /** The address masked (`a***@firm.dz`), or `*@firm.dz` for any address at the website's domain. */
  address: string;
  kind: 'CONTACT_PERSON' | 'WEBSITE_DOMAIN';
}

export interface ClaimView {
  id: string;
  organizationId: string;
  organizationName: string;
  claimantId: string;
  claimantEmail: string;
  claimantName: string;
  /** Where the code went: masked for the claimant, in full for organisers. */
  address: string;
  status: ClaimStatus;
  contestReason: ContestReason | null;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
  resolvedAt: Date | null;
  note: string | null;
}

interface ClaimRow {
  id: string;
  organization_id: string;
  organization_name: Record<string, string | null>;
  user_id: string;
  claimant_email: string;
  claimant_name: string;
  email: string;
  status: ClaimStatus;
  contest_reason: ContestReason | null;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  resolved_at: Date | null;
  note: string | null;
}

interface OrgRow {
  name: Record<string, string | null>;
  status: string;
  website: string | null;
  contacts: (string | null)[];
}

/** `amina@firm.dz` → `a***@firm.dz`: enough to recognise, too little to learn the address. */
export function maskEmail(email: string): string {
  return maskLocal(email, 1);
}

/**
 * `amina@firm.dz` with `shown` letters of its local part in sight, alternately from the start and
 * the end (1: `a***@`, 2: `a***a@`, 3: `am***a@`), always leaving two letters hidden.
 */
function maskLocal(email: string, shown: number): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const n = Math.max(1, Math.min(shown, local.length - 2));
  const head = Math.ceil(n / 2);
  const tail = n - head;
  return `${local.slice(0, head)}***${tail ? local.slice(local.length - tail) : ''}@${email.slice(at + 1)}`;
}

/**
 * Masks for a set of distinct addresses that tell them apart: an address whose mask another shares
 * shows one more letter at a time (`nadia@` and `nour@` become `n***a@` and `n***r@`); when the
 * letters that may be shown run out, a number after the mask keeps the choices distinct.
 */
export function maskEmails(emails: readonly string[]): string[] {
  const masks = emails.map((e) => maskLocal(e, 1));
  for (let shown = 2; ; shown++) {
    const seen = new Map<string, number>();
    for (const m of masks) seen.set(m, (seen.get(m) ?? 0) + 1);
    const clashing = masks.flatMap((m, i) => ((seen.get(m) ?? 0) > 1 ? [i] : []));
    if (!clashing.length) return masks;
    let grew = false;
    for (const i of clashing) {
      const next = maskLocal(emails[i], shown);
      if (next !== masks[i]) grew = true;
      masks[i] = next;
    }
    if (!grew) break;
  }
  const count = new Map<string, number>();
  return masks.map((m) => {
    if (masks.indexOf(m) === masks.lastIndexOf(m)) return m;
    const k = (count.get(m) ?? 0) + 1;
    count.set(m, k);
    return `${m} (${k})`;
  });
}

/** The host of a website, lower-cased and without `www.`; null when it is not a usable address. */
export function websiteDomain(website: string | null): string | null {
  if (!website?.trim()) return null;
  try {
    const raw = website.trim();
    const host = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`,
    ).hostname.toLowerCase();
    const domain = host.replace(/^www\./, '');
    // A bare host (localhost) or an IP address has no mailboxes to speak of.
    return domain.includes('.') && !/^[\d.]+$/.test(domain) && !domain.startsWith('[') ? domain : null;
  } catch {
    return null;
  }
}

const orgName = (name: Record<string, string | null>, locale: Locale) =>
  name[locale] ?? name.fr ?? name.en ?? name.ar ?? '';

const SELECT_CLAIMS = `
  SELECT c.id, c.organization_id, o.name AS organization_name, c.user_id, u.email AS claimant_email,
         u.display_name AS claimant_name, c.email, c.contest_reason, c.expires_at, c.created_at,
         c.confirmed_at, c.resolved_at, c.note,
         CASE WHEN c.status = 'CODE_SENT' AND c.expires_at <= now() THEN 'EXPIRED' ELSE c.status END AS status
    FROM organization_claim c
    JOIN organization o ON o.id = c.organization_id
    JOIN user_account u ON u.id = c.user_id`;

/**
 * Claiming an organisation that has no owner (it arrived by import or seed): a verified user
 * proves control of one of its contact-person addresses, or of an address at its website's
 * domain, with a single-use code mailed there; the code makes them OWNER, unless someone else
 * claims it too or it got an owner meanwhile, in which case organisers decide.
 */
/** organizationClaims is a bounded list: the newest `first` claims, `first` brought within 1 and this. */
export const CLAIMS_LISTED_MAX = 500;
/** myOrganizationClaims is a bounded list, the viewer's newest this many claims. */
export const OWN_CLAIMS_LISTED = 100;

@Injectable()
export class ClaimService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly audit: AuditService,
    private readonly budget: SenderBudget,
    private readonly members: MembershipService,
  ) {}

  private async organization(m: EntityManager, organizationId: string, lock = false): Promise<OrgRow> {
    requireUuid(organizationId, 'id');
    // The organisation row is the lock every claim decision on it takes, so they run one at a time.
    const [org] = await m.query<OrgRow[]>(
      `SELECT o.name, o.status, o.website,
              array(SELECT p.email FROM contact_person p WHERE p.organization_id = o.id ORDER BY p.position) AS contacts
         FROM organization o WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
      [organizationId],
    );
    // Only a public organisation can be claimed; any other does not exist for the claimant.
    if (!org || org.status !== 'ACTIVE') throw notFound('Organization', organizationId);
    return org;
  }

  private async hasOwner(m: EntityManager, organizationId: string): Promise<boolean> {
    const [row] = await m.query<unknown[]>(
      `SELECT 1 FROM membership WHERE organization_id = $1 AND role = 'OWNER' LIMIT 1`,
      [organizationId],
    );
    return !!row;
  }

  private static ownedError() {
    return new AppError('CONFLICT', 'this organisation already has an owner; ask them for an invitation', {
      reason: 'ORGANIZATION_HAS_OWNER',
    });
  }

  private static options(org: OrgRow): { option: ClaimOption; email: string | null }[] {
    const contacts = [
      ...new Set(
        org.contacts
          .map((e) => (e ? emailSchema.safeParse(e) : null))
          .filter((p) => p?.success)
          .map((p) => p!.data!),
      ),
    ];
    const domain = websiteDomain(org.website);
    const masks = maskEmails(contacts);
    return [
      ...contacts.map((email, i) => ({
        option: { address: masks[i], kind: 'CONTACT_PERSON' as const },
        email,
      })),
      ...(domain
        ? [{ option: { address: `*@${domain}`, kind: 'WEBSITE_DOMAIN' as const }, email: null }]
        : []),
    ];
  }

  /** The addresses a code may be mailed to, masked. */
  async claimOptions(organizationId: string): Promise<ClaimOption[]> {
    const org = await this.organization(this.db.manager, organizationId);
    if (await this.hasOwner(this.db.manager, organizationId)) throw ClaimService.ownedError();
    return ClaimService.options(org).map((o) => o.option);
  }

  /**
   * The address a claim's code goes to: a contact-person address (named in full, or by its masked
   * form when that names one address), or an address at the website's domain.
   */
  private static target(org: OrgRow, raw: string): string {
    const choices = ClaimService.options(org);
    const masked = choices.filter((c) => c.email && c.option.address === raw.trim());
    if (masked.length === 1) return masked[0].email!;
    const parsed = emailSchema.safeParse(raw);
    if (parsed.success) {
      const email = parsed.data;
      if (choices.some((c) => c.email === email)) return email;
      const domain = websiteDomain(org.website);
      if (domain && email.slice(email.lastIndexOf('@') + 1) === domain) return email;
    }
    throw badInput([
      {
        path: 'email',
        message:
          masked.length > 1
            ? 'several contact addresses look like this; type the full address'
            : "choose one of the organisation's contact addresses (claimOptions) or an address at its website's domain",
      },
    ]);
  }

  /** Opens a claim and mails its code; any open claim of the viewer's on the organisation is replaced. */
  async claim(viewer: Viewer, organizationId: string, rawEmail: string): Promise<ClaimView> {
    const org = await this.organization(this.db.manager, organizationId);
    const email = ClaimService.target(org, String(rawEmail ?? ''));
    const id = await this.budget.sending(viewer.userId, (spend) =>
      this.db.transaction(async (m) => {
        await this.organization(m, organizationId, true);
        if (await this.hasOwner(m, organizationId)) throw ClaimService.ownedError();
        const [waiting] = await m.query<unknown[]>(
          `SELECT 1 FROM organization_claim WHERE organization_id = $1 AND user_id = $2 AND status = 'CONTESTED'`,
          [organizationId, viewer.userId],
        );
        if (waiting)
          throw new AppError('CONFLICT', 'your claim on this organisation awaits the organisers', {
            reason: 'CLAIM_CONTESTED',
          });
        await spend();
        await m.query(
          `UPDATE organization_claim SET status = 'EXPIRED', code_hash = NULL
            WHERE organization_id = $1 AND user_id = $2 AND status = 'CODE_SENT'`,
          [organizationId, viewer.userId],
        );
        const { token, hash } = opaqueToken();
        const [created] = await m.query<{ id: string }[]>(
          `INSERT INTO organization_claim (organization_id, user_id, email, code_hash, expires_at)
           VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id`,
          [organizationId, viewer.userId, email, hash, CLAIM_CODE_HOURS],
        );
        const [claimant] = await m.query<{ locale: Locale; display_name: string }[]>(
          `SELECT locale, display_name FROM user_account WHERE id = $1`,
          [viewer.userId],
        );
        const locale = claimant?.locale ?? 'fr';
        await this.mail.send(
          {
            to: email,
            template: 'organization-claim',
            locale,
            params: {
              organization: orgName(org.name, locale),
              claimant: viewer.email,
              claimId: created.id,
              token,
            },
          },
          m,
        );
        await this.audit.record(m, {
          actor: viewer,
          action: 'organization.claim',
          entityType: 'organization',
          entityId: organizationId,
          after: { claimId: created.id, address: maskEmail(email) },
        });
        return created.id;
      }),
    );
    return this.view(id, true);
  }

  /**
   * Confirms a claim with its code: the claimant becomes OWNER, or, when another claimant has an
   * open claim or the organisation got an owner meanwhile, the claim goes to the organisers.
   */
  async confirm(viewer: Viewer, claimId: string, code: string): Promise<ClaimView> {
    requireUuid(claimId, 'claimId');
    const [found] = await this.db.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM organization_claim WHERE id = $1 AND user_id = $2`,
      [claimId, viewer.userId],
    );
    if (!found) throw notFound('OrganizationClaim', claimId);
    const organizationId = found.organization_id;
    const outcome = await this.db.transaction(async (m) => {
      await m.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [organizationId]);
      const [claim] = await m.query<{ code_hash: string | null; attempts: number; live: boolean }[]>(
        `SELECT code_hash, attempts, (status = 'CODE_SENT' AND expires_at > now()) AS live
           FROM organization_claim WHERE id = $1 FOR UPDATE`,
        [claimId],
      );
      if (!claim.live || !claim.code_hash) return 'unusable' as const;
      if (hashToken(String(code ?? '')) !== claim.code_hash) {
        // The count is kept (the transaction commits); enough wrong codes void the claim.
        await m.query(
          `UPDATE organization_claim SET attempts = attempts + 1,
                  status = CASE WHEN attempts + 1 >= $2 THEN 'EXPIRED' ELSE status END,
                  code_hash = CASE WHEN attempts + 1 >= $2 THEN NULL ELSE code_hash END
            WHERE id = $1`,
          [claimId, CLAIM_MAX_ATTEMPTS],
        );
        return 'wrong' as const;
      }
      let reason: ContestReason | null = null;
      if (await this.hasOwner(m, organizationId)) reason = 'HAS_OWNER';
      else {
        const [rival] = await m.query<unknown[]>(
          `SELECT 1 FROM organization_claim
            WHERE organization_id = $1 AND user_id <> $2
              AND (status = 'CONTESTED' OR (status = 'CODE_SENT' AND expires_at > now())) LIMIT 1`,
          [organizationId, viewer.userId],
        );
        if (rival) reason = 'OTHER_CLAIMANT';
      }
      await m.query(
        `UPDATE organization_claim SET code_hash = NULL, confirmed_at = now(), status = $2::text, contest_reason = $3,
                resolved_at = CASE WHEN $2::text = 'APPROVED' THEN now() END
          WHERE id = $1`,
        [claimId, reason ? 'CONTESTED' : 'APPROVED', reason],
      );
      if (!reason) await this.members.grantOwner(m, viewer, organizationId, viewer.userId, 'claim');
      await this.audit.record(m, {
        actor: viewer,
        action: 'organization.claim-confirm',
        entityType: 'organization',
        entityId: organizationId,
        after: { claimId, status: reason ? 'CONTESTED' : 'APPROVED', contestReason: reason },
      });
      if (reason) await this.tellOrganisers(m, claimId, organizationId, viewer.userId, reason);
      return 'done' as const;
    });
    if (outcome !== 'done')
      throw new AppError(
        'INVALID_TOKEN',
        outcome === 'wrong'
          ? 'this code is wrong'
          : 'this claim has no code to confirm: it was already confirmed, replaced, or expired',
      );
    return this.view(claimId, true);
  }

  /** A contested claim awaits the organisers: each hears of it by mail and in the app. */
  private async tellOrganisers(
    m: EntityManager,
    claimId: string,
    organizationId: string,
    claimantId: string,
    reason: ContestReason,
  ): Promise<void> {
    const [about] = await m.query<{ claimant: string; name: Record<string, string | null> }[]>(
      `SELECT u.display_name AS claimant, o.name FROM user_account u, organization o WHERE u.id = $1 AND o.id = $2`,
      [claimantId, organizationId],
    );
    const organisers = await m.query<{ id: string; email: string; locale: Locale }[]>(
      `SELECT id::text AS id, email, locale FROM user_account
        WHERE roles && ARRAY['ORGANISER', 'ADMIN']::text[] ORDER BY id`,
    );
    for (const o of organisers)
      await this.mail.send(
        {
          to: o.email,
          userId: o.id,
          template: 'organization-claim-contested',
          locale: o.locale,
          params: {
            organization: orgName(about.name, o.locale),
            claimant: about.claimant,
            reason: CONTEST_REASON_TEXTS[reason][o.locale],
          },
          ids: { claimId, organizationId },
        },
        m,
      );
  }

  /** Organisers' decision on an open claim: approving makes the claimant OWNER. */
  async resolve(
    viewer: Viewer,
    claimId: string,
    approve: boolean,
    rawNote?: string | null,
  ): Promise<ClaimView> {
    requireUuid(claimId, 'claimId');
    const note = rawNote?.trim() || null;
    if (note && note.length > 2000) throw badInput([{ path: 'note', message: 'at most 2000 characters' }]);
    const [found] = await this.db.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM organization_claim WHERE id = $1`,
      [claimId],
    );
    if (!found) throw notFound('OrganizationClaim', claimId);
    const organizationId = found.organization_id;
    await this.db.transaction(async (m) => {
      await m.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [organizationId]);
      const [claim] = await returning<{ user_id: string; status: ClaimStatus }>(
        m,
        `UPDATE organization_claim SET status = $2, resolved_at = now(), resolved_by = $3, note = $4, code_hash = NULL
          WHERE id = $1 AND (status = 'CONTESTED' OR (status = 'CODE_SENT' AND expires_at > now() AND NOT $5::boolean))
         RETURNING user_id, status`,
        [claimId, approve ? 'APPROVED' : 'REJECTED', viewer.userId, note, approve],
      );
      if (!claim)
        throw new AppError(
          'CONFLICT',
          approve
            ? 'only a contested claim (its code confirmed) can be approved'
            : 'this claim is already decided or expired',
          { reason: 'CLAIM_NOT_OPEN' },
        );
      if (approve) await this.members.grantOwner(m, viewer, organizationId, claim.user_id, 'claim');
      // The claimant hears of the decision, by mail and in the app.
      const [who] = await m.query<{ email: string; locale: Locale; name: Record<string, string | null> }[]>(
        `SELECT u.email, u.locale, o.name FROM user_account u, organization o WHERE u.id = $1 AND o.id = $2`,
        [claim.user_id, organizationId],
      );
      await this.mail.send(
        {
          to: who.email,
          userId: claim.user_id,
          template: approve ? 'organization-claim-approved' : 'organization-claim-rejected',
          locale: who.locale,
          params: {
            organization: orgName(who.name, who.locale),
            ...(approve ? {} : { reason: note ?? '' }),
          },
          ids: { claimId, organizationId },
        },
        m,
      );
      await this.audit.record(m, {
        actor: viewer,
        action: 'organization.claim-resolve',
        entityType: 'organization',
        entityId: organizationId,
        after: { claimId, claimant: claim.user_id, status: approve ? 'APPROVED' : 'REJECTED', note },
      });
    });
    return this.view(claimId, false);
  }

  /** Claims for organisers, newest first, optionally of one status. */
  async list(status?: ClaimStatus | null, first = 100): Promise<ClaimView[]> {
    const rows = await this.db.query<ClaimRow[]>(
      `SELECT * FROM (${SELECT_CLAIMS}) c WHERE ($1::text IS NULL OR c.status = $1)
        ORDER BY c.created_at DESC, c.id LIMIT $2`,
      [status ?? null, Math.min(Math.max(1, first), CLAIMS_LISTED_MAX)],
    );
    return rows.map((r) => ClaimService.toView(r, false));
  }

  /** The viewer's own claims, newest first, addresses masked. */
  async mine(viewer: Viewer): Promise<ClaimView[]> {
    const rows = await this.db.query<ClaimRow[]>(
      `${SELECT_CLAIMS} WHERE c.user_id = $1 ORDER BY c.created_at DESC, c.id LIMIT ${OWN_CLAIMS_LISTED}`,
      [viewer.userId],
    );
    return rows.map((r) => ClaimService.toView(r, true));
  }

  private async view(id: string, masked: boolean): Promise<ClaimView> {
    const [row] = await this.db.query<ClaimRow[]>(`${SELECT_CLAIMS} WHERE c.id = $1`, [id]);
    return ClaimService.toView(row, masked);
  }

  private static toView(r: ClaimRow, masked: boolean): ClaimView {
    return {
      id: r.id,
      organizationId: r.organization_id,
      organizationName: orgName(r.organization_name, 'fr'),
      claimantId: r.user_id,
      claimantEmail: r.claimant_email,
      claimantName: r.claimant_name,
      address: masked ? maskEmail(r.email) : r.email,
      status: r.status,
      contestReason: r.contest_reason,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
      confirmedAt: r.confirmed_at,
      resolvedAt: r.resolved_at,
      note: r.note,
    };
  }
}
