import v8 from 'node:v8';
import vm from 'node:vm';
import { createOpportunitySchema } from '../opportunity/opportunity.schema.js';
import { createOrganizationSchema } from '../organisation/organisation.schema.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../taxonomy/codes.js';
import { generateRecord, generateRecords, SEED_REFERENCE_DATE, type SeedRecord } from './index.js';
import { recordRng } from './random.js';
import { arCount, arLi, formatDate, frDe, joinList } from './text.js';

const take = (orgs: number, seed: number): SeedRecord[] => [...generateRecords({ orgs, seed })];
const ARABIC = /[\u0600-\u06FF]/;

describe('seed generator', () => {
  describe('determinism', () => {
    it('gives identical output for the same (orgs, seed)', () => {
      expect(JSON.stringify(take(300, 42))).toBe(JSON.stringify(take(300, 42)));
    });

    it('keeps a prefix stable: record i depends only on (seed, i)', () => {
      const long = generateRecords({ orgs: 50_000, seed: 7 });
      const first = [];
      for (const r of long) {
        first.push(r);
        if (first.length === 100) break;
      }
      expect(first).toEqual(take(100, 7));
      expect(generateRecord(7, 1234)).toEqual(generateRecord(7, 1234));
    });

    it('varies with the seed and numbers refs by seed and index', () => {
      const a = take(50, 1);
      const b = take(50, 2);
      expect(a.map((r) => r.organization.name)).not.toEqual(b.map((r) => r.organization.name));
      expect(a[3].ref).toBe('seed-1-3');
      expect(new Set(a.map((r) => r.ref)).size).toBe(50);
    });

    it('derives unrelated random streams for neighbouring indexes and seeds', () => {
      const draws = (seed: number, index: number) => {
        const rng = recordRng(seed, index);
        return [rng.next(), rng.next(), rng.next()];
      };
      expect(draws(1, 0)).not.toEqual(draws(1, 1));
      expect(draws(1, 0)).not.toEqual(draws(2, 0));
      expect(draws(-1, 0)).not.toEqual(draws(1, 0));
      expect(draws(2 ** 40, 0)).not.toEqual(draws(0, 0));
    });

    it('rejects invalid options', () => {
      expect(() => generateRecords({ orgs: -1, seed: 1 })).toThrow(RangeError);
      expect(() => generateRecords({ orgs: 1, seed: 1.5 })).toThrow(RangeError);
      expect(() => generateRecord(1, -1)).toThrow(RangeError);
      expect(take(0, 1)).toEqual([]);
    });
  });

  describe('validity', () => {
    it('produces records that all pass the organisation and opportunity schemas (first 2,000)', () => {
      let opportunities = 0;
      for (const r of generateRecords({ orgs: 2_000, seed: 1 })) {
        const org = createOrganizationSchema.safeParse(r.organization);
        if (!org.success) {
          console.error(
            r.ref,
            JSON.stringify(org.error.issues, null, 2),
            JSON.stringify(r.organization, null, 2),
          );
        }
        expect(org.success).toBe(true);
        for (const o of r.opportunities) {
          const opp = createOpportunitySchema.safeParse(o);
          if (!opp.success)
            console.error(r.ref, JSON.stringify(opp.error.issues, null, 2), JSON.stringify(o, null, 2));
          expect(opp.success).toBe(true);
          opportunities++;
        }
      }
      expect(opportunities).toBeGreaterThan(1_500);
    });

    it('keeps opportunity dates within 2027 and relative to the reference date', () => {
      expect(SEED_REFERENCE_DATE).toBe('2027-03-14');
      for (const r of generateRecords({ orgs: 1_000, seed: 3 })) {
        for (const o of r.opportunities) {
          expect(o.expiresAt! >= '2027-01-01' && o.expiresAt! <= '2027-12-31').toBe(true);
          if (o.deadline) expect(o.deadline.startsWith('2027-')).toBe(true);
        }
      }
    });
  });

  describe('realism', () => {
    let records: SeedRecord[] = [];
    beforeAll(() => {
      records = take(5_000, 11);
    });
    const byKind = (kind: OrganizationKind) => records.filter((r) => r.organization.kind === kind);

    it('follows the kind mix (70% SME, 10% large, 8% support, 7% financier, 5% public)', () => {
      const expected: Record<OrganizationKind, number> = {
        SME: 0.7,
        LARGE_FIRM: 0.1,
        SUPPORT_INSTITUTION: 0.08,
        FINANCIER: 0.07,
        PUBLIC_BODY: 0.05,
      };
      for (const kind of ORGANIZATION_KINDS) {
        const share = byKind(kind).length / records.length;
        expect(Math.abs(share - expected[kind])).toBeLessThan(0.025);
      }
    });

    it('places about 55% in Algeria with a wilaya, the big industrial wilayas first', () => {
      const dz = records.filter((r) => r.organization.country === 'DZ');
      expect(dz.length / records.length).toBeGreaterThan(0.5);
      expect(dz.length / records.length).toBeLessThan(0.62);
      expect(dz.every((r) => /^DZ-\d\d$/.test(r.organization.regionCode ?? ''))).toBe(true);
      const algiers = dz.filter((r) => r.organization.regionCode === 'DZ-16').length;
      const adrar = dz.filter((r) => r.organization.regionCode === 'DZ-01').length;
      expect(algiers).toBeGreaterThan(5 * adrar);
      const abroad = records.filter((r) => r.organization.country !== 'DZ');
      expect(abroad.every((r) => r.organization.regionCode == null && r.organization.region)).toBe(true);
    });

    it('gives at least 90% distinct names', () => {
      const names = records.map(
        (r) => r.organization.name.fr ?? r.organization.name.en ?? r.organization.name.ar,
      );
      expect(new Set(names).size / names.length).toBeGreaterThanOrEqual(0.9);
    });

    it('writes Arabic names in Arabic script and keeps about 15% partial content', () => {
      const arabic = records.filter((r) => r.organization.name.ar);
      expect(arabic.length).toBeGreaterThan(records.length * 0.8);
      for (const r of arabic) expect(r.organization.name.ar).toMatch(ARABIC);
      const partial = records.filter(
        (r) => !(r.organization.name.ar && r.organization.name.fr && r.organization.name.en),
      );
      expect(partial.length / records.length).toBeGreaterThan(0.1);
      expect(partial.length / records.length).toBeLessThan(0.2);
      for (const r of records)
        expect(Object.keys(r.organization.description ?? {})).toEqual(Object.keys(r.organization.name));
    });

    it('gives companies coherent capabilities and large firms purchasing categories and subcontracting calls', () => {
      for (const r of byKind('SME')) {
        const caps = r.organization.capabilities ?? [];
        expect(caps.length).toBeGreaterThanOrEqual(1);
        expect(caps.length).toBeLessThanOrEqual(4);
        for (const c of caps) expect(c.monthlyCapacity).toBeGreaterThan(0);
      }
      const large = byKind('LARGE_FIRM');
      expect(large.every((r) => (r.organization.purchasingCategories ?? []).length > 0)).toBe(true);
      expect(large.every((r) => ['250-999', '1000+'].includes(r.organization.employeeBand ?? ''))).toBe(true);
      const requests = large
        .flatMap((r) => r.opportunities)
        .filter((o) => o.type === 'SUBCONTRACTING_REQUEST');
      expect(requests.length).toBeGreaterThan(large.length * 0.8);
      expect(requests.every((o) => o.quantity && o.deadline && o.processes?.length)).toBe(true);
    });

    it('matches agri-food with food certifications and automotive with IATF, never machining with HACCP', () => {
      const companies = [...byKind('SME'), ...byKind('LARGE_FIRM')];
      for (const r of companies) {
        const processes = (r.organization.capabilities ?? []).map((c) => c.process);
        const certs = r.organization.certifications ?? [];
        if (certs.includes('HACCP'))
          expect(processes.some((p) => ['FOOD_PROCESSING', 'PACKAGING', 'LOGISTICS'].includes(p))).toBe(true);
        if (certs.includes('IATF_16949'))
          expect(r.organization.sectors?.some((s) => ['29', '26', '27', '22'].includes(s))).toBe(true);
      }
    });

    it('gives financiers instruments coherent with their subtype and a ticket range with a currency', () => {
      const fins = byKind('FINANCIER');
      expect(fins.length).toBeGreaterThan(0);
      const allowed: Record<string, string[]> = {
        ISLAMIC_FINANCE: ['MURABAHA', 'IJARA', 'MUSHARAKA', 'MUDARABA', 'ISTISNA', 'SALAM'],
        GUARANTEE_FUND: ['GUARANTEE'],
        INVESTMENT_FUND: ['EQUITY', 'MUSHARAKA'],
        LEASING: ['LEASING', 'IJARA'],
      };
      for (const r of fins) {
        const f = r.organization.financier!;
        expect(f.currency).toBeTruthy();
        expect(f.ticketMin!).toBeLessThanOrEqual(f.ticketMax!);
        const ok = allowed[r.organization.subtype ?? ''];
        if (ok) for (const i of f.instruments ?? []) expect(ok).toContain(i);
        expect(r.opportunities.every((o) => o.type === 'FINANCING_PROGRAMME' && o.amount && o.currency)).toBe(
          true,
        );
      }
    });

    it('posts opportunities that fit the kind', () => {
      const types = (kind: OrganizationKind) =>
        new Set(byKind(kind).flatMap((r) => r.opportunities.map((o) => o.type)));
      expect(
        [...types('SUPPORT_INSTITUTION')].every((t) =>
          ['PARTNERSHIP_REQUEST', 'TECHNOLOGY_OFFER'].includes(t),
        ),
      ).toBe(true);
      expect(types('SME').has('CAPABILITY_OFFER')).toBe(true);
      expect(types('SME').has('FINANCING_NEED')).toBe(true);
      expect(types('SME').has('SUBCONTRACTING_REQUEST')).toBe(false);
      expect(types('LARGE_FIRM').has('CAPABILITY_OFFER')).toBe(false);
    });
  });

  describe('text helpers', () => {
    it('merges Arabic and French prepositions with articles', () => {
      expect(arLi('الميكانيك الدقيقة')).toBe('للميكانيك الدقيقة');
      expect(arLi('سطيف')).toBe('لسطيف');
      expect(frDe('Oran')).toBe("d'Oran");
      expect(frDe('Le Caire')).toBe('du Caire');
      expect(frDe('le numérique')).toBe('du numérique');
      expect(frDe('Sétif')).toBe('de Sétif');
    });

    it('joins lists and writes counts and dates per language', () => {
      expect(joinList(['التشغيل الميكانيكي', 'اللحام'], 'ar')).toBe('التشغيل الميكانيكي واللحام');
      expect(joinList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
      expect(arCount(5, { ar: 'طن', arFew: 'أطنان' })).toBe('5 أطنان');
      expect(arCount(12000, { ar: 'قطعة', arFew: 'قطع' })).toBe('12,000 قطعة');
      expect(formatDate('2027-06-30', 'ar', true)).toBe('30 جوان 2027');
      expect(formatDate('2027-06-30', 'ar', false)).toBe('30 يونيو 2027');
      expect(formatDate('2027-06-01', 'fr', true)).toBe('1er juin 2027');
    });
  });

  it('streams 50,000 records without holding them', () => {
    // Expose V8's collector at run time, so the heap is measured without garbage that is merely uncollected.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let opportunities = 0;
    for (const r of generateRecords({ orgs: 50_000, seed: 99 })) {
      count++;
      opportunities += r.opportunities.length;
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(count).toBe(50_000);
    expect(opportunities).toBeGreaterThan(40_000);
    // Holding 50,000 records would take well over 100 MB; streaming keeps the heap where it was.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });
});
