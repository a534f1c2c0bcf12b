import isicData from './data/isic-rev4-divisions.json' with { type: 'json' };
import wilayaData from './data/dz-wilayas.json' with { type: 'json' };
import arabLeagueData from './data/arab-league.json' with { type: 'json' };
import isoCountries from './data/iso-3166-1-alpha2.json' with { type: 'json' };
import type { Lang } from './codes.js';

export type Labels = { ar: string; fr: string; en: string };

export interface SectorEntry {
  code: string;
  level: 'section' | 'division';
  parent: string | null;
  label: Labels;
}

export interface RegionEntry {
  code: string;
  number: number;
  name: Labels;
  iso: boolean;
}

export interface CountryEntry {
  code: string;
  arabLeague: boolean;
  name: Labels;
}

export const SECTORS: readonly SectorEntry[] = isicData as SectorEntry[];
const sectorByCode = new Map(SECTORS.map((s) => [s.code, s]));

export const WILAYAS: readonly RegionEntry[] = wilayaData as RegionEntry[];
const wilayaByCode = new Map(WILAYAS.map((w) => [w.code, w]));

const arabLeague = new Map((arabLeagueData as { code: string; name: Labels }[]).map((c) => [c.code, c.name]));
const displayNames = {
  ar: new Intl.DisplayNames(['ar'], { type: 'region' }),
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

/** All ISO 3166-1 countries; the 22 Arab League members first, then the others by code. */
export const COUNTRIES: readonly CountryEntry[] = [...(isoCountries as string[])]
  .map((code) => ({
    code,
    arabLeague: arabLeague.has(code),
    name: arabLeague.get(code) ?? {
      ar: displayNames.ar.of(code) ?? code,
      fr: displayNames.fr.of(code) ?? code,
      en: displayNames.en.of(code) ?? code,
    },
  }))
  .sort((a, b) => Number(b.arabLeague) - Number(a.arabLeague) || a.code.localeCompare(b.code));
const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export const isKnownSector = (code: string): boolean => sectorByCode.has(code);
export const isKnownCountry = (code: string): boolean => countryByCode.has(code);
export const isWilaya = (code: string): boolean => wilayaByCode.has(code);
export const sector = (code: string): SectorEntry | undefined => sectorByCode.get(code);
export const country = (code: string): CountryEntry | undefined => countryByCode.get(code);
export const wilaya = (code: string): RegionEntry | undefined => wilayaByCode.get(code);

/** A sector code with its ancestors, most specific first: `25` gives `['25', 'C']`. */
export function sectorWithAncestors(code: string): string[] {
  const out: string[] = [];
  for (let s = sectorByCode.get(code); s; s = s.parent ? sectorByCode.get(s.parent) : undefined)
    out.push(s.code);
  return out;
}

/** The label in the wanted language, falling back to French, then English, then Arabic. */
export function pickLabel(labels: Partial<Labels> | null | undefined, lang: Lang): string {
  if (!labels) return '';
  return labels[lang] || labels.fr || labels.en || labels.ar || '';
}
