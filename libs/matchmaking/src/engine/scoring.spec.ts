import { LANGS } from '#directory/taxonomy';
import { generateEvaluationSet } from '../evaluation/generator.js';
import { subcontractingScores, financingScores } from './combine.js';
import { canonicalMaterial } from './materials.js';
import { isShownReason, REASON_CODES, renderReason } from './reasons.js';
import {
  capacityScore,
  certificationsScore,
  distanceScore,
  feedbackScore,
  focusScore,
  innovationScore,
  instrumentScore,
  languagesScore,
  materialsScore,
  processScore,
  sectorScore,
  financingStageScore,
  sizeFitScore,
  stageScore,
  stagesForAge,
  targetSectorScore,
  ticketScore,
} from './scoring.js';

describe('scoring functions', () => {
  it('gives full credit for the same process and partial credit within its family', () => {
    const exact = processScore(['CNC_MACHINING'], ['CNC_MACHINING', 'WELDING']);
    expect(exact.score).toBe(1);
    expect(exact.evidence).toEqual({
      code: 'process.exact',
      params: { exact: ['CNC_MACHINING'], relatedWanted: [], relatedOffered: [], missing: [] },
    });
    const sibling = processScore(['CNC_MACHINING'], ['MACHINING']);
    expect(sibling.score).toBe(0.5);
    expect(sibling.evidence.code).toBe('process.partial');
    expect(sibling.evidence.params.relatedOffered).toEqual(['MACHINING']);
    const mixed = processScore(['CNC_MACHINING', 'PACKAGING'], ['CNC_MACHINING']);
    expect(mixed.score).toBe(0.5);
    expect(mixed.evidence.params.missing).toEqual(['PACKAGING']);
    const none = processScore(['FOOD_PROCESSING'], ['WELDING']);
    expect(none.score).toBe(0);
    expect(none.evidence.code).toBe('process.none');
    expect(processScore([], ['WELDING']).applicable).toBe(false);
  });

  it('gives full credit for the same ISIC division and partial credit within the section', () => {
    expect(sectorScore(['25'], ['25']).score).toBe(1);
    const section = sectorScore(['25'], ['28']);
    expect(section.score).toBe(0.5);
    expect(section.evidence).toMatchObject({
      code: 'sector.partial',
      params: { sameSection: ['25'], sections: ['C'] },
    });
    expect(sectorScore(['25'], ['62']).score).toBe(0);
    expect(sectorScore(['25'], ['62']).evidence.code).toBe('sector.none');
    // A wanted section accepts any of its divisions.
    expect(sectorScore(['C'], ['10']).score).toBe(1);
    expect(sectorScore([], ['10']).applicable).toBe(false);
  });

  it('matches materials across Arabic, French and English', () => {
    expect(canonicalMaterial('Acier')).toBe('STEEL');
    expect(canonicalMaterial('فولاذ')).toBe('STEEL');
    expect(canonicalMaterial('الفولاذ')).toBe('STEEL');
    const s = materialsScore(['steel', 'aluminium'], ['acier', 'cuivre']);
    expect(s.score).toBe(0.5);
    expect(s.evidence).toEqual({
      code: 'materials.match',
      params: { matched: ['STEEL'], missing: ['ALUMINIUM'] },
    });
    expect(materialsScore(['wood'], ['acier']).score).toBe(0);
    expect(materialsScore(['wood'], []).evidence.code).toBe('materials.unknown');
  });

  it('scores capacity against volume and the order size against capacity', () => {
    expect(capacityScore(1000, 1500)).toMatchObject({ score: 1, evidence: { code: 'capacity.enough' } });
    expect(capacityScore(1000, 400)).toMatchObject({
      score: 0.4,
      evidence: { code: 'capacity.short', params: { percent: 40 } },
    });
    expect(capacityScore(1000, null).evidence.code).toBe('capacity.unknown');
    expect(capacityScore(null, 1000).applicable).toBe(false);
    expect(sizeFitScore(1000, 5000)).toMatchObject({
      score: 1,
      evidence: { code: 'size.fit', params: { percent: 20 } },
    });
    // An order of nearly ten times the monthly capacity: full marks for size, but no praise.
    const huge = sizeFitScore(9830, 1000);
    expect(huge).toMatchObject({ score: 1, evidence: { code: 'size.exceeds', params: { percent: 983 } } });
    expect(isShownReason(huge.evidence)).toBe(false);
    expect(isShownReason(sizeFitScore(1000, 1000).evidence)).toBe(true);
    expect(sizeFitScore(1000, 1000).evidence.code).toBe('size.fit');
    const small = sizeFitScore(500, 100_000);
    const tiny = sizeFitScore(1, 1_000_000);
    expect(small.evidence.code).toBe('size.small');
    expect(small.score).toBeLessThan(1);
    expect(tiny.score).toBeLessThan(small.score);
    expect(tiny.score).toBeGreaterThanOrEqual(0.1);
  });

  it('ranks distance bands: same wilaya, same country, Arab region, elsewhere', () => {
    const from = { country: 'DZ', regionCode: 'DZ-16' };
    const bands = [
      distanceScore(from, { country: 'DZ', regionCode: 'DZ-16' }),
      distanceScore(from, { country: 'DZ', regionCode: 'DZ-31' }),
      distanceScore(from, { country: 'TN' }),
      distanceScore(from, { country: 'FR' }),
    ];
    expect(bands.map((b) => b.evidence.code)).toEqual([
      'distance.same_region',
      'distance.same_country',
      'distance.arab_region',
      'distance.far',
    ]);
    for (let i = 1; i < bands.length; i++) expect(bands[i].score).toBeLessThan(bands[i - 1].score);
  });

  it('scores languages, certifications and feedback', () => {
    expect(languagesScore(['fr', 'en'], ['fr'])).toMatchObject({
      evidence: { code: 'language.shared', params: { languages: ['fr'] } },
    });
    expect(languagesScore(['fr', 'en'], ['fr', 'en']).score).toBeGreaterThan(
      languagesScore(['fr', 'en'], ['fr']).score,
    );
    expect(languagesScore(['de'], ['ar']).score).toBe(0);
    expect(certificationsScore(['ISO_9001', 'HACCP'], ['ISO_9001'])).toMatchObject({
      score: 0.5,
      evidence: { code: 'certification.partial', params: { held: ['ISO_9001'], missing: ['HACCP'] } },
    });
    expect(feedbackScore(null)).toMatchObject({ score: 0.5, evidence: { code: 'feedback.none' } });
    const good = feedbackScore({ accepted: 8, dismissed: 1, notRelevant: 0 });
    const bad = feedbackScore({ accepted: 0, dismissed: 3, notRelevant: 2 });
    expect(good.evidence.code).toBe('feedback.positive');
    expect(bad.evidence.code).toBe('feedback.negative');
    expect(good.score).toBeGreaterThan(0.5);
    expect(bad.score).toBeLessThan(0.5);
  });

  it('never lets one organisation’s verdict lower a candidate for everyone', () => {
    // Dismissals ("not now") are personal: any number of them leaves others' lists as they were.
    expect(feedbackScore({ accepted: 0, dismissed: 9, notRelevant: 0 })).toMatchObject({
      score: 0.5,
      evidence: { code: 'feedback.none' },
    });
    // One "not relevant" is one firm's view; two firms agreeing lower the candidate.
    expect(feedbackScore({ accepted: 0, dismissed: 0, notRelevant: 1 }).score).toBe(0.5);
    expect(feedbackScore({ accepted: 0, dismissed: 0, notRelevant: 2 }).score).toBeLessThan(0.5);
    expect(feedbackScore({ accepted: 3, dismissed: 5, notRelevant: 1 }).score).toBe(
      feedbackScore({ accepted: 3, dismissed: 0, notRelevant: 0 }).score,
    );
  });

  it('scores the focus of a request on the supplier core business', () => {
    const core = focusScore(['CNC_MACHINING'], ['25'], ['CNC_MACHINING', 'WELDING'], ['25']);
    const side = focusScore(['CNC_MACHINING'], ['25'], ['PACKAGING', 'PRINTING', 'CNC_MACHINING'], ['17']);
    expect(core.evidence.code).toBe('focus.core');
    expect(side.evidence.code).toBe('focus.side');
    expect(side.score).toBeLessThan(core.score);
  });

  it('scores financing criteria: stage, ticket, instruments, innovation', () => {
    expect(stageScore(['GROWTH'], 'GROWTH').score).toBe(1);
    expect(stageScore(['GROWTH'], 'STARTUP').score).toBeGreaterThan(stageScore(['GROWTH'], 'IDEA').score);
    const range = { ticketMin: 100_000, ticketMax: 1_000_000, currency: 'EUR' };
    expect(ticketScore({ amount: 200_000, currency: 'EUR' }, range).evidence.code).toBe('ticket.in_range');
    expect(ticketScore({ amount: 5_000_000, currency: 'EUR' }, range)).toMatchObject({
      evidence: { code: 'ticket.above' },
    });
    expect(ticketScore({ amount: 5_000_000, currency: 'EUR' }, range).score).toBeLessThan(1);
    // 30 million dinars is about 200,000 euros: inside the range once converted.
    expect(ticketScore({ amount: 30_000_000, currency: 'DZD' }, range).evidence.code).toBe('ticket.in_range');
    expect(instrumentScore(['MURABAHA'], ['LOAN', 'MURABAHA']).score).toBe(1);
    expect(instrumentScore(['MURABAHA'], ['LOAN']).score).toBe(0);
    const none = { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 };
    const strong = innovationScore(
      { wanted: true, minPatents: 1 },
      { ...none, rdActivity: true, patents: 2 },
    );
    expect(strong.evidence.code).toBe('innovation.strong');
    expect(innovationScore({ wanted: true }, none).score).toBe(0);
    expect(innovationScore(null, none).applicable).toBe(false);
  });

  it("credits a financier's target sectors as alternatives: a firm of any one of them fits", () => {
    // Three sectors targeted: a metalworking firm is of one of them, not short of the other two.
    expect(targetSectorScore(['10', '25', '28'], ['25'])).toMatchObject({
      score: 1,
      evidence: { code: 'sector.exact', params: { exact: ['25'] } },
    });
    // A neighbouring division of a targeted one's section: partial, well below a targeted one.
    expect(targetSectorScore(['10', '25', '28'], ['13'])).toMatchObject({
      score: 0.5,
      evidence: { code: 'sector.partial', params: { sections: ['C'] } },
    });
    expect(targetSectorScore(['10', '25'], ['62'])).toMatchObject({
      score: 0,
      evidence: { code: 'sector.none' },
    });
    expect(targetSectorScore(['C'], ['14']).score).toBe(1);
    expect(targetSectorScore([], ['14']).applicable).toBe(false);
    expect(targetSectorScore(['25'], []).evidence.code).toBe('sector.unknown');
    // The share-covered score it replaces for financing put the right sector at 0.67 against 0.5.
    expect(sectorScore(['10', '25', '28'], ['25']).score).toBeCloseTo(2 / 3);
  });

  it("reads a financed firm's stage from its age when it states none", () => {
    expect(stagesForAge(0)).toEqual(['IDEA', 'STARTUP']);
    expect(stagesForAge(3)).toEqual(['STARTUP', 'GROWTH']);
    expect(stagesForAge(12)).toEqual(['GROWTH', 'MATURE']);
    const young = { stage: null, foundedYear: 2025 };
    const old = { stage: null, foundedYear: 2001 };
    const likely = financingStageScore(['IDEA', 'STARTUP'], young, 2026);
    expect(likely).toMatchObject({ evidence: { code: 'stage.likely', params: { age: 1 } } });
    // Read from the age: above not knowing, below a stated stage.
    expect(likely.score).toBeGreaterThan(stageScore(['STARTUP'], null).score);
    expect(likely.score).toBeLessThan(stageScore(['STARTUP'], 'STARTUP').score);
    const unlikely = financingStageScore(['IDEA', 'STARTUP'], old, 2026);
    expect(unlikely.evidence.code).toBe('stage.unlikely');
    expect(unlikely.score).toBeLessThan(stageScore(['STARTUP'], null).score);
    // A stated stage wins over the age; no founding year leaves it unknown.
    expect(financingStageScore(['GROWTH'], { stage: 'GROWTH', foundedYear: 2025 }, 2026).score).toBe(1);
    expect(financingStageScore(['GROWTH'], { stage: null, foundedYear: null }, 2026).evidence.code).toBe(
      'stage.unknown',
    );
    for (const lang of LANGS) {
      expect(renderReason(likely.evidence, lang)).not.toBe('stage.likely');
      expect(renderReason(unlikely.evidence, lang)).not.toBe('stage.unlikely');
    }
    expect(renderReason(likely.evidence, 'en')).toBe(
      'Founded 1 year ago, probably at the stage sought (idea and start-up)',
    );
  });

  it('treats an instrument or an innovation not stated as such, not as a match', () => {
    // A firm naming no instrument is neutral, not judged on its ticket alone.
    expect(instrumentScore([], ['LOAN'])).toMatchObject({ score: 0.5, applicable: true });
    expect(instrumentScore([], []).applicable).toBe(false);
    const none = { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 };
    const open = { wanted: true, minPatents: 0 };
    // Without a patent threshold, a firm with neither R&D nor IP shows no innovation.
    expect(innovationScore(open, none).score).toBe(0);
    const rd = innovationScore(open, { ...none, rdActivity: true }).score;
    const ip = innovationScore(open, { ...none, patents: 1 }).score;
    const both = innovationScore(open, { ...none, rdActivity: true, patents: 1 }).score;
    expect(rd).toBeGreaterThan(0.5);
    expect(ip).toBeGreaterThan(0.5);
    expect(both).toBe(1);
  });

  it('keeps every score in [0, 1] with evidence that renders in all three languages, on a generated set', () => {
    const set = generateEvaluationSet({
      seed: 3,
      requests: 6,
      financiers: 4,
      noise: 150,
      clusterGroups: 0,
      clusterNoise: 0,
    });
    const known = new Set(REASON_CODES);
    const outOfRange: string[] = [];
    const unrenderable = new Set<string>();
    let checked = 0;
    const check = (s: { score: number; evidence: { code: string; params: object } }, where: string) => {
      checked++;
      if (!(s.score >= 0 && s.score <= 1)) outOfRange.push(`${where} ${s.evidence.code} ${s.score}`);
      if (!known.has(s.evidence.code) && !s.evidence.code.endsWith('.unspecified'))
        unrenderable.add(s.evidence.code);
    };
    for (const c of set.subcontracting)
      for (const o of set.organisations)
        for (const s of Object.values(subcontractingScores(c.request, o)))
          check(s, `${c.request.id}/${o.id}`);
    const codes = new Map<string, Parameters<typeof renderReason>[0]>();
    for (const c of set.financing)
      for (const o of set.organisations)
        for (const s of Object.values(financingScores(c.criteria, o))) {
          check(s, `${c.criteria.id}/${o.id}`);
          codes.set(s.evidence.code, s.evidence);
        }
    expect(outOfRange).toEqual([]);
    expect([...unrenderable]).toEqual([]);
    for (const evidence of codes.values())
      for (const lang of LANGS) expect(renderReason(evidence, lang)).not.toBe(evidence.code);
    expect(checked).toBeGreaterThan(1000);
  });
});
