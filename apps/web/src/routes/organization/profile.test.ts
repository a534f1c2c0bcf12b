// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { OrganizationInput } from '../../api/organization';
import { emptyProfile, problemsOf, toInput, type ProfileValues } from './OrganizationForm';
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

describe('the profile form', () => {
  const values = (over: Partial<ProfileValues>): ProfileValues => ({ ...emptyProfile(), ...over });
  it('needs a subtype for the kinds that take one, and none for the others', () => {
    const name = { ar: 'حاضنة', fr: null, en: null };
    expect(problemsOf(values({ kind: 'SUPPORT_INSTITUTION', name })).subtype).toBe(true);
    expect(problemsOf(values({ kind: 'SUPPORT_INSTITUTION', subtype: 'INCUBATOR', name }))).toEqual({});
    expect(problemsOf(values({ kind: 'SME', name }))).toEqual({});
    expect(toInput(values({ kind: 'SME', subtype: 'INCUBATOR', name })).subtype).toBeNull();
  });
  it('checks each contact person: a name, an email and a phone that look like one', () => {
    const p = problemsOf(
      values({
        kind: 'SME',
        name: { ar: null, fr: 'Usine', en: null },
        contacts: [
          { name: 'Amina', role: null, email: 'amina@usine.dz', phone: '+213 21 00 00 00' },
          { name: ' ', role: 'CEO', email: 'not-an-address', phone: '12' },
        ],
      }),
    );
    expect(p.contacts).toEqual([{}, { name: true, email: true, phone: true }]);
  });
  it('sends contacts trimmed, blank fields as null', () => {
    const input = toInput(
      values({
        kind: 'SME',
        languages: ['ar', 'ber'],
        contacts: [{ name: ' Amina ', role: ' ', email: 'a@b.dz ', phone: '' }],
      }),
    );
    expect(input.contacts).toEqual([{ name: 'Amina', role: null, email: 'a@b.dz', phone: null }]);
    expect(input.languages).toEqual(['ar', 'ber']);
  });
});
