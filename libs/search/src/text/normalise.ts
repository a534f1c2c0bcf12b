/**
 * Normalisation of organisation profiles and search queries for the extra "normalised" field in Meilisearch.
 *
 * Meilisearch already folds Arabic letter variants and diacritics but neither removes Arabic clitics nor stems,
 * so `ميكانيك` would not find `للميكانيك` and `usine` would not find `usines`. Documents and queries go through
 * exactly the same pipeline, and every token is normalised without looking at its neighbours, so identical words
 * always produce identical tokens whatever the surrounding text or language.
 *
 * Why hand-written light stemmers rather than the Snowball ones:
 * - Snowball Arabic stems loanwords inconsistently depending on the attached clitic (`بلاستيك` → `لاست` but
 *   `البلاستيك` → `بلاستيك`; `ميكانيك` → `ميك` but `للميكانيك` → `ميكانيك`), which defeats the purpose.
 * - Latin tokens carry no language tag (names mix French and English freely) and chaining the French and English
 *   Snowball stemmers breaks English plurals (`companies` → `compan` but `company` → `compani`). A light
 *   French/English stemmer that only removes inflections is predictable and conflates less.
 */

/** Bounds the work per request; the head of an overly long query is enough to rank results. */
const QUERY_MAX_LENGTH = 512;

/** Enough for the distinct vocabulary of a 50,000-profile import while keeping memory bounded. */
const STEM_CACHE_LIMIT = 50_000;

/** Arabic stems shorter than this are mostly root letters shared by unrelated words, so affixes stay on. */
const MIN_ARABIC_STEM = 3;

/** Latin stems shorter than this lose too much meaning (`using` → `us`). */
const MIN_LATIN_STEM = 3;

// Typographic and look-alike apostrophes are unified first so that `l’usine` elides like `l'usine`; the acute
// accent (U+00B4) must be replaced before NFKD turns it into a space and a combining mark.
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032\uFF07]/g;

// Combining marks cover Latin accents and Arabic harakat (NFKD also splits hamza seats into letter + mark);
// format characters (ZWNJ, bidi controls, soft hyphen) would otherwise split words; tatweel is a letter in Unicode.
const IGNORABLE = /[\p{M}\p{Cf}\u0640]/gu;

const FOLDS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0671': '\u0627', // ٱ (no canonical decomposition)
  '\u0624': '\u0648', // ؤ
  '\u0626': '\u064A', // ئ
  '\u0649': '\u064A', // ى
  '\u06CC': '\u064A', // Persian yeh
  '\u06A9': '\u0643', // Persian keheh
  '\u0629': '\u0647', // ة
  '\u0660': '0',
  '\u0661': '1',
  '\u0662': '2',
  '\u0663': '3',
  '\u0664': '4',
  '\u0665': '5',
  '\u0666': '6',
  '\u0667': '7',
  '\u0668': '8',
  '\u0669': '9',
  '\u06F0': '0',
  '\u06F1': '1',
  '\u06F2': '2',
  '\u06F3': '3',
  '\u06F4': '4',
  '\u06F5': '5',
  '\u06F6': '6',
  '\u06F7': '7',
  '\u06F8': '8',
  '\u06F9': '9',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};
const FOLDABLE =
  /[\u0622\u0623\u0625\u0671\u0624\u0626\u0649\u06CC\u06A9\u0629\u0660-\u0669\u06F0-\u06F9œæßøđłı]/g;
const fold = (char: string): string => FOLDS[char] ?? char;

// Words are runs of one script so that `usineمصنع` yields two tokens: Arabic letters; Latin letters and digits
// (with inner apostrophes kept for elision handling); letters of any other script.
const TOKEN =
  /([^\P{L}\P{Script=Arabic}]+)|([\p{Script=Latin}\p{N}]+(?:'[\p{Script=Latin}\p{N}]+)*)|([^\P{L}\p{Script=Arabic}\p{Script=Latin}]+)/gu;

const TRAILING_PARTIAL_WORD = /\s\S*$/;
const NON_SPACE = /\S/;

// Function words carry no meaning for matching profiles; removing them on both sides keeps multi-word queries
// from failing on a preposition the profile phrased differently. `علي` (على) is kept: it is also a first name,
// and `الي` (إلى) is kept because it is also `آلي` (automatic).
const STOP_WORDS: ReadonlySet<string> = new Set([
  'و',
  'في',
  'من',
  'عن',
  'مع',
  'او',
  'ثم',
  'ان',
  'قد',
  'التي',
  'الذي',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'a',
  'au',
  'aux',
  'avec',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'la',
  'le',
  'les',
  'par',
  'pour',
  'sur',
  'un',
  'une',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'the',
  'to',
  'with',
]);

/** Elided French words (`l'`, `qu'`, `jusqu'` …) are articles, pronouns or conjunctions. */
const ELISIONS: ReadonlySet<string> = new Set([
  'c',
  'd',
  'j',
  'l',
  'm',
  'n',
  's',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

// A preposition or conjunction clitic fused with the article; longest first so `وال` wins over `و`.
// Bare `ب ك ف ل` are never removed: too many loanwords and roots start with them (بلاستيك، كهرباء، لحام).
const ARTICLE_PREFIXES = ['وبال', 'وكال', 'ولل', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const ARTICLE = 'ال';
const CONJUNCTION = 'و';

// Larkey's light10 suffixes after folding (ة → ه), plus a final hamza so `كهرباء` meets `كهربائية`.
// They are removed repeatedly so that `خزانات` and `خزان` end up identical.
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي', 'ء'] as const;

// The feminine singular and plural markers may leave two letters, otherwise short nouns such as `آلة` and
// `آلات` would never meet.
const SHORT_STEM_SUFFIXES: ReadonlySet<string> = new Set(['ات', 'ه']);

const LATIN_WORD = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
const DOUBLE_CONSONANT = /([b-df-hj-np-tv-z])\1$/;

/** Irregular French plurals that the `-aux` → `-al` rule would get wrong. */
const LATIN_IRREGULARS: ReadonlyMap<string, string> = new Map([
  ['travaux', 'travail'],
  ['materiaux', 'materiau'],
  ['emaux', 'email'],
  ['baux', 'bail'],
]);

// French feminine forms are mapped to the masculine so `zone industrielle` meets `industriel`.
const FEMININE_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['trice', 'teur'],
  ['euse', 'eur'],
  ['elle', 'el'],
  ['enne', 'en'],
  ['ive', 'if'],
  ['ere', 'er'],
];

const stemCache = new Map<string, string>();

function cachedStem(token: string, stem: (word: string) => string): string {
  const hit = stemCache.get(token);
  if (hit !== undefined) return hit;
  const result = stem(token);
  if (stemCache.size >= STEM_CACHE_LIMIT) {
    // Map iteration order is insertion order, so this evicts the oldest entry.
    const oldest = stemCache.keys().next();
    if (!oldest.done) stemCache.delete(oldest.value);
  }
  stemCache.set(token, result);
  return result;
}

function stemArabic(word: string): string {
  if (STOP_WORDS.has(word)) return '';
  let w = word;

  let hadArticle = false;
  for (const prefix of ARTICLE_PREFIXES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= MIN_ARABIC_STEM) {
      w = w.slice(prefix.length);
      hadArticle = true;
      break;
    }
  }
  // Folding hamza makes `إلكترونيات` start with `ال`, so it loses those letters on its own; doing the same
  // after a real article keeps `الإلكترونيات` consistent with it.
  if (hadArticle && w.startsWith(ARTICLE) && w.length - ARTICLE.length >= MIN_ARABIC_STEM) {
    w = w.slice(ARTICLE.length);
  }
  // The conjunction is dropped wherever it sits so that `ولاية`, `الولاية` and `وولاية` agree.
  while (w.startsWith(CONJUNCTION) && w.length - 1 >= MIN_ARABIC_STEM) w = w.slice(1);

  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of ARABIC_SUFFIXES) {
      const minStem = SHORT_STEM_SUFFIXES.has(suffix) ? MIN_ARABIC_STEM - 1 : MIN_ARABIC_STEM;
      if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
        w = w.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return w;
}

function hasStemBefore(word: string, suffixLength: number): boolean {
  const stem = word.slice(0, -suffixLength);
  return stem.length >= MIN_LATIN_STEM && VOWEL.test(stem);
}

function undouble(word: string): string {
  return word.length > MIN_LATIN_STEM && DOUBLE_CONSONANT.test(word) ? word.slice(0, -1) : word;
}

function stemLatin(word: string): string {
  if (STOP_WORDS.has(word)) return '';
  if (word.length < 4 || !LATIN_WORD.test(word)) return word;
  let w = LATIN_IRREGULARS.get(word) ?? word;

  // Plurals. `-ies` and a final `-y` both become `-i` so `companies`/`company` and `industries`/`industrie` meet.
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith('eaux') || w.endsWith('yaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length > 4) w = `${w.slice(0, -2)}l`;
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);

  // English inflections, only when a plausible stem remains (`string` and `need` stay whole).
  if (w.endsWith('ing') && hasStemBefore(w, 3)) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && hasStemBefore(w, 2)) w = undouble(w.slice(0, -2));

  for (const [ending, masculine] of FEMININE_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= MIN_LATIN_STEM) {
      w = w.slice(0, -ending.length) + masculine;
      break;
    }
  }

  // Twice, for `employee` and the accent-stripped `employée`.
  if (w.endsWith('e') && w.length > MIN_LATIN_STEM) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > MIN_LATIN_STEM) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > MIN_LATIN_STEM) w = `${w.slice(0, -1)}i`;
  return undouble(w);
}

function pushLatin(token: string, out: string[]): void {
  if (!token.includes("'")) {
    const stem = cachedStem(token, stemLatin);
    if (stem) out.push(stem);
    return;
  }
  const parts = token.split("'");
  const last = parts.length - 1;
  for (let i = 0; i <= last; i++) {
    const part = parts[i];
    if (i < last && ELISIONS.has(part)) continue;
    // English possessive: `company's`.
    if (i === last && part === 's') continue;
    const stem = cachedStem(part, stemLatin);
    if (stem) out.push(stem);
  }
}

/**
 * Returns the space-separated normalised tokens of `text`, in their original order so that Meilisearch's
 * proximity ranking still works on the normalised field.
 */
export function normaliseText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const folded = text
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .normalize('NFKD')
    .replace(IGNORABLE, '')
    .replace(FOLDABLE, fold);

  const out: string[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    const [, arabic, latin, other] = match;
    if (arabic !== undefined) {
      const stem = cachedStem(arabic, stemArabic);
      if (stem) out.push(stem);
    } else if (latin !== undefined) {
      pushLatin(latin, out);
    } else if (other !== undefined) {
      out.push(other);
    }
  }
  return out.join(' ');
}

/**
 * Normalises a user's query exactly like a document, after capping its length. Never throws: any input,
 * including non-strings reaching us from untyped callers, yields a (possibly empty) string.
 */
export function normaliseQuery(q: string): string {
  if (typeof q !== 'string' || q.length === 0) return '';
  let text = q;
  if (text.length > QUERY_MAX_LENGTH) {
    text = text.slice(0, QUERY_MAX_LENGTH);
    // A word cut in half would produce a token no document contains.
    if (NON_SPACE.test(q.charAt(QUERY_MAX_LENGTH))) {
      const cut = text.search(TRAILING_PARTIAL_WORD);
      if (cut > 0) text = text.slice(0, cut);
    }
  }
  try {
    return normaliseText(text);
  } catch {
    return '';
  }
}
