import {
  PROCESS_FAMILY,
  sectorWithAncestors,
  type OpportunityEntity,
  type OrganizationEntity,
  type ProcessCode,
  type TextByLang,
} from '#directory';
import { normaliseText } from '../text/index.js';

/** What Meilisearch holds for an organisation: public fields only, never contact persons. */
export interface OrganizationDocument {
  id: string;
  kind: string;
  subtype: string | null;
  name_ar: string | null;
  name_fr: string | null;
  name_en: string | null;
  description_ar: string | null;
  description_fr: string | null;
  description_en: string | null;
  tags: string[];
  text_norm: string;
  country: string;
  region_code: string | null;
  region: string | null;
  city: string | null;
  sectors: string[];
  processes: string[];
  process_families: string[];
  materials: string[];
  certifications: string[];
  employee_band: string | null;
  founded_year: number | null;
  languages: string[];
  rd_activity: boolean;
  ip_assets: number;
  instruments: string[];
  ticket_min: number | null;
  ticket_max: number | null;
  ticket_currency: string | null;
  target_sectors: string[];
  target_countries: string[];
  stages: string[];
  sort_name: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface OpportunityDocument {
  id: string;
  organization_id: string;
  organization_kind: string;
  organization_name: string;
  type: string;
  status: string;
  title_ar: string | null;
  title_fr: string | null;
  title_en: string | null;
  description_ar: string | null;
  description_fr: string | null;
  description_en: string | null;
  text_norm: string;
  country: string;
  region_code: string | null;
  sectors: string[];
  processes: string[];
  process_families: string[];
  countries: string[];
  amount: number | null;
  currency: string | null;
  quantity: number | null;
  deadline: number | null;
  expires_at: number | null;
  created_at: number;
  version: number;
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const texts = (t: TextByLang | null | undefined): string[] =>
  t ? [t.ar, t.fr, t.en].filter((s): s is string => !!s) : [];
const allSectors = (codes: string[]): string[] => uniq(codes.flatMap(sectorWithAncestors));
const families = (processes: string[]): string[] =>
  uniq(processes.map((p) => PROCESS_FAMILY[p as ProcessCode]).filter(Boolean));
const seconds = (d: Date | string | null): number | null =>
  d == null ? null : Math.floor(new Date(d).getTime() / 1000);

export function organizationDocument(o: OrganizationEntity): OrganizationDocument {
  const processes = uniq(o.capabilities.map((c) => c.process));
  const materials = uniq(o.capabilities.flatMap((c) => c.materials));
  const machines = uniq(o.capabilities.flatMap((c) => c.machines));
  const programmeNames = o.programmes.flatMap((p) => texts(p.name));
  const tags = uniq([...materials, ...machines, ...o.purchasingCategories, ...o.services, ...programmeNames]);
  const innovation = o.innovation;
  return {
    id: o.id,
    kind: o.kind,
    subtype: o.subtype,
    name_ar: o.name.ar,
    name_fr: o.name.fr,
    name_en: o.name.en,
    description_ar: o.description.ar,
    description_fr: o.description.fr,
    description_en: o.description.en,
    tags,
    text_norm: normaliseText(
      [...texts(o.name), ...texts(o.description), ...tags, o.city ?? '', o.region ?? ''].join(' \n '),
    ),
    country: o.country,
    region_code: o.regionCode,
    region: o.region,
    city: o.city,
    sectors: allSectors(o.sectors),
    processes,
    process_families: families(processes),
    materials,
    certifications: o.certifications,
    employee_band: o.employeeBand,
    founded_year: o.foundedYear,
    languages: o.languages,
    rd_activity: innovation.rdActivity,
    ip_assets:
      innovation.patents + innovation.utilityModels + innovation.trademarks + innovation.industrialDesigns,
    instruments: o.financier?.instruments ?? [],
    ticket_min: o.financier?.ticketMin ?? null,
    ticket_max: o.financier?.ticketMax ?? null,
    ticket_currency: o.financier?.currency ?? null,
    target_sectors: allSectors(o.financier?.targetSectors ?? []),
    target_countries: o.financier?.targetCountries ?? [],
    stages: o.financier?.stages ?? [],
    sort_name: (o.name.fr ?? o.name.en ?? o.name.ar ?? '').toLocaleLowerCase('fr'),
    created_at: seconds(o.createdAt) ?? 0,
    updated_at: seconds(o.updatedAt) ?? 0,
    version: o.version,
  };
}

export function opportunityDocument(p: OpportunityEntity, org: OrganizationEntity): OpportunityDocument {
  return {
    id: p.id,
    organization_id: org.id,
    organization_kind: org.kind,
    organization_name: org.name.fr ?? org.name.en ?? org.name.ar ?? '',
    type: p.type,
    status: p.status,
    title_ar: p.title.ar,
    title_fr: p.title.fr,
    title_en: p.title.en,
    description_ar: p.description.ar,
    description_fr: p.description.fr,
    description_en: p.description.en,
    text_norm: normaliseText([...texts(p.title), ...texts(p.description), ...texts(org.name)].join(' \n ')),
    country: org.country,
    region_code: org.regionCode,
    sectors: allSectors(p.sectors),
    processes: p.processes,
    process_families: families(p.processes),
    countries: p.countries,
    amount: p.amount,
    currency: p.currency,
    quantity: p.quantity,
    deadline: seconds(p.deadline),
    expires_at: seconds(p.expiresAt),
    created_at: seconds(p.createdAt) ?? 0,
    version: p.version,
  };
}
