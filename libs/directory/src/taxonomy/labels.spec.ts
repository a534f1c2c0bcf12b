import { LANGS, PROCESS_FAMILY } from './codes.js';
import { PROCESS_FAMILIES, VOCABULARIES, labelOf, type VocabularyName } from './labels.js';

const ARABIC = /\p{Script=Arabic}/u;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const vocabularies = Object.entries(VOCABULARIES) as [
  VocabularyName,
  (typeof VOCABULARIES)[VocabularyName],
][];
const everyLabel = vocabularies.flatMap(([name, { codes }]) =>
  codes.flatMap((code) => LANGS.map((lang) => [name, code, lang] as const)),
);

describe('vocabulary labels', () => {
  it('covers the eleven vocabularies', () => {
    expect(vocabularies.map(([name]) => name).sort()).toEqual(
      [
        'certification',
        'employeeBand',
        'instrument',
        'kind',
        'language',
        'opportunityStatus',
        'opportunityType',
        'process',
        'processFamily',
        'stage',
        'subtype',
      ].sort(),
    );
  });

  it.each(vocabularies)('%s labels exactly its codes', (_name, { codes, labels }) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
  });

  it('knows every process family used by PROCESS_FAMILY, and no other', () => {
    expect([...new Set(Object.values(PROCESS_FAMILY))].sort()).toEqual([...PROCESS_FAMILIES].sort());
  });

  it.each(everyLabel)('%s %s has a clean %s label', (name, code, lang) => {
    const label = VOCABULARIES[name].labels[code]?.[lang];
    expect(typeof label).toBe('string');
    expect(label.trim()).toBe(label);
    expect(label.length).toBeGreaterThan(0);
    expect(label).not.toMatch(CONTROL_OR_BIDI);
    if (lang === 'ar') expect(label).toMatch(ARABIC);
    else expect(label).not.toMatch(ARABIC);
  });

  it.each(vocabularies.flatMap(([name, v]) => LANGS.map((lang) => [name, lang, v] as const)))(
    '%s labels in %s are unique',
    (_name, lang, { codes, labels }) => {
      const seen = new Map<string, string>();
      for (const code of codes) {
        const label = labels[code][lang].toLocaleLowerCase(lang);
        expect({ code, clashesWith: seen.get(label) }).toEqual({ code, clashesWith: undefined });
        seen.set(label, code);
      }
    },
  );

  it.each([
    ['process', 'MACHINING', 'التشغيل الميكانيكي', 'Usinage', 'Machining'],
    ['process', 'CASTING', 'السباكة', 'Fonderie', 'Casting'],
    ['process', 'INJECTION_MOULDING', 'القولبة بالحقن', 'Moulage par injection', 'Injection moulding'],
    [
      'opportunityType',
      'SUBCONTRACTING_REQUEST',
      'طلب مناولة',
      'Demande de sous-traitance',
      'Subcontracting request',
    ],
    ['instrument', 'LEASING', 'اعتماد إيجاري', 'Crédit-bail', 'Leasing'],
    ['instrument', 'MURABAHA', 'مرابحة', 'Mourabaha (vente avec marge)', 'Murabaha (cost-plus sale)'],
    [
      'instrument',
      'ISTISNA',
      'استصناع',
      "Istisna'a (commande de fabrication)",
      "Istisna' (manufacturing contract)",
    ],
    ['employeeBand', '1-9', 'مصغرة (1–9)', 'Micro (1–9)', 'Micro (1–9)'],
    ['processFamily', 'METAL_FORMING', 'تحويل المعادن', 'Transformation des métaux', 'Metalworking'],
  ] as const)('labels %s %s', (name, code, ar, fr, en) => {
    expect([labelOf(name, code, 'ar'), labelOf(name, code, 'fr'), labelOf(name, code, 'en')]).toEqual([
      ar,
      fr,
      en,
    ]);
  });

  it('returns an unknown code unchanged, including names inherited from Object.prototype', () => {
    expect(labelOf('process', 'PLASMA_CUTTING', 'fr')).toBe('PLASMA_CUTTING');
    expect(labelOf('kind', 'toString', 'en')).toBe('toString');
    expect(labelOf('kind', '__proto__', 'ar')).toBe('__proto__');
  });
});
