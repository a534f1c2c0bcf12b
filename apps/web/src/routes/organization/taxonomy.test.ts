// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { choicesOf, fold, matches } from './taxonomy';

const lists = {
  ar: [
    { code: 'WELDING', label: 'اللحام', parent: null },
    { code: 'CNC_MACHINING', label: 'التشغيل الآلي بالتحكم الرقمي', parent: null },
  ],
  fr: [
    { code: 'WELDING', label: 'Soudage', parent: null },
    { code: 'CNC_MACHINING', label: 'Usinage à commande numérique', parent: null },
  ],
  en: [
    { code: 'WELDING', label: 'Welding', parent: null },
    { code: 'CNC_MACHINING', label: 'CNC machining', parent: null },
  ],
};

describe('taxonomy pickers', () => {
  it('label entries in the interface language', () => {
    expect(choicesOf(lists, 'ar').map((c) => c.label)).toEqual(['اللحام', 'التشغيل الآلي بالتحكم الرقمي']);
    expect(choicesOf(lists, 'fr').map((c) => c.label)).toEqual(['Soudage', 'Usinage à commande numérique']);
  });

  it('find an entry by a word of any language, accents and short vowels aside', () => {
    const ar = choicesOf(lists, 'ar');
    const found = (q: string) => ar.filter((c) => matches(c, q)).map((c) => c.value);
    expect(found('soudage')).toEqual(['WELDING']);
    expect(found('welding')).toEqual(['WELDING']);
    expect(found('Usinage numerique')).toEqual(['CNC_MACHINING']);
    expect(found('اللِّحام')).toEqual(['WELDING']);
    expect(found('الالي')).toEqual(['CNC_MACHINING']);
    expect(found('cnc')).toEqual(['CNC_MACHINING']);
    expect(found('plastique')).toEqual([]);
  });

  it('fold Arabic letter forms and Latin accents', () => {
    expect(fold('إدارة')).toBe('اداره');
    expect(fold('Éléctricité')).toBe('electricite');
  });

  it('show what a missing language lacks in another one', () => {
    expect(choicesOf({ ar: undefined, fr: lists.fr, en: undefined }, 'ar').map((c) => c.label)).toEqual([
      'Soudage',
      'Usinage à commande numérique',
    ]);
  });
});
