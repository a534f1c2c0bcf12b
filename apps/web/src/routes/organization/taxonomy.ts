import type { TaxonomyItem } from '../../api/organization';
import type { Locale } from '../../i18n/locale';

/*
 * Taxonomy pickers show each entry in the interface language but find it by a word of any of its
 * three labels or its code: a French-speaking engineer typing « soudage » in the Arabic interface
 * still finds اللحام.
 */

export interface Choice {
  value: string;
  label: string;
  /** Every label and the code, folded for matching. */
  search: string;
}

/** Lower case, no Latin accents, no Arabic short vowels or tatweel, one form of alef, ya and ta marbuta. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}

/** The entries of one taxonomy, labelled in `locale`, searchable in the three languages. */
export function choicesOf(lists: Record<Locale, TaxonomyItem[] | undefined>, locale: Locale): Choice[] {
  const shown = lists[locale] ?? lists.ar ?? lists.fr ?? lists.en ?? [];
  const labels = new Map<string, string[]>();
  for (const list of Object.values(lists))
    for (const item of list ?? []) labels.set(item.code, [...(labels.get(item.code) ?? []), item.label]);
  return shown.map((item) => ({
    value: item.code,
    label: item.label,
    search: fold([item.code, ...(labels.get(item.code) ?? [item.label])].join(' ')),
  }));
}

/** Whether every word typed is found in one of the choice's labels. */
export function matches(choice: Choice, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => choice.search.includes(w));
}
