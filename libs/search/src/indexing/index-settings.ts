import type { Settings } from 'meilisearch';
import { normalisedSynonyms } from '../text/index.js';

const common: Settings = {
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 5000 },
  faceting: { maxValuesPerFacet: 200 },
  localizedAttributes: [
    { attributePatterns: ['*_ar'], locales: ['ara'] },
    { attributePatterns: ['*_fr'], locales: ['fra'] },
    { attributePatterns: ['*_en'], locales: ['eng'] },
  ],
};

export const ORGANIZATION_FACETS = [
  'kind',
  'subtype',
  'country',
  'region_code',
  'sectors',
  'processes',
  'process_families',
  'certifications',
  'employee_band',
  'languages',
  'instruments',
  'stages',
  'target_sectors',
  'target_countries',
  'rd_activity',
] as const;

export function organizationSettings(): Settings {
  return {
    ...common,
    // text_norm carries the normalised, lightly stemmed words; the raw fields give highlights and exact hits.
    searchableAttributes: [
      'text_norm',
      'name_ar',
      'name_fr',
      'name_en',
      'tags',
      'city',
      'region',
      'description_ar',
      'description_fr',
      'description_en',
    ],
    filterableAttributes: [
      ...ORGANIZATION_FACETS,
      'founded_year',
      'ip_assets',
      'ticket_min',
      'ticket_max',
      'ticket_currency',
    ],
    sortableAttributes: ['sort_name', 'founded_year', 'created_at', 'updated_at', 'ip_assets'],
    displayedAttributes: ['*'],
    synonyms: normalisedSynonyms(),
  };
}

export const OPPORTUNITY_FACETS = [
  'type',
  'status',
  'organization_kind',
  'country',
  'region_code',
  'sectors',
  'processes',
  'process_families',
  'countries',
  'currency',
] as const;

export function opportunitySettings(): Settings {
  return {
    ...common,
    searchableAttributes: [
      'text_norm',
      'title_ar',
      'title_fr',
      'title_en',
      'organization_name',
      'description_ar',
      'description_fr',
      'description_en',
    ],
    filterableAttributes: [...OPPORTUNITY_FACETS, 'organization_id', 'amount', 'deadline', 'expires_at'],
    sortableAttributes: ['created_at', 'deadline', 'amount', 'expires_at'],
    synonyms: normalisedSynonyms(),
  };
}
