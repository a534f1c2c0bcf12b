import { sme } from './fixtures.js';
import { renderReason } from './reasons.js';
import {
  isSupportRejection,
  rankProgrammesForSme,
  rankSmesForProgrammes,
  scoreSupport,
  stageOf,
  supportNeeds,
  type SupportProgramme,
  type SupportSignals,
} from './support.js';
import type { MatchResult, Rejection } from './types.js';

const YEAR = 2026;
const none: SupportSignals = { opportunityTypes: [], targetCertifications: [] };

function programme(institutionId: string, over: Partial<SupportProgramme> = {}): SupportProgramme {
  return {
    institutionId,
    index: 0,
    name: { ar: null, fr: 'Programme qualité', en: 'Quality Programme' },
    services: ['QUALITY_CERTIFICATION'],
    sectors: [],
    stages: [],
    regionCodes: [],
    reserved: false,
    cost: null,
    certifications: [],
    country: 'DZ',
    regionCode: 'DZ-16',
    ...over,
  };
}

const score = (r: MatchResult | Rejection): number => {
  if (isSupportRejection(r)) throw new Error(`rejected: ${r.failed.map((f) => f.code).join(', ')}`);
  return r.score;
};
const failures = (r: MatchResult | Rejection): string[] =>
  isSupportRejection(r) ? r.failed.map((f) => f.code) : [];

describe('support needs', () => {
  it('reads the stage from the founding year when none is stated', () => {
    expect(stageOf({ stage: null, foundedYear: 2024 }, YEAR)).toBe('STARTUP');
    expect(stageOf({ stage: null, foundedYear: 2019 }, YEAR)).toBe('GROWTH');
    expect(stageOf({ stage: null, foundedYear: 1990 }, YEAR)).toBe('MATURE');
    expect(stageOf({ stage: 'TURNAROUND', foundedYear: 2024 }, YEAR)).toBe('TURNAROUND');
    expect(stageOf({ stage: null, foundedYear: null }, YEAR)).toBeNull();
  });

  it('derives services from opportunities, aimed certifications, R&D, patents and youth', () => {
    const firm = sme('a', {
      sectors: ['62'],
      stage: null,
      foundedYear: 2025,
      certifications: [],
      innovation: { rdActivity: true, patents: 2, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
    });
    const needs = supportNeeds(
      firm,
      { opportunityTypes: ['TECHNOLOGY_REQUEST'], targetCertifications: ['ISO_9001'] },
      YEAR,
    );
    const byService = Object.fromEntries(needs.map((n) => [n.service, n]));
    expect(byService.TECHNOLOGY_TRANSFER).toEqual({
      service: 'TECHNOLOGY_TRANSFER',
      weight: 1,
      because: ['technology_request', 'rd_activity'],
    });
    expect(byService.IP_ADVICE.weight).toBe(1);
    expect(byService.INCUBATION.because).toEqual(['young_firm']);
    expect(byService.QUALITY_CERTIFICATION.because).toEqual(['target_certification']);
    // A software firm is not manufacturing: no cleaner-production need.
    expect(byService.CLEANER_PRODUCTION).toBeUndefined();
  });

  it('counts no certification need for a scheme already covered by a larger one held', () => {
    const firm = sme('a', { certifications: ['FSSC_22000'], sectors: ['62'] });
    const needs = supportNeeds(firm, { opportunityTypes: [], targetCertifications: ['ISO_22000'] }, YEAR);
    expect(needs.map((n) => n.service)).not.toContain('QUALITY_CERTIFICATION');
  });
});

describe('scoreSupport', () => {
  const aiming: SupportSignals = { opportunityTypes: [], targetCertifications: ['ISO_22000'] };

  it('rejects a programme reserved for other wilayas, and admits the SME of a reserved wilaya', () => {
    const south = programme('inst', { regionCodes: ['DZ-30', 'DZ-47'], reserved: true });
    expect(failures(scoreSupport(south, sme('algiers'), aiming, { asOfYear: YEAR }))).toEqual([
      'hard.support_reserved',
    ]);
    const r = scoreSupport(south, sme('ouargla', { regionCode: 'DZ-30' }), aiming, { asOfYear: YEAR });
    expect(failures(r)).toEqual([]);
    const place = (r as MatchResult).criteria.find((c) => c.criterion === 'distance')!;
    expect(place.evidence).toEqual({
      code: 'support.region_target',
      params: { region: 'DZ-30', reserved: true },
    });
    expect(renderReason(place.evidence, 'fr')).toBe('Programme réservé à des wilayas dont Ouargla');
    expect(renderReason(place.evidence, 'en')).toBe('Programme reserved for wilayas including Ouargla');
  });

  it('rejects a stage the programme does not admit, another country and a programme meeting no need', () => {
    const incubation = programme('inst', { services: ['INCUBATION'], stages: ['IDEA', 'STARTUP'] });
    const mature = sme('old', { stage: 'MATURE' });
    expect(failures(scoreSupport(incubation, mature, none, { asOfYear: YEAR }))).toEqual([
      'hard.support_stage',
      'hard.support_no_need',
    ]);
    expect(
      failures(scoreSupport(programme('inst'), sme('tn', { country: 'TN', regionCode: null }), aiming)),
    ).toEqual(['hard.support_country']);
    expect(failures(scoreSupport(programme('inst', { services: ['IP_ADVICE'] }), sme('x'), aiming))).toEqual([
      'hard.support_no_need',
    ]);
  });

  it('ranks a programme preparing for the aimed certification, free and nearby, above a paid one elsewhere', () => {
    const firm = sme('food', { sectors: ['10'], certifications: [], regionCode: 'DZ-09' });
    const good = programme('good', {
      certifications: ['FSSC_22000'],
      sectors: ['10'],
      cost: 'FREE',
      regionCode: 'DZ-09',
    });
    const weak = programme('weak', {
      certifications: ['ISO_14001'],
      sectors: ['24'],
      cost: 'PAID',
      regionCode: 'DZ-31',
    });
    const ranked = rankProgrammesForSme(firm, aiming, [weak, good], { asOfYear: YEAR });
    expect(ranked.map((r) => r.candidateId)).toEqual(['good', 'weak']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score + 0.3);
    const cert = ranked[0].criteria.find((c) => c.criterion === 'certifications')!;
    // FSSC 22000 includes ISO 22000: preparing for the larger scheme prepares for the one aimed for.
    expect(cert.score).toBe(1);
    expect(renderReason(cert.evidence, 'en')).toMatch(
      /^Prepares for the certification aimed for: ISO 22000\b/,
    );
  });

  it('names the programme and the need it meets in three languages', () => {
    const firm = sme('young', { stage: 'STARTUP', sectors: ['62'] });
    const r = scoreSupport(
      programme('inc', {
        services: ['INCUBATION', 'TRAINING'],
        name: { ar: 'برنامج الاحتضان', fr: "Programme d'incubation", en: null },
        cost: 'FREE',
      }),
      firm,
      none,
      { asOfYear: YEAR },
    ) as MatchResult;
    const [programmeReason] = r.criteria;
    expect(renderReason(programmeReason.evidence, 'ar')).toBe('برنامج «برنامج الاحتضان»: احتضان وتكوين');
    // No English name: the French one stands in.
    expect(renderReason(programmeReason.evidence, 'en')).toBe(
      "Programme “Programme d'incubation”: incubation and training",
    );
    const services = r.criteria.find((c) => c.criterion === 'services')!;
    expect(renderReason(services.evidence, 'fr')).toBe(
      'Répond à vos besoins\u00a0: incubation et formation (indices\u00a0: jeune entreprise)',
    );
    expect(renderReason(r.criteria.find((c) => c.criterion === 'cost')!.evidence, 'fr')).toBe('Gratuit');
    expect(score(r)).toBeGreaterThan(0.8);
  });

  it('gives an incubator the SMEs its programme fits, each once with its best programme, ties by id', () => {
    const programmes = [
      programme('inc', { index: 0, services: ['INCUBATION'], stages: ['STARTUP'], cost: 'FREE' }),
      programme('inc', { index: 1, services: ['IP_ADVICE'], cost: 'SUBSIDISED' }),
    ];
    const young = sme('b-young', { stage: 'STARTUP', sectors: ['62'] });
    const twin = sme('a-twin', { stage: 'STARTUP', sectors: ['62'] });
    const inventor = sme('c-inventor', {
      stage: 'MATURE',
      sectors: ['62'],
      innovation: { rdActivity: false, patents: 3, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
    });
    const plain = sme('d-plain', { stage: 'MATURE', sectors: ['62'] });
    const ranked = rankSmesForProgrammes(
      programmes,
      [young, inventor, plain, twin].map((s) => ({ sme: s, signals: none })),
      { asOfYear: YEAR },
    );
    expect(ranked.map((r) => r.candidateId)).toEqual(['a-twin', 'b-young', 'c-inventor']);
    expect(ranked[2].criteria[0].evidence.params.index).toBe(1);
    expect(ranked[0].score).toBe(ranked[1].score);
  });
});
