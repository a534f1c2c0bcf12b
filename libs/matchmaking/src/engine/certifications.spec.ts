import { certificationsMeeting, coveringCertification, holdsCertification } from './certifications.js';
import { rankSuppliers, scoreSubcontracting, isRejection } from './combine.js';
import { request, sme } from './fixtures.js';
import { renderReason } from './reasons.js';
import { financingHardFailures, subcontractingHardFailures } from './hard.js';
import { certificationsScore } from './scoring.js';

describe('certification schemes that include others', () => {
  it('lets holders of the larger scheme meet the smaller one, never the reverse', () => {
    expect(holdsCertification(['FSSC_22000'], 'ISO_22000')).toBe(true);
    expect(holdsCertification(['FSSC_22000'], 'HACCP')).toBe(true);
    expect(holdsCertification(['IATF_16949'], 'ISO_9001')).toBe(true);
    expect(holdsCertification(['ISO_9001'], 'IATF_16949')).toBe(false);
    expect(holdsCertification(['ISO_22000'], 'FSSC_22000')).toBe(false);
    expect(holdsCertification(['ISO_14001'], 'ISO_9001')).toBe(false);
    expect(coveringCertification(['HALAL', 'IATF_16949'], 'ISO_9001')).toBe('IATF_16949');
    expect(certificationsMeeting('ISO_9001').sort()).toEqual(['API_Q1', 'AS_9100', 'IATF_16949', 'ISO_9001']);
  });

  it('passes the hard criterion and scores the preference through the larger scheme, and says so', () => {
    const r = request({ requiredCertifications: ['ISO_9001'] });
    const iatf = sme('iatf', { certifications: ['IATF_16949'] });
    const iso14001 = sme('env', { certifications: ['ISO_14001'] });
    expect(subcontractingHardFailures(r, iatf)).toEqual([]);
    expect(subcontractingHardFailures(r, iso14001).map((f) => f.code)).toEqual(['hard.certification']);
    expect(rankSuppliers(r, [iatf, iso14001]).results.map((x) => x.candidateId)).toEqual(['iatf']);
    const score = certificationsScore(['ISO_22000'], ['FSSC_22000']);
    expect(score.score).toBe(1);
    expect(score.evidence.params.through).toEqual(['FSSC_22000']);
    const result = scoreSubcontracting(r, iatf);
    if (isRejection(result)) throw new Error('rejected');
    const cert = result.criteria.find((c) => c.criterion === 'certifications')!;
    expect(renderReason(cert.evidence, 'en')).toMatch(/IATF/);
    const financing = financingHardFailures(
      {
        id: 'c',
        financierId: 'f',
        sectors: [],
        countries: [],
        stages: [],
        ticketMin: null,
        ticketMax: null,
        currency: null,
        instruments: [],
        minAgeYears: null,
        minEmployeeBand: null,
        requiredCertifications: ['ISO_22000'],
        innovation: null,
      },
      sme('food', { certifications: ['FSSC_22000'] }),
      2025,
    );
    expect(financing).toEqual([]);
  });
});

describe('stable ties', () => {
  it('ranks the same facts the same way whatever order they are loaded in or their capacities are summed in', () => {
    // 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last bit: the order must not decide the rank.
    const r = request({ processes: ['CNC_MACHINING', 'WELDING', 'SHEET_METAL'], volume: 7 });
    const caps = [
      { process: 'CNC_MACHINING' as const, materials: ['acier'], monthlyCapacity: 0.1 },
      { process: 'WELDING' as const, materials: ['acier'], monthlyCapacity: 0.2 },
      { process: 'SHEET_METAL' as const, materials: ['acier'], monthlyCapacity: 0.3 },
    ];
    const suppliers = Array.from({ length: 12 }, (_, i) =>
      sme(`s-${String.fromCharCode(108 - i)}`, {
        capabilities: i % 2 ? caps : [...caps].reverse(),
      }),
    );
    const once = rankSuppliers(r, suppliers).results.map((x) => x.candidateId);
    const again = rankSuppliers(r, [...suppliers].reverse()).results.map((x) => x.candidateId);
    expect(again).toEqual(once);
    expect(once).toHaveLength(12);
    expect(once).toEqual([...once].sort());
  });
});
