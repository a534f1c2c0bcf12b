import type { z } from 'zod';
import { createOpportunitySchema, updateOpportunitySchema } from './opportunity.schema.js';

type Input = Record<string, unknown>;

/** Issues flattened to `path: message`, the form an API client or an import report shows. */
function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

const subcontracting: Input = {
  type: 'SUBCONTRACTING_REQUEST',
  title: { ar: 'طلب مناولة لقطع مشغولة ميكانيكيا', fr: 'Sous-traitance de pièces usinées' },
  description: { fr: 'Arbres de transmission en 42CrMo4, tolérance IT7.' },
  sectors: ['28', '29'],
  processes: ['CNC_MACHINING', 'HEAT_TREATMENT'],
  quantity: 2000,
  quantityUnit: 'pièces',
  countries: ['DZ', 'TN'],
  deadline: '2026-09-30',
  expiresAt: '2026-12-31',
};

const financingNeed: Input = {
  type: 'FINANCING_NEED',
  title: { en: 'Working capital for a dairy line' },
  sectors: ['10'],
  amount: 25_000_000,
  currency: 'DZD',
};

describe('createOpportunitySchema', () => {
  it.each([
    ['a subcontracting request', subcontracting],
    ['a financing need with amount and currency', financingNeed],
    ['a currency without an amount', { ...financingNeed, amount: null, currency: 'EUR' }],
    [
      'a technology offer with only a title',
      { type: 'TECHNOLOGY_OFFER', title: { fr: 'Procédé de tannage' } },
    ],
    ['a leap day', { ...subcontracting, deadline: '2028-02-29' }],
    ['a closed opportunity', { ...subcontracting, status: 'FULFILLED' }],
  ])('accepts %s', (_what, input) => {
    expect(issuesOf(createOpportunitySchema, input)).toEqual([]);
  });

  it.each([
    ['no title', { ...subcontracting, title: undefined }, 'title', /expected object/],
    [
      'a title in no language',
      { ...subcontracting, title: { fr: ' ' } },
      'title',
      /at least one of ar, fr, en/,
    ],
    [
      'a title of 201 characters',
      { ...subcontracting, title: { en: 'x'.repeat(201) } },
      'title.en',
      /at most 200/,
    ],
    [
      'a right-to-left override in a title',
      { ...subcontracting, title: { ar: 'طلب\u202Eabc' } },
      'title.ar',
      /control or bidirectional/,
    ],
    [
      'a null byte in a description',
      { ...subcontracting, description: { fr: 'a\u0000b' } },
      'description.fr',
      /control/,
    ],
    ['an unknown type', { ...subcontracting, type: 'JOB_OFFER' }, 'type', /Invalid option/],
    [
      'an unknown process code',
      { ...subcontracting, processes: ['MACHINING', 'LASER_DANCING'] },
      'processes.1',
      /Invalid option/,
    ],
    [
      '11 processes',
      {
        ...subcontracting,
        processes: [
          'MACHINING',
          'CASTING',
          'FORGING',
          'WELDING',
          'SHEET_METAL',
          'EXTRUSION',
          'PRINTING',
          'LEATHER',
          'SOFTWARE',
          'LOGISTICS',
          'RECYCLING',
        ],
      },
      'processes',
      /<=10/,
    ],
    ['an ISIC class', { ...subcontracting, sectors: ['2511'] }, 'sectors.0', /unknown ISIC.*"2511"/],
    [
      'an unknown country',
      { ...subcontracting, countries: ['DZ', 'XX'] },
      'countries.1',
      /unknown ISO 3166-1/,
    ],
    [
      'an amount without currency',
      { ...financingNeed, currency: null },
      'currency',
      /an amount needs a currency/,
    ],
    ['an unknown currency', { ...financingNeed, currency: 'XBT' }, 'currency', /Invalid option/],
    ['a negative amount', { ...financingNeed, amount: -1 }, 'amount', />=0/],
    ['a day that does not exist', { ...subcontracting, deadline: '2026-02-30' }, 'deadline', /YYYY-MM-DD/],
    [
      'a 29 February outside a leap year',
      { ...subcontracting, deadline: '2027-02-29' },
      'deadline',
      /YYYY-MM-DD/,
    ],
    ['a French-style date', { ...subcontracting, expiresAt: '31/12/2026' }, 'expiresAt', /YYYY-MM-DD/],
    [
      'a timestamp instead of a date',
      { ...subcontracting, expiresAt: '2026-12-31T00:00:00Z' },
      'expiresAt',
      /YYYY-MM-DD/,
    ],
    ['an unknown status', { ...subcontracting, status: 'CLOSED' }, 'status', /Invalid option/],
  ])('rejects %s', (_what, input, path, message) => {
    const issues = issuesOf(createOpportunitySchema, input);
    expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/\./g, '\\.')}: `)));
    expect(issues.find((i) => i.startsWith(`${path}: `))).toMatch(message);
  });

  it('fills defaults for what is left out', () => {
    expect(
      createOpportunitySchema.parse({ type: 'PARTNERSHIP_REQUEST', title: { fr: 'Partenaire' } }),
    ).toEqual({
      type: 'PARTNERSHIP_REQUEST',
      title: { ar: null, fr: 'Partenaire', en: null },
      description: { ar: null, fr: null, en: null },
      sectors: [],
      processes: [],
      quantity: null,
      quantityUnit: null,
      amount: null,
      currency: null,
      countries: [],
      deadline: null,
      expiresAt: null,
      status: 'OPEN',
      requiredCertifications: [],
      requiredProcesses: [],
      materials: [],
      regionCodes: [],
      preferredCertifications: [],
      preferredRegionCodes: [],
    });
  });

  it('takes wished-for certifications and wilayas on a subcontracting request only', () => {
    const out = createOpportunitySchema.parse({
      ...subcontracting,
      preferredCertifications: ['ISO_14001', 'ISO_14001'],
      preferredRegionCodes: ['DZ-31'],
    });
    expect(out).toMatchObject({ preferredCertifications: ['ISO_14001'], preferredRegionCodes: ['DZ-31'] });
    const paths = (input: object) =>
      (createOpportunitySchema.safeParse(input).error?.issues ?? []).map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(paths({ ...subcontracting, preferredRegionCodes: ['DZ-99'] })).toEqual([
      'preferredRegionCodes.0: unknown Algerian wilaya code "DZ-99"',
    ]);
    expect(
      paths({ ...subcontracting, regionCodes: ['DZ-16', 'DZ-09'], preferredRegionCodes: ['DZ-31'] }),
    ).toEqual(['preferredRegionCodes: preferred wilayas outside the required ones: DZ-31']);
    expect(paths({ ...subcontracting, countries: ['TN'], preferredRegionCodes: ['DZ-31'] })).toEqual([
      'preferredRegionCodes: preferred wilayas are in Algeria, which the countries exclude',
    ]);
    expect(
      paths({ ...subcontracting, type: 'CAPABILITY_OFFER', preferredCertifications: ['ISO_9001'] }),
    ).toEqual(['preferredCertifications: only a subcontracting request sets it']);
  });

  it('reads blank texts as none', () => {
    const out = createOpportunitySchema.parse({
      ...subcontracting,
      description: { ar: '  ', fr: '' },
      quantityUnit: ' ',
    });
    expect(out).toMatchObject({ description: { ar: null, fr: null, en: null }, quantityUnit: null });
  });

  it('removes duplicates from code lists, keeping the first order', () => {
    const out = createOpportunitySchema.parse({
      ...subcontracting,
      sectors: ['29', '28', '29'],
      processes: ['WELDING', 'CASTING', 'WELDING'],
      countries: ['TN', 'DZ', 'TN'],
    });
    expect([out.sectors, out.processes, out.countries]).toEqual([
      ['29', '28'],
      ['WELDING', 'CASTING'],
      ['TN', 'DZ'],
    ]);
  });
});

describe('updateOpportunitySchema', () => {
  it('leaves out what the update does not mention, so an edit does not reopen a closed opportunity', () => {
    expect(updateOpportunitySchema.parse({ title: { fr: 'Nouveau titre' } })).toEqual({
      title: { ar: null, fr: 'Nouveau titre', en: null },
    });
  });

  it('still checks each field it carries', () => {
    expect(
      issuesOf(updateOpportunitySchema, { deadline: '2026-13-01', processes: ['GLASSBLOWING'] }),
    ).toEqual([
      expect.stringMatching(/^processes\.0: Invalid option/),
      'deadline: must be a date YYYY-MM-DD',
    ]);
  });
});
