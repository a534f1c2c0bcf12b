// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { criteriaToForm, EMPTY_CRITERIA, formToCriteria } from './financierCriteria';

describe('financier criteria form', () => {
  it('sends empty numbers as null and keeps the lists', () => {
    const out = formToCriteria({ ...EMPTY_CRITERIA, sectors: ['C25'], countries: ['DZ'] });
    expect(out).toEqual({
      input: {
        sectors: ['C25'],
        countries: ['DZ'],
        stages: [],
        instruments: [],
        ticketMin: null,
        ticketMax: null,
        currency: null,
        minAgeYears: null,
        innovationWanted: false,
      },
    });
  });
  it('refuses a reversed ticket range and a ticket without currency', () => {
    expect(formToCriteria({ ...EMPTY_CRITERIA, ticketMin: 500, ticketMax: 100, currency: 'DZD' })).toEqual({
      problem: 'ticketOrder',
    });
    expect(formToCriteria({ ...EMPTY_CRITERIA, ticketMax: 100 })).toEqual({ problem: 'currency' });
  });
  it('reads stored criteria back, nulls as empty fields', () => {
    const form = criteriaToForm({
      sectors: ['C'],
      countries: [],
      stages: ['GROWTH'],
      instruments: ['LOAN'],
      ticketMin: null,
      ticketMax: 2000000,
      currency: 'DZD',
      minAgeYears: 2,
      minEmployeeBand: null,
      minPatents: null,
      innovationWanted: null,
      requiredCertifications: [],
      preferredCertifications: [],
    });
    expect(form.ticketMin).toBe('');
    expect(form.ticketMax).toBe(2000000);
    expect(form.innovationWanted).toBe(false);
    expect(form.stages).toEqual(['GROWTH']);
  });
});
