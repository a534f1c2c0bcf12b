import type { z } from 'zod';
import type { createOrganizationSchema } from '../organisation/organisation.schema.js';
import type { createOpportunitySchema } from '../opportunity/opportunity.schema.js';
import type { EmployeeBand, Lang, OrganizationKind } from '../taxonomy/codes.js';
import { country as countryEntry, wilaya as wilayaEntry } from '../taxonomy/taxonomy.js';
import {
  ALGERIA,
  BERBER_WILAYAS,
  DZ_AREA_CODES,
  DZ_COMMUNES,
  DZ_MOBILE_PREFIXES,
  DZ_OTHER_AREA_CODES,
  FOREIGN_COUNTRIES,
  WILAYA_WEIGHTS,
  type CountryProfile,
  type SpokenLanguage,
} from './places.js';
import { NAME_POOLS, ROLES, type Word } from './people.js';
import { WeightedTable, type Rng } from './random.js';
import { slugify, type Tri } from './text.js';

/** What the generator produces: the input types of the validation schemas, as an importer receives them. */
export type OrganizationInput = z.input<typeof createOrganizationSchema>;
export type OpportunityInput = z.input<typeof createOpportunitySchema>;
export type ContactInput = NonNullable<OrganizationInput['contacts']>[number];

/** Everything a record's parts share: its random stream, kind, place and languages. */
export interface Ctx {
  rng: Rng;
  kind: OrganizationKind;
  country: CountryProfile;
  /** DZ-NN for Algeria, null elsewhere. */
  regionCode: string | null;
  /** Wilaya (Algeria) or the city's region, in three languages, for "Direction … de la wilaya de Sétif". */
  province: Tri;
  city: Tri;
  cityField: string;
  regionField: string | null;
  phonePattern: string;
  /** Languages the record's texts are written in. */
  langs: Lang[];
  /** Language of free-text tags, roles and units: French where it is a working language, else English. */
  tagLang: 'fr' | 'en';
}

const wilayaTable = new WeightedTable(WILAYA_WEIGHTS);
/** Large plants sit in the industrial wilayas, not in the small Saharan ones. */
const industrialWilayaTable = new WeightedTable(WILAYA_WEIGHTS.filter(([, w]) => w >= 1));
const foreignTable = new WeightedTable(FOREIGN_COUNTRIES.map((c) => [c, c.weight] as const));
const arabForeignTable = new WeightedTable(
  FOREIGN_COUNTRIES.filter((c) => c.arab).map((c) => [c, c.weight] as const),
);

/** Share of records in Algeria: the forum is in Algiers. Public bodies are more often local. */
const ALGERIA_SHARE: Record<OrganizationKind, number> = {
  SME: 0.55,
  LARGE_FIRM: 0.52,
  SUPPORT_INSTITUTION: 0.58,
  FINANCIER: 0.52,
  PUBLIC_BODY: 0.65,
};

export function locate(rng: Rng, kind: OrganizationKind): Omit<Ctx, 'rng' | 'kind' | 'langs' | 'tagLang'> {
  if (rng.chance(ALGERIA_SHARE[kind])) {
    const code = (kind === 'LARGE_FIRM' ? industrialWilayaTable : wilayaTable).draw(rng);
    const w = wilayaEntry(code);
    if (!w) throw new Error(`unknown wilaya ${code}`);
    const communes = DZ_COMMUNES[code];
    const city = communes ? rng.pick(communes) : w.name;
    const mobile = rng.chance(0.3);
    const area = rng.pick(DZ_AREA_CODES[code] ?? DZ_OTHER_AREA_CODES);
    return {
      country: ALGERIA,
      regionCode: code,
      province: w.name,
      city,
      cityField: city.fr,
      regionField: null,
      phonePattern: mobile ? `+213 ${rng.pick(DZ_MOBILE_PREFIXES)} ## ## ##` : `+213 ${area} ## ## ##`,
    };
  }
  // Ministries and regional directorates of non-Arab countries are not forum participants.
  const country = (kind === 'PUBLIC_BODY' ? arabForeignTable : foreignTable).draw(rng);
  const c = rng.pick(country.cities);
  return {
    country,
    regionCode: null,
    province: c.name,
    city: c.name,
    cityField: country.francophone ? c.name.fr : c.name.en,
    regionField: c.region,
    phonePattern: c.phone,
  };
}

/**
 * Most records are trilingual; about 15% carry partial content: Arabic and French, or French
 * only, where French is a working language; Arabic and English, or Arabic only, in the other
 * Arab countries; French and English, or English only, elsewhere.
 */
export function contentLanguages(rng: Rng, country: CountryProfile): Lang[] {
  const r = rng.next();
  if (r < 0.85) return ['ar', 'fr', 'en'];
  if (country.francophone) return r < 0.93 ? ['ar', 'fr'] : ['fr'];
  if (country.arab) return r < 0.93 ? ['ar', 'en'] : ['ar'];
  return r < 0.93 ? ['fr', 'en'] : ['en'];
}

export function spokenLanguages(
  rng: Rng,
  ctx: Pick<Ctx, 'country' | 'regionCode' | 'regionField'>,
  kind: OrganizationKind,
): SpokenLanguage[] {
  const out: SpokenLanguage[] = [...ctx.country.spoken];
  const international = kind !== 'SME' || rng.chance(0.5);
  if (!out.includes('en') && international) out.push('en');
  if (ctx.country.code === 'DZ' && ctx.regionCode && BERBER_WILAYAS.has(ctx.regionCode) && rng.chance(0.6))
    out.push('ber');
  if (ctx.country.code === 'MA' && rng.chance(0.12)) out.push('ber');
  if (ctx.country.code === 'MA' && ctx.regionField?.startsWith('Tanger') && rng.chance(0.4)) out.push('es');
  if (!ctx.country.arab && rng.chance(0.3)) out.push('ar');
  if (['IT', 'TR', 'DE'].includes(ctx.country.code) && rng.chance(0.25)) out.push('fr');
  if (ctx.country.arab && !out.includes('fr') && rng.chance(0.1)) out.push('fr');
  return out;
}

/** Fills '#' with random digits: "+213 36 ## ## ##" gives "+213 36 51 07 92". */
export function phoneNumber(rng: Rng, pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch === '#' ? String(rng.int(0, 9)) : ch;
  return out;
}

export function countryName(code: string): Tri {
  const c = countryEntry(code);
  if (!c) throw new Error(`unknown country ${code}`);
  return c.name;
}

/** A founder's family name from the record's naming tradition. */
export function familyName(ctx: Ctx): Word {
  return ctx.rng.pick(NAME_POOLS[ctx.country.names].family);
}

/** Employee band by kind: SMEs follow the micro/small/medium split, large firms start at 250. */
export function employeeBand(rng: Rng, kind: OrganizationKind): EmployeeBand {
  switch (kind) {
    case 'SME':
      return rng.weighted([
        ['1-9', 0.3],
        ['10-49', 0.45],
        ['50-249', 0.25],
      ]);
    case 'LARGE_FIRM':
      return rng.weighted([
        ['250-999', 0.6],
        ['1000+', 0.4],
      ]);
    case 'SUPPORT_INSTITUTION':
      return rng.weighted([
        ['1-9', 0.35],
        ['10-49', 0.5],
        ['50-249', 0.15],
      ]);
    case 'FINANCIER':
      return rng.weighted([
        ['10-49', 0.3],
        ['50-249', 0.3],
        ['250-999', 0.2],
        ['1000+', 0.2],
      ]);
    case 'PUBLIC_BODY':
      return rng.weighted([
        ['10-49', 0.35],
        ['50-249', 0.4],
        ['250-999', 0.15],
        ['1000+', 0.1],
      ]);
  }
}

/** Founding year between `from` and `to` (at most 2025). */
export function foundedYear(rng: Rng, from: number, to = 2025, skew = 0.7): number {
  // A power below 1 leans toward recent years (most organisations alive today are young);
  // above 1 toward older ones (large groups).
  const u = rng.next() ** skew;
  return Math.min(to, from + Math.floor(u * (to - from + 1)));
}

/** https://www.<slug>.<tld>, the host also used for contact e-mails. */
export function website(rng: Rng, ctx: Ctx, slug: string, gov = false): string {
  const tld = gov ? ctx.country.govTld : rng.chance(0.25) ? 'com' : ctx.country.tld;
  return `https://www.${slug}.${tld}`;
}

const emailLocal = (rng: Rng, first: string, last: string): string => {
  const f = slugify(first).replace(/-/g, '');
  const l = slugify(last).replace(/-/g, '');
  return rng.weighted([
    [`${f}.${l}`, 0.55],
    [`${f[0]}.${l}`, 0.3],
    [`${f}`, 0.15],
  ]);
};

/** One or two contact persons with a role fitting the kind, an e-mail at the organisation's domain and a phone. */
export function contacts(ctx: Ctx, host: string | null): ContactInput[] {
  const { rng } = ctx;
  const pool = NAME_POOLS[ctx.country.names];
  const n = rng.chance(0.45) ? 2 : 1;
  const roles = rng.sample(ROLES[ctx.kind], n);
  const out: ContactInput[] = [];
  for (const role of roles) {
    const female = rng.chance(0.38);
    const first = rng.pick(female ? pool.female : pool.male);
    const last = rng.pick(pool.family).lat;
    const name = ctx.country.names === 'CN' ? `${last} ${first}` : `${first} ${last}`;
    const local = emailLocal(rng, first, last);
    const email = host ? `${local}@${host}` : `${local}${rng.int(1, 99)}@gmail.com`;
    out.push({
      name,
      role: ctx.tagLang === 'fr' ? (female ? role.frF : role.frM) : role.en,
      email,
      phone: phoneNumber(rng, ctx.phonePattern),
    });
  }
  return out;
}

/** The host part of a website URL. */
export function hostOf(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, '');
}

/** Free-text tag in the record's tag language. */
export function tag(ctx: Ctx, t: { fr: string; en: string }): string {
  return ctx.tagLang === 'fr' ? t.fr : t.en;
}
