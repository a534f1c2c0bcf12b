/*
 * The platform's languages, Arabic first: the interface, the mails, the reasons and the trilingual
 * texts of the directory all speak them. Pure: no Nest, no database, for the engines too.
 */

/** Languages for text content, labels and the interface. */
export const LANGS = ['ar', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Whether a value is one of the platform's languages. */
export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/**
 * The first of ar, fr, en named in an Accept-Language header (by its q weights), else French, the
 * forum's working language.
 */
export function langFromHeader(header: string | undefined): Lang {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((t) => isLang(t.lang) && t.q > 0)
    .sort((a, b) => b.q - a.q);
  return (tags[0]?.lang as Lang) ?? 'fr';
}
