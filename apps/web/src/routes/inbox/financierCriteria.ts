import type {
  CompanyStage,
  Currency,
  FinancierCriteria,
  FinancierCriteriaInput,
  FinancingInstrument,
} from '../../api/inbox';

/** The editor's fields: lists, and numbers as typed (empty for none). */
export interface CriteriaForm {
  sectors: string[];
  countries: string[];
  stages: string[];
  instruments: string[];
  ticketMin: number | '';
  ticketMax: number | '';
  currency: string | null;
  minAgeYears: number | '';
  innovationWanted: boolean;
}

export const EMPTY_CRITERIA: CriteriaForm = {
  sectors: [],
  countries: [],
  stages: [],
  instruments: [],
  ticketMin: '',
  ticketMax: '',
  currency: null,
  minAgeYears: '',
  innovationWanted: false,
};

const num = (v: number | null | undefined): number | '' => (typeof v === 'number' ? v : '');

export function criteriaToForm(c: FinancierCriteria | null | undefined): CriteriaForm {
  if (!c) return EMPTY_CRITERIA;
  return {
    sectors: c.sectors,
    countries: c.countries,
    stages: c.stages,
    instruments: c.instruments,
    ticketMin: num(c.ticketMin),
    ticketMax: num(c.ticketMax),
    currency: c.currency,
    minAgeYears: num(c.minAgeYears),
    innovationWanted: c.innovationWanted ?? false,
  };
}

const orNull = (v: number | ''): number | null => (v === '' ? null : v);

/**
 * The api's input; a ticket range given with no currency or reversed is refused before sending. The
 * editor holds taxonomy codes as strings; they become the schema's enums here, where they enter the input.
 */
export function formToCriteria(
  f: CriteriaForm,
): { input: FinancierCriteriaInput } | { problem: 'ticketOrder' | 'currency' } {
  const min = orNull(f.ticketMin);
  const max = orNull(f.ticketMax);
  if (min !== null && max !== null && min > max) return { problem: 'ticketOrder' };
  if ((min !== null || max !== null) && !f.currency) return { problem: 'currency' };
  return {
    input: {
      sectors: f.sectors,
      countries: f.countries,
      stages: f.stages as CompanyStage[],
      instruments: f.instruments as FinancingInstrument[],
      ticketMin: min,
      ticketMax: max,
      currency: f.currency as Currency | null,
      minAgeYears: orNull(f.minAgeYears),
      innovationWanted: f.innovationWanted,
    },
  };
}
