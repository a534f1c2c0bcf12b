import { normaliseQuery, normaliseText } from '#search';
import { isRejection, scoreFinancing } from '../engine/combine.js';
import { engineCriteria } from '../criteria/criteria.schema.js';
import { directoryProfiles } from '#directory';
import type { ProfileStore, Sql } from '../storage/profile.repository.js';
import { SavedSearchRepository, type AlertingSearch } from '../storage/saved-search.repository.js';

/** A saved search with alerts on, of an active financier, placed where that financier is. */
type SavedSearchRow = AlertingSearch & { ownerCountry: string | null; ownerRegionCode: string | null };

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
  private readonly repository = new SavedSearchRepository();

  constructor(
    private readonly db: Sql,
    private readonly store: ProfileStore,
    private readonly asOfYear = new Date().getUTCFullYear(),
  ) {}

  private load(): Promise<SavedSearchRow[]> {
    this.searches ??= this.activeSearches();
    return this.searches;
  }

  /** Saved searches with alerts on whose financier is active. */
  private async activeSearches(): Promise<SavedSearchRow[]> {
    const searches = await this.repository.alerting(this.db);
    if (!searches.length) return [];
    const owners = await directoryProfiles.places(
      this.db,
      searches.map((s) => s.organizationId),
    );
    return searches.flatMap((s) => {
      const o = owners.get(s.organizationId);
      return o?.status === 'ACTIVE' ? [{ ...s, ownerCountry: o.country, ownerRegionCode: o.regionCode }] : [];
    });
  }

  /** Alert rows created for this organisation (0 when it is no active SME or matches nothing). */
  async evaluate(organizationId: string): Promise<number> {
    const searches = await this.load();
    if (!searches.length) return 0;
    const sme = await this.store.profile(organizationId);
    if (!sme || sme.kind !== 'SME') return 0;
    const { updatedAt } = (await directoryProfiles.places(this.db, [organizationId])).get(organizationId)!;
    let text: string | null = null;
    let created = 0;
    for (const s of searches) {
      // Only profiles created or changed since the search was saved: the search itself shows the rest.
      if (s.organizationId === organizationId || updatedAt <= s.createdAt) continue;
      const criteria = engineCriteria(s.id, s.organizationId, s.criteria, {
        country: s.ownerCountry?.trim() ?? null,
        regionCode: s.ownerRegionCode,
      });
      const r = scoreFinancing(criteria, sme, { asOfYear: this.asOfYear });
      if (isRejection(r) || r.score < s.minScore) continue;
      if (s.query) {
        text ??= await this.textOf(organizationId);
        if (!textMatches(s.query, text)) continue;
      }
      created += await this.repository.addAlert(this.db, {
        savedSearchId: s.id,
        organizationId,
        organizationVersion: sme.version,
        score: r.score,
        contributions: r.criteria,
      });
    }
    return created;
  }

  private async textOf(organizationId: string): Promise<string> {
    const row = await directoryProfiles.profileText(this.db, organizationId);
    const t = (x: Text) => (x ? [x.ar, x.fr, x.en].filter(Boolean).join(' ') : '');
    return row ? `${t(row.name)} ${t(row.description)} ${row.tags ?? ''}` : '';
  }
}
