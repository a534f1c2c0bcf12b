// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { OrganizationInput } from '../../api/organization';
import { changedFields, inDays } from './profile';

const base: OrganizationInput = {
  name: { ar: 'مصنع', fr: 'Usine', en: null },
  description: { ar: null, fr: null, en: null },
  country: 'DZ',
  regionCode: 'DZ-16',
  city: null,
  website: null,
  foundedYear: 2001,
  employeeBand: null,
  sectors: ['25'],
  certifications: [],
  capabilities: [{ process: 'WELDING', monthlyCapacity: 10, capacityUnit: 't' }],
  innovation: { patents: 0, utilityModels: 0, industrialDesigns: 0, trademarks: 0, rdActivity: false },
};

describe('changedFields', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedFields(base, structuredClone(base))).toEqual({});
  });
  it('sends only the fields that changed, whole', () => {
    const after = structuredClone(base);
    after.capabilities[0].monthlyCapacity = 12;
    after.sectors = ['25', '28'];
    expect(changedFields(base, after)).toEqual({
      capabilities: [{ process: 'WELDING', monthlyCapacity: 12, capacityUnit: 't' }],
      sectors: ['25', '28'],
    });
  });
  it('leaves the name out when its texts are the same', () => {
    const after = { ...structuredClone(base), city: 'Rouiba' };
    expect(Object.keys(changedFields(base, after))).toEqual(['city']);
  });
});

describe('inDays', () => {
  it('counts calendar days in UTC', () => {
    expect(inDays(90, new Date('2026-12-07T23:30:00Z'))).toBe('2027-03-07');
    expect(inDays(0, new Date('2026-12-31T00:00:00Z'))).toBe('2026-12-31');
  });
});
