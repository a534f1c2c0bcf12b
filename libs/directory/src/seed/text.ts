import type { Lang } from '../taxonomy/codes.js';

/**
 * Small grammar helpers for the generated Arabic, French and English text: prepositions that
 * merge with articles, list joining, numbers and dates written the way each language writes them.
 */

export type Tri = { ar: string; fr: string; en: string };

/** A content object with only the languages a record carries (partial content is intended). */
export type PartialTri = { ar?: string; fr?: string; en?: string };

export function only(langs: readonly Lang[], t: Tri): PartialTri {
  const out: PartialTri = {};
  for (const l of langs) out[l] = t[l];
  return out;
}

/** Builds a Tri from one function called for each language. */
export function each(f: (lang: Lang) => string): Tri {
  return { ar: f('ar'), fr: f('fr'), en: f('en') };
}

const FR_VOWEL = /^[aeiouyàâäéèêëîïôöûüœæ]/i;

/** French "de X": "d'Oran", "du Caire", "de la Marsa", "de Sétif". */
export function frDe(x: string): string {
  if (/^le /i.test(x)) return `du ${x.slice(3)}`;
  if (/^les /i.test(x)) return `des ${x.slice(4)}`;
  if (FR_VOWEL.test(x)) return `d'${x}`;
  return `de ${x}`;
}

/** French "à X" for places: "à Sétif", "au Caire". */
export function frA(x: string): string {
  if (/^le /i.test(x)) return `au ${x.slice(3)}`;
  if (/^les /i.test(x)) return `aux ${x.slice(4)}`;
  return `à ${x}`;
}

/** French noun with its definite article from a gender mark: "l'acier", "la fonte", "les dattes". */
export function frArticle(noun: string, g: 'm' | 'f' | 'p'): string {
  if (g === 'p') return `les ${noun}`;
  if (FR_VOWEL.test(noun)) return `l'${noun}`;
  return g === 'm' ? `le ${noun}` : `la ${noun}`;
}

/**
 * Arabic preposition لـ attached to a word; with the article ال it becomes لل:
 * "الميكانيك الدقيقة" gives "للميكانيك الدقيقة", "سطيف" gives "لسطيف".
 */
export function arLi(x: string): string {
  // "اللوجستيك" gives "للوجستيك": the article's lam merges with an initial lam.
  if (x.startsWith('الل')) return `لل${x.slice(3)}`;
  return x.startsWith('ال') ? `لل${x.slice(2)}` : `ل${x}`;
}

/** Arabic preposition بـ attached to a word: "بسطيف", "بالجزائر". */
export function arBi(x: string): string {
  return `ب${x}`;
}

/** "a, b et c" / "a, b and c" / "a وb وc" (Arabic repeats و, attached to the next word). */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length === 0) return '';
  if (lang === 'ar') return items.join(' و');
  if (items.length === 1) return items[0];
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 12000 as "12 000" (French), "12,000" (English, and Arabic with Western digits as used in the Maghreb). */
export function formatInt(n: number, lang: Lang): string {
  const digits = String(Math.round(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? ' ' : ',');
  return grouped;
}

/** Rounds to two significant digits, so capacities and amounts look like human estimates. */
export function niceRound(x: number, min = 1): number {
  if (x <= min) return min;
  const magnitude = 10 ** Math.floor(Math.log10(x) - 1);
  return Math.max(min, Math.round(x / magnitude) * magnitude);
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Month names of the Maghreb (from French) and of the Mashreq (from English). */
const MONTHS_AR_MAGHREB = [
  'جانفي',
  'فيفري',
  'مارس',
  'أفريل',
  'ماي',
  'جوان',
  'جويلية',
  'أوت',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const MONTHS_AR_MASHREQ = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];

/** A YYYY-MM-DD date in prose: "30 juin 2027", "30 June 2027", "30 جوان 2027". */
export function formatDate(iso: string, lang: Lang, maghreb: boolean): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months =
    lang === 'fr' ? MONTHS_FR : lang === 'en' ? MONTHS_EN : maghreb ? MONTHS_AR_MAGHREB : MONTHS_AR_MASHREQ;
  return `${lang === 'fr' && d === 1 ? '1er' : d} ${months[m - 1]} ${y}`;
}

const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Day number (days since 1970-01-01) to YYYY-MM-DD, by Howard Hinnant's civil-from-days algorithm. */
export function dayToIso(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Lower-case ASCII words joined by hyphens, for domains and e-mail addresses. */
export function slugify(s: string): string {
  // Most inputs are plain ASCII; Unicode normalisation is only needed for the others.
  if (/^[\x20-\x7e]*$/.test(s))
    return s
      .toLowerCase()
      .replace(/&/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return s
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[œŒ]/g, 'oe')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SMALL_WORDS = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'et',
  'd',
  'l',
  'of',
  'and',
  'the',
  'for',
  'en',
]);

/** Initials of the significant words: "Centre Technique des Industries Mécaniques" gives "ctim". */
export function acronym(s: string): string {
  return slugify(s)
    .split('-')
    .filter((w) => w && !SMALL_WORDS.has(w))
    .map((w) => w[0])
    .join('');
}

/** "12,000 قطعة", "5 أطنان": an Arabic count, with the plural after 3 to 10 (also 103 to 110, …). */
export function arCount(n: number, unit: { ar: string; arFew: string }): string {
  const rest = n % 100;
  const few = n >= 3 && (n <= 10 || (n > 100 && rest >= 3 && rest <= 10));
  return `${formatInt(n, 'ar')} ${few ? unit.arFew : unit.ar}`;
}
