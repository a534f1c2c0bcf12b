import { normaliseQuery, normaliseText } from './normalise.js';
import { normalisedSynonyms, SEARCH_SYNONYMS, SYNONYM_GROUPS } from './synonyms.js';

const tokensOf = (normalised: string): string[] => normalised.split(' ').filter((t) => t.length > 0);

/** A document matches when every normalised query token is among the normalised document tokens. */
function matches(query: string, document: string): boolean {
  const queryTokens = tokensOf(normaliseQuery(query));
  const documentTokens = new Set(tokensOf(normaliseText(document)));
  return queryTokens.length > 0 && queryTokens.every((t) => documentTokens.has(t));
}

type Row = [query: string, document: string, shouldMatch: boolean];

const ARABIC: Row[] = [
  ['ميكانيك', 'الشركة الجزائرية للميكانيك', true],
  ['صناعات غذائية', 'الصناعات الغذائية', true],
  ['بلاستيك', 'البلاستيك', true],
  ['البلاستيك', 'تصنيع الأكياس بالبلاستيك', true],
  ['بالبلاستيك', 'بلاستيك', true],
  ['أكياس بلاستيكية', 'الأكياس البلاستيكية', true],
  ['تغليف', 'الطباعة والتغليف', true],
  ['والتغليف', 'تغليف', true],
  ['حديد', 'فالحديد', true],
  ['نسيج', 'كالنسيج', true],
  ['الصناعة', 'صناعات', true],
  ['صناعي', 'منطقة صناعية', true],
  ['مهندس', 'مكتب المهندسين', true],
  ['سيارة', 'قطع غيار السيارات', true],
  ['الكترونيات', 'صناعة الإلكترونيات', true],
  ['إلكترونية', 'الالكترونيات', true],
  ['كهرباء', 'معدات كهربائية', true],
  ['الجزائر', 'الشركة الجزائرية', true],
  ['ولاية', 'الولاية', true],
  ['آلات', 'الآلة', true],
  ['شركة', 'شركات', true],
  ['مَصْنَع', 'مصنع', true],
  ['مصنع', 'مـــصـــنع', true],
  ['أدوية', 'ادوية', true],
  ['مكتبة', 'مكتبه', true],
  ['مستشفى', 'مستشفي', true],
  ['٢٠٢٤', 'تأسست سنة 2024', true],
  ['مال', 'الشركة الجزائرية للميكانيك', false],
  ['مال', 'الميكانيك', false],
  ['حديد', 'الحدادة', false],
  ['نسيج', 'نسخ', false],
  ['ميكانيك', 'الكيمياء', false],
];

const FRENCH: Row[] = [
  ['mecanique', 'Société de Mécanique', true],
  ['usine', "l'usine", true],
  ['usine', 'l’usine de Rouiba', true],
  ['usines', 'usine', true],
  ['usine', "jusqu'à l'usine", true],
  ['emballage', "fabrication d'emballage", true],
  ['emballages', 'd’emballage', true],
  ['électronique', 'electronique', true],
  ['electronique', 'ÉLECTRONIQUE INDUSTRIELLE', true],
  ['plastiques', 'injection plastique', true],
  ['industriel', 'zone industrielle', true],
  ['métal', 'traitement des métaux', true],
  ['sociétés', 'Société', true],
  ['réseaux', 'réseau', true],
  ['tuyaux', 'tuyau', true],
  ['sous-traitance', 'Sous-traitance mécanique', true],
  ['oeuvre', 'main d’œuvre', true],
  ['exportateur', 'entreprise exportatrice', true],
  ['pharmaceutique', 'laboratoires pharmaceutiques', true],
  ['usine de plastique', 'Plastique Usine SARL', true],
  ['port', 'transport', false],
  ['usine', 'cuisine', false],
  ['mecanique', 'électronique', false],
];

const ENGLISH: Row[] = [
  ['machines', 'machine', true],
  ['machine', 'CNC machines', true],
  ['machining', 'machine shop', true],
  ['companies', 'company', true],
  ['industries', 'industry', true],
  ['welding', 'welded steel frames', true],
  ['packaging', 'package', true],
  ['boxes', 'cardboard box', true],
  ['company', 'the company’s plant', true],
  ['engineering', 'engineers', true],
  ['shipping', 'ships', true],
  ['textiles', 'Textile', true],
  ['electronics', 'ELECTRONIC', true],
  ['processes', 'process control', true],
  ['port', 'transport', false],
  ['cast', 'broadcast', false],
  ['art', 'cartons', false],
];

const MIXED: Row[] = [
  ['Sonatrach سوناطراك', 'مؤسسة سوناطراك Sonatrach SPA', true],
  ['usine مصنع', 'Usine / مصنع', true],
  ['ISO 9001', 'certifiée ISO-9001:2015', true],
  ['', 'anything', false],
  ['!!!', 'anything', false],
];

describe('normalised query tokens are a subset of normalised document tokens', () => {
  it.each(ARABIC)('Arabic: %s in %s → %s', (query, document, shouldMatch) => {
    expect(matches(query, document)).toBe(shouldMatch);
  });
  it.each(FRENCH)('French: %s in %s → %s', (query, document, shouldMatch) => {
    expect(matches(query, document)).toBe(shouldMatch);
  });
  it.each(ENGLISH)('English: %s in %s → %s', (query, document, shouldMatch) => {
    expect(matches(query, document)).toBe(shouldMatch);
  });
  it.each(MIXED)('Mixed: %s in %s → %s', (query, document, shouldMatch) => {
    expect(matches(query, document)).toBe(shouldMatch);
  });
});

describe('normaliseText', () => {
  it.each([
    ['الشركة الجزائرية للميكانيك', 'شرك جزاير ميكانيك'],
    ['Société de Mécanique', 'societ mecaniqu'],
    ["l'usine d’emballage", 'usin emballag'],
    ['usineمصنع', 'usin مصنع'],
    ['٠١٢٣٤ ۵۶', '01234 56'],
  ])('normalises %s to %s', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  it('keeps the word order of the document', () => {
    expect(tokensOf(normaliseText('usines de machines et emballages'))).toEqual([
      'usin',
      'machin',
      'emballag',
    ]);
  });
});

describe('normaliseQuery robustness', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['punctuation', '!?.,;:()[]{}«»"\'-–—/\\،؛؟'],
    ['emoji', '🏭🔧👍🏽'],
    ['lone surrogates', '\uD800\uDFFF\uDC00'],
    ['diacritics only', '\u064E\u0650\u0651\u0301'],
  ])('returns an empty string for %s', (_label, input) => {
    expect(normaliseQuery(input)).toBe('');
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(normaliseQuery(undefined as unknown as string)).toBe('');
    expect(normaliseQuery(42 as unknown as string)).toBe('');
    expect(normaliseText(null as unknown as string)).toBe('');
  });

  it('keeps words next to emoji and digits as tokens', () => {
    expect(normaliseQuery('🏭 usines 2024')).toBe('usin 2024');
  });

  it('caps very long input without emitting a truncated word', () => {
    const query = 'mécanique '.repeat(1000);
    expect(query.length).toBe(10_000);
    const tokens = tokensOf(normaliseQuery(query));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.length).toBeLessThanOrEqual(52);
    expect(tokens.every((t) => t === 'mecaniqu')).toBe(true);
    expect(normaliseQuery('x'.repeat(10_000)).length).toBeLessThanOrEqual(512);
  });

  it('handles mixed Arabic and Latin input', () => {
    expect(normaliseQuery('تصنيع Emballages والتغليف 3D')).toBe('تصنيع emballag تغليف 3d');
  });

  it('normalises a document and an identical query identically', () => {
    const text = 'Entreprise de fabrication d’emballages — مصنع التغليف والطباعة بالبلاستيك';
    expect(normaliseQuery(text)).toBe(normaliseText(text));
  });

  it('is fast enough for a bulk import', () => {
    const profile =
      'الشركة الجزائرية للصناعات الغذائية والتغليف بالبلاستيك، Société Algérienne de Mécanique et d’Emballages, CNC machining and welding services ';
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) normaliseText(`${profile}${i}`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('synonyms', () => {
  const expectSymmetric = (synonyms: Record<string, string[]>): void => {
    for (const [term, others] of Object.entries(synonyms)) {
      expect(term).not.toBe('');
      expect(others.length).toBeGreaterThan(0);
      expect(new Set(others).size).toBe(others.length);
      expect(others).not.toContain(term);
      for (const other of others) expect(synonyms[other] ?? []).toContain(term);
    }
  };

  it('covers at least 30 trilingual groups', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(30);
    const arabic = /[\u0600-\u06FF]/;
    for (const group of SYNONYM_GROUPS) expect(group.some((t) => arabic.test(t))).toBe(true);
  });

  it('maps every term of a group to all the others', () => {
    expectSymmetric(SEARCH_SYNONYMS);
    expect(SEARCH_SYNONYMS['welding']).toEqual(expect.arrayContaining(['soudure', 'soudage', 'لحام']));
    expect(SEARCH_SYNONYMS['ijara']).toEqual(expect.arrayContaining(['leasing', 'crédit-bail', 'إيجار']));
  });

  it('adds the normalised forms symmetrically and stays small', () => {
    const synonyms = normalisedSynonyms();
    expectSymmetric(synonyms);
    for (const term of Object.keys(SEARCH_SYNONYMS)) expect(synonyms[term]).toBeDefined();
    expect(synonyms['soudur']).toEqual(expect.arrayContaining(['weld', 'لحام', 'welding']));
    expect(synonyms[normaliseText('صناعات غذائية')]).toContain(normaliseText('agroalimentaire'));
    expect(Object.keys(synonyms).length).toBeLessThan(2000);
    for (const [term, others] of Object.entries(synonyms)) {
      expect(term.trim()).toBe(term);
      for (const other of others) expect(other.trim()).not.toBe('');
    }
  });
});
