import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound } from '#platform';
import {
  AuditService,
  emailSchema,
  hashToken,
  MAIL_PORT,
  MembershipService,
  opaqueToken,
  people,
  requireUuid,
  SenderBudget,
  type Locale,
  type MailPort,
  type Viewer,
} from '#identity';
import type { TextByLang } from '../organisation/organisation.entity.js';
import {
  ClaimRepository,
  type ClaimRecord,
  type ClaimStatus,
  type ClaimTarget,
  type ContestReason,
} from './claim.repository.js';
import './personal-data.js';

export { CLAIM_STATUSES, type ClaimStatus, type ContestReason } from './claim.repository.js';

/** How long a claim's code works, and how many wrong codes void it. */
export const CLAIM_CODE_HOURS = 24;
export const CLAIM_MAX_ATTEMPTS = 5;

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

/** A claim as the claimant and the organisers read it: its stored state, the names and addresses resolved. */
export interface ClaimView extends Pick<
  ClaimRecord,
  'status' | 'contestReason' | 'expiresAt' | 'createdAt' | 'confirmedAt' | 'resolvedAt' | 'note'
> {
  id: string;
  organizationId: string;
  organizationName: string;
  claimantId: string;
  claimantEmail: string;
  claimantName: string;
  /** Where the code went: masked for the claimant, in full for organisers. */
  address: string;
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

const orgName = (name: TextByLang, locale: Locale) => name[locale] ?? name.fr ?? name.en ?? name.ar ?? '';

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
    @Optional() private readonly claims: ClaimRepository = new ClaimRepository(),
  ) {}

  private async organization(m: EntityManager, organizationId: string, lock = false): Promise<ClaimTarget> {
    requireUuid(organizationId, 'id');
    // The organisation row is the lock every claim decision on it takes, so they run one at a time.
    const org = await this.claims.target(m, organizationId, lock);
    // Only a public organisation can be claimed; any other does not exist for the claimant.
    if (!org || org.status !== 'ACTIVE') throw notFound('Organization', organizationId);
    return org;
  }

  private hasOwner(m: EntityManager, organizationId: string): Promise<boolean> {
    return people.hasOwner(m, organizationId);
  }

  private static ownedError() {
    return new AppError('CONFLICT', 'this organisation already has an owner; ask them for an invitation', {
      reason: 'ORGANIZATION_HAS_OWNER',
    });
  }

  private static options(org: ClaimTarget): { option: ClaimOption; email: string | null }[] {
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
  private static target(org: ClaimTarget, raw: string): string {
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
        if (await this.claims.hasContested(m, organizationId, viewer.userId))
          throw new AppError('CONFLICT', 'your claim on this organisation awaits the organisers', {
            reason: 'CLAIM_CONTESTED',
          });
        await spend();
        await this.claims.expireCodeSent(m, organizationId, viewer.userId);
        const { token, hash } = opaqueToken();
        const created = {
          id: await this.claims.insert(m, {
            organizationId,
            userId: viewer.userId,
            email,
            codeHash: hash,
            hours: CLAIM_CODE_HOURS,
          }),
        };
        const claimant = (await people.profiles(m, [viewer.userId])).get(viewer.userId);
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
    const organizationId = await this.claims.organizationOf(this.db, claimId, viewer.userId);
    if (!organizationId) throw notFound('OrganizationClaim', claimId);
    const outcome = await this.db.transaction(async (m) => {
      await this.claims.lockOrganization(m, organizationId);
      const claim = await this.claims.lockCode(m, claimId);
      if (!claim.live || !claim.codeHash) return 'unusable' as const;
      if (hashToken(String(code ?? '')) !== claim.codeHash) {
        // The count is kept (the transaction commits); enough wrong codes void the claim.
        await this.claims.countWrongCode(m, claimId, CLAIM_MAX_ATTEMPTS);
        return 'wrong' as const;
      }
      let reason: ContestReason | null = null;
      if (await this.hasOwner(m, organizationId)) reason = 'HAS_OWNER';
      else if (await this.claims.hasRival(m, organizationId, viewer.userId)) reason = 'OTHER_CLAIMANT';
      await this.claims.markConfirmed(m, claimId, reason);
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
    const claimant = (await people.profiles(m, [claimantId])).get(claimantId);
    const org = await this.claims.target(m, organizationId);
    if (!claimant || !org) return;
    const about = { claimant: claimant.displayName, name: org.name };
    const organisers = await people.organisers(m);
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
    const organizationId = await this.claims.organizationOf(this.db, claimId, null);
    if (!organizationId) throw notFound('OrganizationClaim', claimId);
    await this.db.transaction(async (m) => {
      await this.claims.lockOrganization(m, organizationId);
      const claim = await this.claims.markResolved(m, claimId, approve, viewer.userId, note);
      if (!claim)
        throw new AppError(
          'CONFLICT',
          approve
            ? 'only a contested claim (its code confirmed) can be approved'
            : 'this claim is already decided or expired',
          { reason: 'CLAIM_NOT_OPEN' },
        );
      if (approve) await this.members.grantOwner(m, viewer, organizationId, claim.userId, 'claim');
      // The claimant hears of the decision, by mail and in the app.
      const who = (await people.profiles(m, [claim.userId])).get(claim.userId)!;
      const org = (await this.claims.target(m, organizationId))!;
      await this.mail.send(
        {
          to: who.email,
          userId: claim.userId,
          template: approve ? 'organization-claim-approved' : 'organization-claim-rejected',
          locale: who.locale,
          params: {
            organization: orgName(org.name, who.locale),
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
        after: { claimId, claimant: claim.userId, status: approve ? 'APPROVED' : 'REJECTED', note },
      });
    });
    return this.view(claimId, false);
  }

  /** Claims for organisers, newest first, optionally of one status. */
  async list(status?: ClaimStatus | null, first = 100): Promise<ClaimView[]> {
    const rows = await this.claims.list(
      this.db,
      status ?? null,
      Math.min(Math.max(1, first), CLAIMS_LISTED_MAX),
    );
    return this.views(rows, false);
  }

  /** The viewer's own claims, newest first, addresses masked. */
  async mine(viewer: Viewer): Promise<ClaimView[]> {
    return this.views(await this.claims.ofClaimant(this.db, viewer.userId, OWN_CLAIMS_LISTED), true);
  }

  private async view(id: string, masked: boolean): Promise<ClaimView> {
    const row = await this.claims.byId(this.db, id);
    const [view] = await this.views(row ? [row] : [], masked);
    return view;
  }

  /** Claims as their readers see them, with each claimant's address and name (claims go with their account). */
  private async views(rows: ClaimRecord[], masked: boolean): Promise<ClaimView[]> {
    const claimants = await people.profiles(
      this.db,
      rows.map((r) => r.claimantId),
    );
    return rows.flatMap((r) => {
      const claimant = claimants.get(r.claimantId);
      return claimant ? [ClaimService.toView(r, claimant, masked)] : [];
    });
  }

  private static toView(
    r: ClaimRecord,
    claimant: { email: string; displayName: string },
    masked: boolean,
  ): ClaimView {
    return {
      id: r.id,
      organizationId: r.organizationId,
      organizationName: orgName(r.organizationName, 'fr'),
      claimantId: r.claimantId,
      claimantEmail: claimant.email,
      claimantName: claimant.displayName,
      address: masked ? maskEmail(r.email) : r.email,
      status: r.status,
      contestReason: r.contestReason,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      resolvedAt: r.resolvedAt,
      note: r.note,
    };
  }
}
