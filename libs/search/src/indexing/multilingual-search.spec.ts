import { randomBytes } from 'node:crypto';
import type { Index } from 'meilisearch';
import { AppError, meiliClient } from '#platform';
import type { OrganizationEntity } from '#directory';
import { normaliseQuery } from '../text/index.js';
import { organizationFilter } from '../query/filters.js';
import type { OrganizationSearchFilter } from '../query/search.types.js';
import { organizationDocument, type OrganizationDocument } from './documents.js';
import { organizationSettings } from './index-settings.js';
import { settled } from './meili-task.js';

/*
 * Runs the product's own text pipeline against the real Meilisearch: documents built by
 * organizationDocument(), the index configured by organizationSettings(), queries normalised by
 * normaliseQuery() and filters built by organizationFilter(), exactly as SearchService sends them.
 */

type Profile = Partial<Omit<OrganizationEntity, 'name' | 'description'>> & {
  id: string;
  name: Partial<OrganizationEntity['name']>;
  description?: Partial<OrganizationEntity['description']>;
};

function organisation(p: Profile): OrganizationEntity {
  const { name, description, ...rest } = p;
  return {
    externalRef: null,
    kind: 'SME',
    subtype: null,
    status: 'ACTIVE',
    country: 'DZ',
    regionCode: null,
    region: null,
    city: null,
    sectors: [],
    employeeBand: null,
    foundedYear: null,
    website: null,
    languages: [],
    certifications: [],
    innovation: { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
    capabilities: [],
    processes: [],
    purchasingCategories: [],
    services: [],
    programmes: [],
    financier: null,
    version: 1,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    updatedAt: new Date('2024-01-01T00:00:00Z'),
    archivedAt: null,
    ...rest,
    name: { ar: null, fr: null, en: null, ...name },
    description: { ar: null, fr: null, en: null, ...description },
  } as OrganizationEntity;
}

const ORGANISATIONS: OrganizationEntity[] = [
  // Arabic profiles.
  organisation({ id: 'ar-mechanics', name: { ar: 'الشركة الجزائرية للميكانيك' }, sectors: ['28'] }),
  organisation({
    id: 'ar-food',
    name: { ar: 'مؤسسة الصناعات الغذائية' },
    description: { ar: 'تعبئة وتغليف العصائر' },
    sectors: ['10'],
  }),
  organisation({
    id: 'ar-plastics',
    name: { ar: 'وحدة البلاستيك' },
    description: { ar: 'تصنيع الأكياس البلاستيكية للمحلات' },
    sectors: ['22'],
  }),
  organisation({
    id: 'ar-metals',
    name: { ar: 'مؤسسة توزيع المعادن' },
    description: { ar: 'مواد أولية كالحديد والنحاس' },
    sectors: ['24'],
  }),
  organisation({ id: 'ar-electronics', name: { ar: 'مصنع الإلكترونيات' }, sectors: ['26'] }),
  organisation({
    id: 'ar-car-parts',
    name: { ar: 'مؤسسة قطع غيار السيارات' },
    sectors: ['29'],
    country: 'MA',
  }),
  organisation({ id: 'ar-welding', name: { ar: 'ورشة لحام الهياكل' }, sectors: ['25'] }),
  organisation({ id: 'ar-subcontracting', name: { ar: 'شركة المناولة الصناعية' }, sectors: ['33'] }),
  organisation({
    id: 'ar-chemistry',
    name: { ar: 'مخبر الكيمياء التطبيقية' },
    sectors: ['20'],
    country: 'TN',
  }),
  // French profiles.
  organisation({ id: 'fr-mechanics', name: { fr: 'Société de Mécanique' }, sectors: ['28'] }),
  organisation({
    id: 'fr-factory',
    kind: 'LARGE_FIRM',
    name: { fr: "L'usine de Rouiba" },
    description: { fr: 'Une main d’œuvre qualifiée' },
    sectors: ['10'],
  }),
  organisation({ id: 'fr-cardboard', name: { fr: "Cartonnerie d'emballage" }, sectors: ['17'] }),
  organisation({
    id: 'fr-electronics',
    name: { fr: 'ELECTRONIQUE DU CENTRE' },
    description: { fr: 'Implantée dans la zone industrielle de Sétif' },
    sectors: ['26'],
  }),
  organisation({
    id: 'fr-coating',
    name: { fr: 'Galva Est' },
    description: { fr: 'Traitement des métaux' },
    sectors: ['25'],
  }),
  organisation({ id: 'fr-pharma', name: { fr: 'Laboratoire pharmaceutique du Sahel' }, sectors: ['21'] }),
  organisation({ id: 'fr-kitchens', name: { fr: 'Cuisines et meubles du Sud' }, sectors: ['31'] }),
  organisation({ id: 'fr-transport', name: { fr: 'Transport Express' }, sectors: ['49'] }),
  // English profiles.
  organisation({ id: 'en-machine-shop', name: { en: 'Atlas CNC Machine Shop' }, sectors: ['28'] }),
  organisation({
    id: 'en-hydraulics',
    kind: 'LARGE_FIRM',
    name: { en: 'Hydraulic Company of Oran' },
    description: { en: 'Engineering of pumps' },
    sectors: ['28'],
  }),
  organisation({
    id: 'en-welding',
    name: { en: 'Sahara Steelworks' },
    description: { en: 'Welding services' },
    sectors: ['25'],
  }),
  organisation({
    id: 'en-food',
    name: { en: 'Sahara Food Industry' },
    description: { en: 'Juice in plastic bottles' },
    sectors: ['10'],
  }),
  organisation({
    id: 'en-bank',
    kind: 'FINANCIER',
    subtype: 'DEVELOPMENT_BANK',
    name: { en: 'Industrial Development Bank' },
    sectors: ['64'],
    country: 'TN',
    financier: {
      instruments: ['LOAN'],
      ticketMin: 10_000,
      ticketMax: 500_000,
      currency: 'EUR',
      targetSectors: ['C'],
      targetCountries: ['TN', 'DZ'],
      stages: [],
    } as unknown as OrganizationEntity['financier'],
  }),
];

// [language, query, organisation id, whether it must be among the hits]
type Row = [string, string, string, boolean];

const ROWS: Row[] = [
  ['ar', 'ميكانيك', 'ar-mechanics', true],
  ['ar', 'صناعات غذائية', 'ar-food', true],
  ['ar', 'بلاستيك', 'ar-plastics', true],
  ['ar', 'بالبلاستيك', 'ar-plastics', true],
  ['ar', 'كالبلاستيك', 'ar-plastics', true],
  ['ar', 'أكياس بلاستيكية', 'ar-plastics', true],
  ['ar', 'والتغليف', 'ar-food', true],
  ['ar', 'فالحديد', 'ar-metals', true],
  ['ar', 'نحاس', 'ar-metals', true],
  ['ar', 'الكترونيات', 'ar-electronics', true],
  ['ar', 'سيارة', 'ar-car-parts', true],
  ['ar', 'لحام', 'en-welding', true],
  ['ar', 'مناولة', 'ar-subcontracting', true],
  ['ar', 'ميكنيك', 'ar-mechanics', true],
  ['ar', 'ميكانيك', 'ar-chemistry', false],
  ['ar', 'كيمياء', 'ar-mechanics', false],
  ['ar', 'صناعات غذائية', 'ar-mechanics', false],

  ['fr', 'mecanique', 'fr-mechanics', true],
  ['fr', 'usine', 'fr-factory', true],
  ['fr', 'usines', 'fr-factory', true],
  ['fr', 'l’usine', 'fr-factory', true],
  ['fr', 'oeuvre', 'fr-factory', true],
  ['fr', 'emballages', 'fr-cardboard', true],
  ['fr', 'électronique', 'fr-electronics', true],
  ['fr', 'industriel', 'fr-electronics', true],
  ['fr', 'métal', 'fr-coating', true],
  ['fr', 'pharmaceutiques', 'fr-pharma', true],
  ['fr', 'soudure', 'ar-welding', true],
  ['fr', 'soudure', 'en-welding', true],
  ['fr', 'sous-traitance', 'ar-subcontracting', true],
  ['fr', 'mécanique', 'ar-mechanics', true],
  ['fr', 'mecaniqe', 'fr-mechanics', true],
  ['fr', 'usine', 'fr-kitchens', false],
  ['fr', 'mecanique', 'fr-electronics', false],
  ['fr', 'port', 'fr-transport', false],

  ['en', 'machining', 'en-machine-shop', true],
  ['en', 'machines', 'en-machine-shop', true],
  ['en', 'companies', 'en-hydraulics', true],
  ['en', "company's", 'en-hydraulics', true],
  ['en', 'engineers', 'en-hydraulics', true],
  ['en', 'industries', 'en-food', true],
  ['en', 'bottle', 'en-food', true],
  ['en', 'plastics', 'en-food', true],
  ['en', 'welding', 'ar-welding', true],
  ['en', 'packaging', 'fr-cardboard', true],
  ['en', 'mechanics', 'ar-mechanics', true],
  ['en', 'subcontracting', 'ar-subcontracting', true],
  ['en', 'hydraulc', 'en-hydraulics', true],
  ['en', 'leather', 'en-welding', false],
  ['en', 'software', 'en-machine-shop', false],
  ['en', 'food', 'en-hydraulics', false],
];

describe('multilingual organisation search on a real Meilisearch index', () => {
  const meili = meiliClient(process.env.MEILI_HOST ?? '', process.env.MEILI_MASTER_KEY);
  const uid = `t${randomBytes(4).toString('hex')}_multilingual_organizations`;
  let index: Index<OrganizationDocument>;

  beforeAll(async () => {
    await settled(meili.createIndex(uid, { primaryKey: 'id' }));
    index = meili.index<OrganizationDocument>(uid);
    await settled(index.updateSettings(organizationSettings()));
    await settled(index.addDocuments(ORGANISATIONS.map(organizationDocument)));
  });
  afterAll(async () => {
    await meili.deleteIndexIfExists(uid);
  });

  const ids = async (query: string, filter: OrganizationSearchFilter | null = null): Promise<string[]> => {
    const res = await index.search(normaliseQuery(query), {
      filter: organizationFilter(filter),
      limit: 100,
    });
    return res.hits.map((h) => h.id);
  };

  it.each(ROWS)('[%s] %j finds %s: %s', async (_lang, query, id, found) => {
    const hits = await ids(query);
    if (found) expect(hits).toContain(id);
    else expect(hits).not.toContain(id);
  });

  it('has test rows for every language, including typos and rows that must not match', () => {
    for (const lang of ['ar', 'fr', 'en']) {
      const rows = ROWS.filter(([l]) => l === lang);
      expect(rows.filter(([, , , found]) => found).length).toBeGreaterThanOrEqual(10);
      expect(rows.filter(([, , , found]) => !found).length).toBeGreaterThanOrEqual(2);
    }
  });

  describe('filters built by organizationFilter()', () => {
    it('keeps only the wanted kinds', async () => {
      const hits = await ids('', { kinds: ['LARGE_FIRM'] });
      expect(hits.sort()).toEqual(
        ORGANISATIONS.filter((o) => o.kind === 'LARGE_FIRM')
          .map((o) => o.id)
          .sort(),
      );
    });

    it('matches a division through its ISIC section', async () => {
      const hits = await ids('', { sectors: ['C'] });
      expect(hits).toContain('ar-welding');
      expect(hits).toContain('fr-mechanics');
      // Section K (finance) is not manufacturing.
      expect(hits).not.toContain('en-bank');
    });

    it('matches a division by its own code only within that division', async () => {
      const hits = await ids('', { sectors: ['25'] });
      expect(hits.sort()).toEqual(['ar-welding', 'en-welding', 'fr-coating'].sort());
    });

    it('ANDs the lists and ORs the values of one list', async () => {
      const hits = await ids('', { countries: ['TN', 'MA'], sectors: ['C'] });
      expect(hits.sort()).toEqual(['ar-car-parts', 'ar-chemistry'].sort());
    });

    it('combines a query with filters', async () => {
      expect(await ids('soudure', { countries: ['DZ'] })).toEqual(
        expect.arrayContaining(['ar-welding', 'en-welding']),
      );
      expect(await ids('soudure', { kinds: ['FINANCIER'] })).toEqual([]);
    });

    it('filters financiers by the ticket range that contains an amount', async () => {
      expect(await ids('', { ticketAmount: 100_000 })).toEqual(['en-bank']);
      expect(await ids('', { ticketAmount: 1_000_000 })).toEqual([]);
    });

    it.each([
      ['countries', { countries: ['DZ" OR kind = "SME'] }],
      ['countries', { countries: ["'); DROP TABLE organization; --"] }],
      ['countries', { countries: ['DZ', 'TN] OR kind IN [SME'] }],
      ['sectors', { sectors: ['C" OR sectors EXISTS OR sectors = "C'] }],
      ['sectors', { sectors: ["'); DROP"] }],
      ['sectors', { sectors: ['25 OR 1=1'] }],
    ] as [string, OrganizationSearchFilter][])(
      'rejects a %s value that would change the filter syntax: %j',
      (field, filter) => {
        let error: unknown;
        try {
          organizationFilter(filter);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AppError);
        const app = error as AppError;
        expect(app.extensions.code).toBe('BAD_USER_INPUT');
        expect(app.extensions.fields).toEqual([
          { path: `filter.${field}`, message: expect.stringContaining('unknown code') },
        ]);
      },
    );

    it('rejects too many values in one list', () => {
      expect(() => organizationFilter({ countries: Array.from({ length: 51 }, () => 'DZ') })).toThrow(
        AppError,
      );
    });
  });
});
