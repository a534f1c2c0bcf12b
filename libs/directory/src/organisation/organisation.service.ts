import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, OutboxService, type Page, parseId, parseInput } from '#platform';
import { AuditService, isOrganiser, MembershipService, type Viewer } from '#identity';
import { OrganizationEntity } from './organisation.entity.js';
import { ContactPersonEntity } from './contact-person.entity.js';
import {
  createOrganizationSchema,
  updateOrganizationSchema,
  type CreateOrganizationData,
} from './organisation.schema.js';
import { isKnownCountry, isKnownSector, isWilaya, SECTORS } from '../taxonomy/taxonomy.js';
import type { OrganizationFilter } from './organisation.inputs.js';
import { identityReviewed, planReview, saveChangeRequest } from './organisation-change.js';
import { OrganizationRepository } from './organisation.repository.js';
import { OrganizationChangeRepository } from './organisation-change.repository.js';

/** Columns of an organisation from validated data; contacts are stored apart. */
function columns(d: Omit<CreateOrganizationData, 'contacts'>): Partial<OrganizationEntity> {
  return {
    kind: d.kind,
    subtype: d.subtype,
    name: d.name,
    description: d.description,
    country: d.country,
    regionCode: d.regionCode,
    region: d.region,
    city: d.city,
    sectors: d.sectors,
    employeeBand: d.employeeBand,
    foundedYear: d.foundedYear,
    website: d.website,
    languages: d.languages,
    certifications: d.certifications,
    targetCertifications: d.targetCertifications,
    collaborations: d.collaborations,
    innovation: d.innovation,
    capabilities: d.capabilities,
    processes: [...new Set(d.capabilities.map((c) => c.process))],
    purchasingCategories: d.purchasingCategories,
    services: d.services,
    programmes: d.programmes,
    financier: d.financier,
  };
}

/** The audited view of an organisation: its stored fields, without bookkeeping. */
function snapshot(o: OrganizationEntity): Record<string, unknown> {
  const { contacts: _contacts, version: _v, createdAt: _c, updatedAt: _u, ...rest } = o;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** What a stored organisation looks like as schema input, to re-validate it after a partial update. */
function asInput(o: OrganizationEntity, contacts: ContactPersonEntity[]): CreateOrganizationData {
  return {
    kind: o.kind,
    subtype: o.subtype,
    name: o.name,
    description: o.description,
    country: o.country,
    regionCode: o.regionCode,
    region: o.region,
    city: o.city,
    sectors: o.sectors,
    employeeBand: o.employeeBand as CreateOrganizationData['employeeBand'],
    foundedYear: o.foundedYear,
    website: o.website,
    languages: o.languages as CreateOrganizationData['languages'],
    certifications: o.certifications as CreateOrganizationData['certifications'],
    targetCertifications: (o.targetCertifications ?? []) as CreateOrganizationData['targetCertifications'],
    collaborations: o.collaborations ?? [],
    innovation: o.innovation,
    capabilities: o.capabilities,
    purchasingCategories: o.purchasingCategories,
    services: o.services,
    programmes: o.programmes,
    financier: o.financier,
    contacts: contacts.map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone })),
  };
}

@Injectable()
export class OrganizationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly members: MembershipService,
    @Optional() private readonly rows: OrganizationRepository = new OrganizationRepository(),
    @Optional() private readonly changes: OrganizationChangeRepository = new OrganizationChangeRepository(),
  ) {}

  /**
   * One organisation. `canSee` decides for organisations that are not public (pending review,
   * rejected, archived): for anyone else they do not exist.
   */
  async get(
    id: string,
    canSee: (org: OrganizationEntity) => Promise<boolean> = async (o) => o.status === 'ACTIVE',
  ): Promise<OrganizationEntity> {
    const org = await this.db.getRepository(OrganizationEntity).findOneBy({ id: parseId(id) });
    if (!org || !(await canSee(org))) throw notFound('Organization', id);
    return org;
  }

  /** Writes one validated organisation with its contacts and outbox row in the caller's transaction. */
  async insert(
    m: EntityManager,
    data: CreateOrganizationData,
    externalRef: string | null = null,
  ): Promise<OrganizationEntity> {
    const { contacts, ...rest } = data;
    const org = await m.save(
      OrganizationEntity,
      m.create(OrganizationEntity, { ...columns(rest), externalRef }),
    );
    if (contacts.length)
      await m.insert(
        ContactPersonEntity,
        contacts.map((c, position) => ({ ...c, position, organizationId: org.id })),
      );
    await this.outbox.record(m, [{ entityType: 'organization', entityId: org.id }]);
    return org;
  }

  /**
   * A user's new organisation: its creator becomes its OWNER, and it waits in the review queue
   * (PENDING, out of search) until an organiser approves it; organisers' own entries are public at once.
   */
  async create(input: unknown, viewer: Viewer): Promise<OrganizationEntity> {
    const data = parseInput(createOrganizationSchema, input);
    const org = await this.db.transaction(async (m) => {
      const org = await this.insert(m, data);
      const status = isOrganiser(viewer) ? 'ACTIVE' : 'PENDING';
      await this.rows.setCreated(m, org.id, status, viewer.userId);
      org.status = status;
      await this.members.addOwner(m, org.id, viewer.userId);
      await this.audit.record(m, {
        actor: viewer,
        action: 'organization.create',
        entityType: 'organization',
        entityId: org.id,
        after: { ...snapshot(org), contacts: data.contacts.length },
      });
      return org;
    });
    await this.outbox.wake();
    return org;
  }

  async update(
    input: { id: string; expectedVersion?: number | null } & Record<string, unknown>,
    actor: Viewer | null,
  ): Promise<OrganizationEntity> {
    const { id: rawId, expectedVersion, ...changes } = input;
    const id = parseId(rawId, 'input.id');
    const patch = parseInput(updateOrganizationSchema, changes);
    const org = await this.db.transaction(async (m) => {
      const current = await m.findOne(OrganizationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Organization', id);
      if (current.status === 'ARCHIVED') throw new AppError('CONFLICT', `Organization ${id} is archived`);
      const before = snapshot(current);
      if (expectedVersion != null && expectedVersion !== current.version)
        throw new AppError('CONFLICT', `Organization ${id} changed since version ${expectedVersion}`, {
          currentVersion: current.version,
        });
      const contacts = await m.find(ContactPersonEntity, {
        where: { organizationId: id },
        order: { position: 'ASC' },
      });
      const contactsBefore = contacts.map((c) => ({
        name: c.name,
        role: c.role,
        email: c.email,
        phone: c.phone,
      }));
      let defined: Record<string, unknown> = Object.fromEntries(
        Object.entries(patch).filter(([k]) => k in changes && changes[k] !== undefined),
      );
      const stored = asInput(current, contacts);
      let merged = parseInput(createOrganizationSchema, { ...stored, ...defined });
      if (identityReviewed(current.status, actor)) {
        // The approved identity stays public until an organiser approves the change; the rest applies now.
        const open = await this.changes.lockOpen(m, id);
        const plan = planReview({ ...stored }, { ...merged }, defined, open?.after ?? {});
        defined = plan.now;
        merged = parseInput(createOrganizationSchema, { ...stored, ...plan.now });
        parseInput(createOrganizationSchema, { ...stored, ...plan.now, ...plan.proposed });
        await saveChangeRequest(m, this.audit, this.changes, id, { ...stored }, open, plan.proposed, actor!);
      }
      const { contacts: newContacts, ...rest } = merged;
      m.merge(OrganizationEntity, current, columns(rest));
      const saved = await m.save(OrganizationEntity, current);
      if ('contacts' in defined) {
        await m.delete(ContactPersonEntity, { organizationId: id });
        if (newContacts.length)
          await m.insert(
            ContactPersonEntity,
            newContacts.map((c, position) => ({ ...c, position, organizationId: id })),
          );
      }
      await this.audit.record(m, {
        actor,
        action: 'organization.update',
        entityType: 'organization',
        entityId: id,
        before: { ...before, contacts: contactsBefore },
        after: { ...snapshot(saved), contacts: 'contacts' in defined ? newContacts : contactsBefore },
      });
      await this.outbox.record(m, [{ entityType: 'organization', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return org;
  }

  /**
   * Applies identity values an organiser approved, in the caller's transaction, with the audit
   * entry and the outbox row that brings the index up to date.
   */
  async applyReviewed(
    m: EntityManager,
    id: string,
    values: Record<string, unknown>,
    actor: Viewer,
  ): Promise<OrganizationEntity> {
    const current = await m.findOne(OrganizationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!current) throw notFound('Organization', id);
    if (current.status === 'ARCHIVED') throw new AppError('CONFLICT', `Organization ${id} is archived`);
    const before = snapshot(current);
    const contacts = await m.find(ContactPersonEntity, {
      where: { organizationId: id },
      order: { position: 'ASC' },
    });
    const { contacts: _contacts, ...rest } = parseInput(createOrganizationSchema, {
      ...asInput(current, contacts),
      ...values,
    });
    m.merge(OrganizationEntity, current, columns(rest));
    const saved = await m.save(OrganizationEntity, current);
    await this.audit.record(m, {
      actor,
      action: 'organization.update',
      entityType: 'organization',
      entityId: id,
      before,
      after: snapshot(saved),
    });
    await this.outbox.record(m, [{ entityType: 'organization', entityId: id }]);
    return saved;
  }

  /** Archiving takes the organisation and its opportunities out of search at the next drain. */
  async archive(rawId: string, actor: Viewer | null): Promise<OrganizationEntity> {
    const id = parseId(rawId);
    const org = await this.db.transaction(async (m) => {
      const current = await m.findOne(OrganizationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Organization', id);
      if (current.status === 'ARCHIVED') return current;
      const before = current.status;
      current.status = 'ARCHIVED';
      current.archivedAt = new Date();
      const saved = await m.save(OrganizationEntity, current);
      await this.audit.record(m, {
        actor,
        action: 'organization.archive',
        entityType: 'organization',
        entityId: id,
        before: { status: before },
        after: { status: 'ARCHIVED' },
      });
      await this.outbox.record(m, [{ entityType: 'organization', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return org;
  }

  /**
   * Archives the organisations not archived yet inside the caller's transaction (identity's
   * OrganizationPort: an account deleted by its only member), each audited with `reason`.
   */
  async archiveWithin(
    m: EntityManager,
    actor: Viewer,
    organizationIds: string[],
    reason: string,
  ): Promise<void> {
    if (!organizationIds.length) return;
    const changed = await this.rows.archive(m, organizationIds);
    await this.outbox.record(
      m,
      organizationIds.map((id) => ({ entityType: 'organization' as const, entityId: id })),
    );
    for (const { id, before } of changed)
      await this.audit.record(m, {
        actor,
        action: 'organization.archive',
        entityType: 'organization',
        entityId: id,
        before: { status: before },
        after: { status: 'ARCHIVED', reason },
      });
  }

  /** The review queue: organisations awaiting approval, oldest first. */
  pending(first = 20, after?: string | null): Promise<Page<OrganizationEntity>> {
    return this.rows.pendingPage(this.db, first, after);
  }

  /** Public organisations; organisers may ask for archived ones too (`includeArchived`). */
  async list(
    filter: OrganizationFilter | undefined,
    first = 20,
    after?: string | null,
    viewer: Viewer | null = null,
  ): Promise<Page<OrganizationEntity>> {
    const f = filter ?? {};
    if (f.includeArchived && !isOrganiser(viewer))
      throw new AppError('FORBIDDEN', 'only organisers may list archived organisations');
    const bounded = (name: string, list: string[] | undefined) => {
      if (list && list.length > 50)
        throw badInput([{ path: `filter.${name}`, message: 'at most 50 values' }]);
      return list?.length ? list : null;
    };
    // Free-text code lists are checked like input fields, so that no stray value reaches SQL.
    const known = (name: string, list: string[] | undefined, isKnown: (c: string) => boolean) => {
      const l = bounded(name, list);
      const problems = (l ?? []).flatMap((c, i) =>
        isKnown(c) ? [] : [{ path: `filter.${name}.${i}`, message: `unknown code "${c}"` }],
      );
      if (problems.length) throw badInput(problems);
      return l;
    };
    const kinds = bounded('kinds', f.kinds);
    const countries = known('countries', f.countries, isKnownCountry);
    const regionCodes = known('regionCodes', f.regionCodes, isWilaya);
    const sectors = known('sectors', f.sectors, isKnownSector);
    const processes = bounded('processes', f.processes);
    const certifications = bounded('certifications', f.certifications);
    return this.rows.listPage(
      this.db,
      {
        includeArchived: !!f.includeArchived,
        kinds,
        countries,
        regionCodes,
        // A section letter stands for all of its divisions.
        sectors: sectors
          ? sectors.flatMap((s) => [s, ...SECTORS.filter((x) => x.parent === s).map((x) => x.code)])
          : null,
        processes,
        certifications,
      },
      first,
      after,
    );
  }
}
