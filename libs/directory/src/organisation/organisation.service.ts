import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, OutboxService } from '#platform';
import { OrganizationEntity } from './organisation.entity.js';
import { ContactPersonEntity } from './contact-person.entity.js';
import {
  createOrganizationSchema,
  updateOrganizationSchema,
  type CreateOrganizationData,
} from './organisation.schema.js';
import { parseId, parseInput } from '../graphql/validation.js';
import { paginate, type Page } from '../graphql/pagination.js';
import { isKnownCountry, isKnownSector, isWilaya, SECTORS } from '../taxonomy/taxonomy.js';
import type { OrganizationFilter } from './organisation.inputs.js';

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
    innovation: d.innovation,
    capabilities: d.capabilities,
    processes: [...new Set(d.capabilities.map((c) => c.process))],
    purchasingCategories: d.purchasingCategories,
    services: d.services,
    programmes: d.programmes,
    financier: d.financier,
  };
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
  ) {}

  async get(id: string): Promise<OrganizationEntity> {
    const org = await this.db.getRepository(OrganizationEntity).findOneBy({ id: parseId(id) });
    if (!org) throw notFound('Organization', id);
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

  async create(input: unknown): Promise<OrganizationEntity> {
    const data = parseInput(createOrganizationSchema, input);
    const org = await this.db.transaction((m) => this.insert(m, data));
    await this.outbox.wake();
    return org;
  }

  async update(
    input: { id: string; expectedVersion?: number | null } & Record<string, unknown>,
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
      if (expectedVersion != null && expectedVersion !== current.version)
        throw new AppError('CONFLICT', `Organization ${id} changed since version ${expectedVersion}`, {
          currentVersion: current.version,
        });
      const contacts = await m.find(ContactPersonEntity, {
        where: { organizationId: id },
        order: { position: 'ASC' },
      });
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([k]) => k in changes && changes[k] !== undefined),
      );
      const merged = parseInput(createOrganizationSchema, { ...asInput(current, contacts), ...defined });
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
      await this.outbox.record(m, [{ entityType: 'organization', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return org;
  }

  /** Archiving takes the organisation and its opportunities out of search at the next drain. */
  async archive(rawId: string): Promise<OrganizationEntity> {
    const id = parseId(rawId);
    const org = await this.db.transaction(async (m) => {
      const current = await m.findOne(OrganizationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Organization', id);
      if (current.status === 'ARCHIVED') return current;
      current.status = 'ARCHIVED';
      current.archivedAt = new Date();
      const saved = await m.save(OrganizationEntity, current);
      await this.outbox.record(m, [{ entityType: 'organization', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return org;
  }

  async list(
    filter: OrganizationFilter | undefined,
    first = 20,
    after?: string | null,
  ): Promise<Page<OrganizationEntity>> {
    const qb = this.db.getRepository(OrganizationEntity).createQueryBuilder('o');
    const f = filter ?? {};
    if (!f.includeArchived) qb.andWhere(`o.status = 'ACTIVE'`);
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
    if (kinds) qb.andWhere('o.kind IN (:...kinds)', { kinds });
    const countries = known('countries', f.countries, isKnownCountry);
    if (countries) qb.andWhere('o.country IN (:...countries)', { countries });
    const regions = known('regionCodes', f.regionCodes, isWilaya);
    if (regions) qb.andWhere('o.region_code IN (:...regions)', { regions });
    const sectors = known('sectors', f.sectors, isKnownSector);
    if (sectors) {
      // A section letter stands for all of its divisions.
      const expanded = sectors.flatMap((s) => [
        s,
        ...SECTORS.filter((x) => x.parent === s).map((x) => x.code),
      ]);
      qb.andWhere('o.sectors && :sectors', { sectors: expanded });
    }
    const processes = bounded('processes', f.processes);
    if (processes) qb.andWhere('o.processes && :processes', { processes });
    const certs = bounded('certifications', f.certifications);
    if (certs) qb.andWhere('o.certifications @> :certs', { certs });
    return paginate(qb, first, after);
  }
}
