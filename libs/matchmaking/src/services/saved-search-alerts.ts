import { normaliseQuery, normaliseText } from '#search';
import { isRejection, scoreFinancing } from '../engine/combine.js';
import { engineCriteria, type CriteriaData } from '../criteria/criteria.schema.js';
import type { ProfileStore, Sql } from '../storage/profile.repository.js';

interface SavedSearchRow {
  id: string;
  organization_id: string;
  query: string | null;
  criteria: CriteriaData;
  min_score: number;
  created_at: Date;
  owner_country: string | null;
  owner_region_code: string | null;
}

type Text = { ar: string | null; fr: string | null; en: string | null } | null;

/** True when every word of the query starts a word of the text (both normalised like search). */
export function textMatches(query: string, text: string): boolean {
  const wanted = normaliseQuery(query).split(' ').filter(Boolean);
  if (!wanted.length) return true;
  const words = normaliseText(text).split(' ').filter(Boolean);
  return wanted.every((w) => words.some((t) => t.startsWith(w)));
}

/**
 * Saved searches of financiers, evaluated against a new or updated SME. A match adds one alert row
 * per saved search and profile version, so replaying a change adds nothing.
 */
export class SavedSearchAlerts {
  private searches?: Promise<SavedSearchRow[]>;

  constructor(
    private readonly db: Sql,
    private readonly store: ProfileStore,
    private readonly asOfYear = new Date().getUTCFullYear(),
  ) {}

  private load(): Promise<SavedSearchRow[]> {
    this.searches ??= this.db.query<SavedSearchRow[]>(
      `SELECT s.id, s.organization_id, s.query, s.criteria, s.min_score, s.created_at,
              o.country AS owner_country, o.region_code AS owner_region_code
       FROM saved_search s JOIN organization o ON o.id = s.organization_id
       WHERE s.alerts_enabled AND o.status = 'ACTIVE'`,
    );
    return this.searches;
  }

  /** Alert rows created for this organisation (0 when it is no active SME or matches nothing). */
  async evaluate(organizationId: string): Promise<number> {
    const searches = await this.load();
    if (!searches.length) return 0;
    const sme = await this.store.profile(organizationId);
    if (!sme || sme.kind !== 'SME') return 0;
    const [{ updated_at: updatedAt }] = await this.db.query<{ updated_at: Date }[]>(
      `SELECT updated_at FROM organization WHERE id = $1`,
      [organizationId],
    );
    let text: string | null = null;
    let created = 0;
    for (const s of searches) {
      // Only profiles created or changed since the search was saved: the search itself shows the rest.
      if (s.organization_id === organizationId || updatedAt <= s.created_at) continue;
      const criteria = engineCriteria(s.id, s.organization_id, s.criteria, {
        country: s.owner_country?.trim() ?? null,
        regionCode: s.owner_region_code,
      });
      const r = scoreFinancing(criteria, sme, { asOfYear: this.asOfYear });
      if (isRejection(r) || r.score < s.min_score) continue;
      if (s.query) {
        text ??= await this.textOf(organizationId);
        if (!textMatches(s.query, text)) continue;
      }
      const rows = await this.db.query<unknown[]>(
        `INSERT INTO saved_search_alert (saved_search_id, organization_id, organization_version, score, contributions)
         VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (saved_search_id, organization_id, organization_version) DO NOTHING RETURNING id`,
        [s.id, organizationId, sme.version, r.score, JSON.stringify(r.criteria)],
      );
      created += rows.length;
    }
    return created;
  }

  private async textOf(organizationId: string): Promise<string> {
    const [row] = await this.db.query<{ name: Text; description: Text; tags: string | null }[]>(
      `SELECT name, description,
              (SELECT string_agg(m, ' ') FROM jsonb_array_elements(capabilities) c,
                      jsonb_array_elements_text(c->'materials') m) AS tags
       FROM organization WHERE id = $1`,
      [organizationId],
    );
    const t = (x: Text) => (x ? [x.ar, x.fr, x.en].filter(Boolean).join(' ') : '');
    return row ? `${t(row.name)} ${t(row.description)} ${row.tags ?? ''}` : '';
  }
}
