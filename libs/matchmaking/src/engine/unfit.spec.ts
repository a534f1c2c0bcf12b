import { isRejection, rankSuppliers, scoreSubcontracting, UNFIT_FACTOR } from './combine.js';
import { request, sme } from './fixtures.js';
import { renderReason } from './reasons.js';
import { capacityScore, convertQuantity, materialsScore } from './scoring.js';
import type { MatchResult } from './types.js';

const scored = (r: ReturnType<typeof scoreSubcontracting>): MatchResult => {
  if (isRejection(r)) throw new Error('rejected');
  return r;
};
const criterion = (r: MatchResult, name: string) => r.criteria.find((c) => c.criterion === name)!;

describe('units of quantity', () => {
  it('converts mass to mass and refuses pieces against tonnes', () => {
    expect(convertQuantity(2, 'tonnes', 'kg')).toBe(2000);
    expect(convertQuantity(500, 'kg/month', 't/month')).toBe(0.5);
    expect(convertQuantity(7, 'pieces', 'tonnes')).toBeNull();
    expect(convertQuantity(7, null, 'tonnes')).toBe(7);
  });

  it('compares capacity after conversion, and flags a unit that does not convert', () => {
    const r = request({ volume: 3, volumeUnit: 'tonnes' });
    const inKg = sme('kg', {
      capabilities: [
        { process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 5000, capacityUnit: 'kg' },
      ],
    });
    expect(criterion(scored(scoreSubcontracting(r, inKg)), 'capacity').evidence.code).toBe('capacity.enough');
    const inPieces = sme('pcs', {
      capabilities: [
        { process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 2, capacityUnit: 'pieces' },
      ],
    });
    const c = criterion(scored(scoreSubcontracting(r, inPieces)), 'capacity');
    expect(c.evidence.code).toBe('capacity.other_unit');
    expect(renderReason(c.evidence, 'en')).toMatch(/pieces/);
  });
});

describe('suppliers a buyer would not take', () => {
  it('marks capacity far below the volume and incompatible materials as unfit', () => {
    expect(capacityScore(10_000, 300).evidence.code).toBe('capacity.far_short');
    expect(capacityScore(10_000, 3000).evidence.code).toBe('capacity.short');
    expect(materialsScore(['aluminium'], ['PVC', 'polyéthylène']).evidence.code).toBe(
      'materials.incompatible',
    );
    expect(materialsScore(['aluminium'], ['acier']).evidence.code).toBe('materials.none');
    // An unknown tag cannot prove incompatibility.
    expect(materialsScore(['aluminium'], ['profilés maison']).evidence.code).toBe('materials.none');
  });

  it('ranks them below a fitting supplier, with the reason shown', () => {
    const r = request({
      processes: ['EXTRUSION'],
      requiredProcesses: ['EXTRUSION'],
      materials: ['aluminium'],
      volume: 5000,
    });
    const ext = (materials: string[], monthlyCapacity: number) => [
      { process: 'EXTRUSION' as const, materials, monthlyCapacity },
    ];
    const fit = sme('a-fit', { capabilities: ext(['alu'], 6000), regionCode: 'DZ-31' });
    const plastics = sme('b-plastics', { capabilities: ext(['PVC'], 8000) });
    const tiny = sme('c-tiny', { capabilities: ext(['aluminium'], 150) });
    const ranked = rankSuppliers(r, [plastics, tiny, fit]).results;
    expect(ranked.map((x) => x.candidateId)[0]).toBe('a-fit');
    const p = scored(scoreSubcontracting(r, plastics));
    const undamped = scored(scoreSubcontracting(r, { ...plastics, capabilities: ext(['alu'], 8000) }));
    expect(p.score).toBeLessThan(undamped.score * UNFIT_FACTOR + 1e-9);
    expect(renderReason(criterion(p, 'materials').evidence, 'fr')).toMatch(/Inadapté/);
    const t = scored(scoreSubcontracting(r, tiny));
    expect(criterion(t, 'capacity').evidence.code).toBe('capacity.far_short');
    expect(renderReason(criterion(t, 'capacity').evidence, 'en')).toMatch(/Unfit/);
  });
});
