// Under ES modules Jest provides its `jest` object by import only.
import { jest } from '@jest/globals';
import type { z } from 'zod';
import { createOrganizationSchema, updateOrganizationSchema } from './organisation.schema.js';

type Input = Record<string, unknown>;

/** Issues flattened to `path: message`, the form an API client or an import report shows. */
function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

const sme: Input = {
  kind: 'SME',
  name: { ar: 'مؤسسة البليدة للتشغيل الميكانيكي', fr: 'Usinage de Blida' },
  description: { fr: 'Pièces tournées et fraisées pour la mécanique et les hydrocarbures.' },
  country: 'DZ',
  regionCode: 'DZ-09',
  city: 'Blida',
  sectors: ['25', 'C'],
  employeeBand: '10-49',
  foundedYear: 2008,
  website: 'https://usinage-blida.dz',
  languages: ['ar', 'fr'],
  certifications: ['ISO_9001'],
  innovation: { rdActivity: true, patents: 1 },
  capabilities: [
    {
      process: 'CNC_MACHINING',
      materials: ['acier 42CrMo4', 'inox 316L'],
      machines: ['tour CNC 3 axes'],
      monthlyCapacity: 5000,
      capacityUnit: 'pièces',
    },
  ],
  contacts: [
    { name: 'Karim Belkacem', role: 'Gérant', email: 'contact@usinage-blida.dz', phone: '+213 25 00 00 00' },
  ],
};

const largeFirm: Input = {
  kind: 'LARGE_FIRM',
  name: { fr: 'Société nationale des véhicules industriels', en: 'National industrial vehicles company' },
  country: 'DZ',
  regionCode: 'DZ-16',
  sectors: ['29'],
  employeeBand: '1000+',
  certifications: ['IATF_16949', 'ISO_45001'],
  capabilities: [{ process: 'ASSEMBLY' }],
  purchasingCategories: ['pièces forgées', 'faisceaux électriques'],
};

const supportInstitution: Input = {
  kind: 'SUPPORT_INSTITUTION',
  subtype: 'TECHNICAL_CENTRE',
  name: { ar: 'المركز التقني للصناعات الميكانيكية' },
  country: 'DZ',
  regionCode: 'DZ-25',
  services: ['essais de matériaux', 'métrologie'],
  programmes: [{ name: { fr: 'Programme de mise à niveau' }, sectors: ['C'] }],
};

const financier: Input = {
  kind: 'FINANCIER',
  subtype: 'ISLAMIC_FINANCE',
  name: { ar: 'مصرف السلام', en: 'Al Salam Bank' },
  country: 'BH',
  region: 'Manama',
  financier: {
    instruments: ['MURABAHA', 'IJARA', 'ISTISNA'],
    ticketMin: 1_000_000,
    ticketMax: 50_000_000,
    currency: 'DZD',
    targetSectors: ['C'],
    targetCountries: ['DZ', 'TN'],
    stages: ['GROWTH', 'MATURE'],
  },
};

const publicBody: Input = {
  kind: 'PUBLIC_BODY',
  subtype: 'MINISTRY',
  name: { ar: 'وزارة الصناعة', fr: "Ministère de l'Industrie" },
  country: 'DZ',
  regionCode: 'DZ-16',
};

const nextYear = new Date().getUTCFullYear() + 1;

describe('createOrganizationSchema', () => {
  it.each([
    ['an SME with capabilities', sme],
    ['a LARGE_FIRM with purchasing categories', largeFirm],
    ['a SUPPORT_INSTITUTION with a subtype and programmes', supportInstitution],
    ['a FINANCIER with instruments and a ticket range', financier],
    ['a PUBLIC_BODY', publicBody],
    ['a foreign SME with a free-text region', { ...sme, country: 'TN', regionCode: null, region: 'Sfax' }],
    ['an SME in a wilaya created in 2019', { ...sme, regionCode: 'DZ-58' }],
    ['a name in English only', { ...sme, name: { ar: null, fr: '  ', en: 'Blida Machining' } }],
    ['a FINANCIER with only a ceiling', { ...financier, financier: { ticketMax: 1e6, currency: 'EUR' } }],
    [
      'a FINANCIER with equal bounds',
      { ...financier, financier: { ticketMin: 5, ticketMax: 5, currency: 'USD' } },
    ],
    ['a company founded this year', { ...sme, foundedYear: nextYear - 1 }],
  ])('accepts %s', (_what, input) => {
    expect(issuesOf(createOrganizationSchema, input)).toEqual([]);
  });

  it.each([
    ['no name in any language', { ...sme, name: {} }, 'name', /needs at least one of ar, fr, en/],
    ['only blank names', { ...sme, name: { ar: ' ', fr: '' } }, 'name', /needs at least one of ar, fr, en/],
    ['no name object', { ...sme, name: undefined }, 'name', /expected object/],
    [
      'an ISIC class instead of a division',
      { ...sme, sectors: ['2511'] },
      'sectors.0',
      /unknown ISIC.*"2511"/,
    ],
    ['an unknown ISIC section', { ...sme, sectors: ['C', 'Z'] }, 'sectors.1', /unknown ISIC.*"Z"/],
    ['an unknown country', { ...sme, country: 'XX', regionCode: null }, 'country', /unknown ISO 3166-1/],
    ['a region code that is no wilaya', { ...sme, regionCode: 'DZ-99' }, 'regionCode', /wilaya code "DZ-99"/],
    [
      'a region code outside Algeria',
      { ...sme, country: 'MA', regionCode: 'MA-01' },
      'regionCode',
      /only for Algeria/,
    ],
    ['a region code over the limit', { ...sme, regionCode: 'DZ-'.repeat(10) }, 'regionCode', /at most 10/],
    [
      'a support subtype on an SME',
      { ...sme, subtype: 'INCUBATOR' },
      'subtype',
      /INCUBATOR does not fit kind SME/,
    ],
    [
      'a financier subtype on a support institution',
      { ...supportInstitution, subtype: 'LEASING' },
      'subtype',
      /LEASING does not fit kind SUPPORT_INSTITUTION/,
    ],
    [
      'a collaboration without its year',
      { ...sme, collaborations: [{ ref: 'SONELEC', year: Number.NaN }] },
      'collaborations.0.year',
      /number/,
    ],
    [
      'a collaboration in the future',
      { ...sme, collaborations: [{ ref: 'SONELEC', year: 2999 }] },
      'collaborations.0.year',
      /must not be in the future/,
    ],
    [
      'a reserved programme that names no wilaya',
      { ...supportInstitution, programmes: [{ name: { fr: 'Programme Sud' }, reserved: true }] },
      'programmes.0.regionCodes',
      /reserved programme names its wilayas/,
    ],
    [
      'a programme service outside the vocabulary',
      { ...supportInstitution, programmes: [{ name: { fr: 'Programme' }, services: ['MASSAGE'] }] },
      'programmes.0.services.0',
      /Invalid option/,
    ],
    ['a FINANCIER without subtype', { ...financier, subtype: null }, 'subtype', /needs a subtype/],
    ['a PUBLIC_BODY without subtype', { ...publicBody, subtype: undefined }, 'subtype', /needs a subtype/],
    [
      'capabilities on a FINANCIER',
      { ...financier, capabilities: [{ process: 'MACHINING' }] },
      'capabilities',
      /only SME and LARGE_FIRM/,
    ],
    [
      'financing terms on an SME',
      { ...sme, financier: { instruments: ['LOAN'] } },
      'financier',
      /only a FINANCIER/,
    ],
    [
      'purchasing categories on an SME',
      { ...sme, purchasingCategories: ['acier'] },
      'purchasingCategories',
      /only a LARGE_FIRM/,
    ],
    [
      'ticketMin above ticketMax',
      { ...financier, financier: { ticketMin: 10, ticketMax: 1, currency: 'DZD' } },
      'financier.ticketMin',
      /must not exceed ticketMax/,
    ],
    [
      'a ticket without currency',
      { ...financier, financier: { ticketMin: 1000 } },
      'financier.currency',
      /needs a currency/,
    ],
    [
      'an unknown financing instrument',
      { ...financier, financier: { instruments: ['SUKUK'] } },
      'financier.instruments.0',
      /Invalid option/,
    ],
    [
      'a name of 201 characters',
      { ...sme, name: { fr: 'x'.repeat(201) } },
      'name.fr',
      /at most 200 characters/,
    ],
    [
      '11 sectors',
      { ...sme, sectors: ['01', '02', '03', '05', '06', '07', '08', '09', '10', '11', '12'] },
      'sectors',
      /at most 10 sectors/,
    ],
    [
      'a null byte in a name',
      { ...sme, name: { fr: 'Usinage\u0000Blida' } },
      'name.fr',
      /control or bidirectional/,
    ],
    [
      'a right-to-left override in a name',
      { ...sme, name: { ar: 'شركة\u202Efdp.exe' } },
      'name.ar',
      /control or bidirectional/,
    ],
    [
      'a founding year in the future',
      { ...sme, foundedYear: nextYear },
      'foundedYear',
      /not be in the future/,
    ],
    ['a founding year before 1800', { ...sme, foundedYear: 1799 }, 'foundedYear', /1800/],
    [
      'a bad email',
      { ...sme, contacts: [{ name: 'Karim', email: 'karim@' }] },
      'contacts.0.email',
      /not a valid email/,
    ],
    ['a contact without name', { ...sme, contacts: [{ name: '  ' }] }, 'contacts.0.name', /is required/],
    ['a javascript: website', { ...sme, website: 'javascript:alert(1)' }, 'website', /http\(s\) URL/],
    ['an ftp website', { ...sme, website: 'ftp://usinage-blida.dz' }, 'website', /http\(s\) URL/],
    [
      'an unknown process code',
      { ...sme, capabilities: [{ process: 'LASER_DANCING' }] },
      'capabilities.0.process',
      /Invalid option/,
    ],
    [
      'an unknown certification',
      { ...sme, certifications: ['ISO_0000'] },
      'certifications.0',
      /Invalid option/,
    ],
    ['a negative patent count', { ...sme, innovation: { patents: -1 } }, 'innovation.patents', /0/],
  ])('rejects %s', (_what, input, path, message) => {
    const issues = issuesOf(createOrganizationSchema, input);
    expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/\./g, '\\.')}: `)));
    expect(issues.find((i) => i.startsWith(`${path}: `))).toMatch(message);
  });

  it('fills defaults for what is left out', () => {
    const out = createOrganizationSchema.parse({ kind: 'SME', name: { fr: 'Atelier' }, country: 'DZ' });
    expect(out).toMatchObject({
      subtype: null,
      name: { ar: null, fr: 'Atelier', en: null },
      description: { ar: null, fr: null, en: null },
      regionCode: null,
      sectors: [],
      employeeBand: null,
      foundedYear: null,
      website: null,
      languages: [],
      certifications: [],
      innovation: { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
      capabilities: [],
      purchasingCategories: [],
      services: [],
      programmes: [],
      financier: null,
      contacts: [],
    });
  });

  it('fills the defaults inside nested blocks', () => {
    const out = createOrganizationSchema.parse({
      ...sme,
      innovation: { patents: 2 },
      capabilities: [{ process: 'WELDING' }],
    });
    expect(out.innovation).toEqual({
      rdActivity: false,
      patents: 2,
      utilityModels: 0,
      trademarks: 0,
      industrialDesigns: 0,
    });
    expect(out.capabilities).toEqual([
      { process: 'WELDING', materials: [], machines: [], monthlyCapacity: null, capacityUnit: null },
    ]);
    const fin = createOrganizationSchema.parse({ ...financier, financier: {} }).financier;
    expect(fin).toEqual({
      instruments: [],
      ticketMin: null,
      ticketMax: null,
      currency: null,
      targetSectors: [],
      targetCountries: [],
      stages: [],
    });
  });

  it('trims text and reads a blank region code as none', () => {
    const out = createOrganizationSchema.parse({
      ...sme,
      country: 'TN',
      regionCode: ' ',
      name: { fr: '  Usinage de Blida  ', en: '   ' },
      city: '',
    });
    expect(out).toMatchObject({ regionCode: null, name: { fr: 'Usinage de Blida', en: null }, city: null });
  });

  it('removes duplicates from code lists, keeping the first order', () => {
    const out = createOrganizationSchema.parse({
      ...financier,
      sectors: ['25', 'C', '25'],
      languages: ['ar', 'fr', 'ar'],
      certifications: ['ISO_9001', 'HALAL', 'ISO_9001'],
      financier: {
        instruments: ['MURABAHA', 'IJARA', 'MURABAHA'],
        targetSectors: ['C', 'C'],
        targetCountries: ['DZ', 'TN', 'DZ'],
        stages: ['GROWTH', 'GROWTH'],
      },
    });
    expect(out.sectors).toEqual(['25', 'C']);
    expect(out.languages).toEqual(['ar', 'fr']);
    expect(out.certifications).toEqual(['ISO_9001', 'HALAL']);
    expect(out.financier).toMatchObject({
      instruments: ['MURABAHA', 'IJARA'],
      targetSectors: ['C'],
      targetCountries: ['DZ', 'TN'],
      stages: ['GROWTH'],
    });
  });

  it('accepts its own output again, as merging an update with a stored profile needs', () => {
    for (const input of [sme, largeFirm, supportInstitution, financier, publicBody]) {
      const once = createOrganizationSchema.parse(input);
      expect(createOrganizationSchema.parse(once)).toEqual(once);
    }
  });

  it('reads the clock at validation time, not at start-up', () => {
    jest.useFakeTimers({ now: new Date(Date.UTC(nextYear + 1, 0, 1, 0, 30)), doNotFake: ['nextTick'] });
    try {
      expect(issuesOf(createOrganizationSchema, { ...sme, foundedYear: nextYear + 1 })).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('updateOrganizationSchema', () => {
  it('leaves out what the update does not mention, so merging keeps the stored values', () => {
    expect(updateOrganizationSchema.parse({ city: ' Boufarik ' })).toEqual({ city: 'Boufarik' });
  });

  it('turns an explicit null into the empty value', () => {
    expect(updateOrganizationSchema.parse({ capabilities: null, website: null })).toEqual({
      capabilities: [],
      website: null,
    });
  });

  it('still checks each field it carries', () => {
    expect(issuesOf(updateOrganizationSchema, { sectors: ['2511'], website: 'javascript:void(0)' })).toEqual([
      'sectors.0: unknown ISIC Rev.4 section or division "2511"',
      'website: must be an http(s) URL',
    ]);
  });

  it('cannot change the kind', () => {
    expect(updateOrganizationSchema.parse({ kind: 'FINANCIER' })).toEqual({});
  });
});
