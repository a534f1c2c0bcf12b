import { criteria, request, sme } from '../engine/fixtures.js';
import { isRejection, rankRequestsForSupplier, scoreFinancing } from '../engine/combine.js';
import type { MatchResult } from '../engine/types.js';
import { reasonsOf } from './suggestion-query.service.js';
import type { StoredContribution } from './suggestion-computer.js';

const stored = (r: MatchResult): StoredContribution[] =>
  r.criteria.map((c) => ({
    criterion: c.criterion,
    direction: c.direction,
    weight: c.weight,
    score: c.score,
    contribution: c.contribution,
    applicable: c.applicable,
    evidence: c.evidence,
  }));

/** An Algerian bank's public terms, open to Moroccan SMEs. */
const bank = criteria({ country: 'DZ', regionCode: 'DZ-16', countries: [], minAgeYears: null });
const moroccanSme = sme('sme-ma', { country: 'MA', regionCode: null });

describe('reasons of a stored suggestion', () => {
  it("names the financier's country to the SME, and the SME's to the financier", () => {
    const r = scoreFinancing(bank, moroccanSme, { asOfYear: 2026 });
    if (isRejection(r)) throw new Error(`rejected: ${JSON.stringify(r.failed)}`);
    const place = (role: 'FINANCIER' | 'CANDIDATE', lang: 'ar' | 'fr' | 'en') =>
      reasonsOf(stored(r), lang, role).find((x) => x.criterion === 'distance')?.text;
    expect(place('FINANCIER', 'fr')).toBe('Situé dans un autre pays arabe (Algérie)');
    expect(place('FINANCIER', 'en')).toBe('Located in another Arab country (Algeria)');
    expect(place('FINANCIER', 'ar')).toBe('يقع في بلد عربي آخر (الجزائر)');
    expect(place('CANDIDATE', 'fr')).toBe('Situé dans un autre pays arabe (Maroc)');
  });

  it("names the buyer's country to a supplier seeing a request, outside the Arab region too", () => {
    const [r] = rankRequestsForSupplier(sme('supplier-fr', { country: 'FR', regionCode: null }), [
      request({ country: 'DZ' }),
    ]).results;
    const text = reasonsOf(stored(r), 'en', 'REQUEST').find((x) => x.criterion === 'distance')?.text;
    expect(text).toBe('Located outside the Arab region (Algeria)');
  });

  it('shows no reason that only says data is missing', () => {
    const silent = sme('sme-silent', {
      country: 'MA',
      regionCode: null,
      stage: null,
      foundedYear: null,
      financingNeed: null,
      languages: [],
    });
    const r = scoreFinancing(bank, silent, { asOfYear: 2026 });
    if (isRejection(r)) throw new Error(`rejected: ${JSON.stringify(r.failed)}`);
    // The engine still records what it could not read.
    expect(r.criteria.map((c) => c.evidence.code)).toEqual(
      expect.arrayContaining(['stage.unknown', 'ticket.unknown']),
    );
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const reasons = reasonsOf(stored(r), lang, 'FINANCIER');
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.map((x) => x.code)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/\.unknown$/)]),
      );
      for (const x of reasons) expect(x.text).not.toMatch(/non renseign|not stated|غير محدد/);
    }
  });
});
