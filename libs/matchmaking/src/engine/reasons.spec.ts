import { renderReason } from './reasons.js';
import type { Evidence } from './types.js';

const all = (evidence: Evidence) => ({
  ar: renderReason(evidence, 'ar'),
  fr: renderReason(evidence, 'fr'),
  en: renderReason(evidence, 'en'),
});

describe('renderReason', () => {
  it('names the wished-for wilaya in the three languages', () => {
    const r = all({ code: 'distance.preferred_region', params: { region: 'DZ-19' } });
    expect(r.fr).toMatch(/^Situé dans une wilaya que vous préférez \(.*Sétif.*\)$/);
    expect(r.en).toMatch(/^Located in a wilaya you prefer \(.*S[ée]tif.*\)$/);
    expect(r.ar).toMatch(/^يقع في ولاية تفضّلونها \(.*سطيف.*\)$/);
  });

  it('renders process evidence in Arabic, French and English, with plurals', () => {
    expect(all({ code: 'process.exact', params: { exact: ['MACHINING'] } })).toEqual({
      ar: 'يتقن العملية المطلوبة: التشغيل الميكانيكي',
      fr: 'Maîtrise le procédé demandé\u00a0: usinage',
      en: 'Offers the requested process: machining',
    });
    const two = all({ code: 'process.exact', params: { exact: ['MACHINING', 'WELDING'] } });
    expect(two.en).toBe('Offers the requested processes: machining and welding');
    expect(two.fr).toBe('Maîtrise les procédés demandés\u00a0: usinage et soudage');
    // The Arabic conjunction joins the next word.
    expect(two.ar).toBe('يتقن العمليات المطلوبة: التشغيل الميكانيكي واللحام');
  });

  it('names the related process and its family for partial credit', () => {
    const r = all({
      code: 'process.partial',
      params: {
        exact: [],
        relatedWanted: ['CNC_MACHINING'],
        relatedOffered: ['MACHINING'],
        missing: ['WELDING'],
      },
    });
    expect(r.en).toMatch(
      /^Offers machining, close to the requested CNC machining \(same family: .+\); Does not offer welding$/,
    );
    expect(r.fr).toContain('proche du procédé demandé');
    expect(r.ar).toContain('من نفس عائلة العملية المطلوبة');
  });

  it('renders places with the directory’s names', () => {
    expect(all({ code: 'distance.same_region', params: { region: 'DZ-16' } })).toEqual({
      ar: 'يقع في نفس الولاية (الجزائر)',
      fr: 'Situé dans la même wilaya (Alger)',
      en: 'Located in the same wilaya (Algiers)',
    });
    expect(
      renderReason({ code: 'hard.country', params: { country: 'FR', allowed: ['DZ', 'TN'] } }, 'en'),
    ).toBe('Country (France) outside the allowed countries: Algeria and Tunisia');
  });

  it('formats numbers the way each language writes them', () => {
    const e: Evidence = { code: 'capacity.short', params: { volume: 12000, capacity: 3000, percent: 25 } };
    expect(renderReason(e, 'en')).toBe(
      'A monthly capacity of 3,000 covers 25% of the requested volume of 12,000',
    );
    expect(renderReason(e, 'fr')).toBe(
      'Une capacité mensuelle de 3\u202f000 couvre 25\u00a0% du volume demandé de 12\u202f000',
    );
    expect(renderReason(e, 'ar')).toContain('تغطي 25% من الحجم المطلوب');
  });

  it('uses the Arabic counted-noun forms and French plurals', () => {
    const age = (n: number, lang: 'ar' | 'fr' | 'en') =>
      renderReason({ code: 'hard.min_age', params: { age: n, min: 5 } }, lang);
    expect(age(1, 'ar')).toBe('تأسست منذ سنة واحدة، أقل من الحد الأدنى البالغ 5 سنوات');
    expect(age(2, 'ar')).toContain('منذ سنتين');
    expect(age(1, 'fr')).toBe('Créée il y a 1 an, moins que le minimum de 5 ans');
    expect(age(1, 'en')).toBe('Founded 1 year ago, less than the minimum of 5 years');
    const members = (n: number) =>
      renderReason(
        { code: 'cluster.chain', params: { chain: 'WOOD_FURNITURE', country: 'DZ', region: null, size: n } },
        'ar',
      );
    expect(members(4)).toBe('سلسلة الخشب والأثاث، الجزائر: 4 أعضاء');
    expect(members(11)).toBe('سلسلة الخشب والأثاث، الجزائر: 11 عضوًا');
  });

  it('keeps proper nouns capitalised in English and lower-cases labels in French sentences', () => {
    const e: Evidence = { code: 'language.shared', params: { languages: ['fr', 'en'] } };
    expect(renderReason(e, 'en')).toBe('Shared working languages: French and English');
    expect(renderReason(e, 'fr')).toBe('Langues de travail communes\u00a0: français et anglais');
    expect(renderReason(e, 'ar')).toBe('لغات عمل مشتركة: الفرنسية والإنجليزية');
  });

  it('renders hard-criteria failures, financing and cluster reasons in every language', () => {
    const evidence: Evidence[] = [
      { code: 'hard.certification', params: { missing: ['ISO_9001'] } },
      { code: 'hard.region', params: { region: 'DZ-31', country: 'DZ', allowed: ['DZ-16'] } },
      { code: 'hard.min_employees', params: { band: '1-9', min: '10-49' } },
      { code: 'ticket.in_range', params: { amount: 250000, currency: 'EUR', min: 100000, max: 500000 } },
      { code: 'instrument.match', params: { instruments: ['MURABAHA'] } },
      {
        code: 'innovation.strong',
        params: { rdActivity: true, patents: 3, utilityModels: 0, industrialDesigns: 0 },
      },
      { code: 'cluster.gap', params: { division: '25', suppliesTo: ['28'], buysFrom: ['24'] } },
    ];
    for (const e of evidence) {
      const r = all(e);
      expect(new Set(Object.values(r)).size).toBe(3);
      expect(r.ar).toMatch(/[\u0600-\u06FF]/);
      expect(r.fr).not.toMatch(/[\u0600-\u06FF]/);
    }
    expect(renderReason(evidence[5], 'ar')).toBe('مؤسسة مبتكرة: نشاط بحث وتطوير، 3 براءات اختراع');
    expect(renderReason(evidence[5], 'en')).toBe('Innovative company: R&D activity, 3 patents');
  });

  it('falls back to the code for an unknown reason instead of failing', () => {
    expect(renderReason({ code: 'something.new', params: {} }, 'fr')).toBe('something.new');
    expect(renderReason({ code: 'materials.unspecified', params: {} }, 'en')).toBe(
      'Not specified in the request',
    );
  });
});
