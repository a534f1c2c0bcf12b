import type { IncomingMessage } from 'node:http';
import type { Viewer } from '#identity';
import type { Lang } from '../taxonomy/codes.js';

/** What every resolver receives as GraphQL context. */
export interface GqlContext {
  req: IncomingMessage;
  requestId: string;
  /** From `Accept-Language`, used when a query gives no `lang` argument. */
  lang: Lang;
  /** The signed-in user, or null for an anonymous request. */
  viewer: Viewer | null;
}

/** The first of ar, fr, en named in an Accept-Language header, else French (the forum's working language). */
export function langFromHeader(header: string | undefined): Lang {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((t) => ['ar', 'fr', 'en'].includes(t.lang) && t.q > 0)
    .sort((a, b) => b.q - a.q);
  return (tags[0]?.lang as Lang) ?? 'fr';
}
