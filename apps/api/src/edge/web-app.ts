import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The policy of the web app's pages: scripts, styles, fonts and data from the api's own origin only,
 * no inline script, no framing. Styles may be inline because the component library sets its CSS
 * variables and some sizes through `style` attributes; no script can be.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Paths the api answers itself (GraphQL, health, the forum's agenda files and feeds, the mail
 * unsubscribe address); the web app has none of its own there.
 */
const API_PATHS = /^\/(graphql|health|forum|mail|admin)(\/|$)/;

/** `route-preloads.json`, written by the web build (apps/web/routePreloads.ts). */
export interface RoutePreloads {
  routes: { pattern: string; modules: string[]; styles: string[]; messages: Record<string, string[]> }[];
  catalogues: Record<string, string[]>;
}

const LANGUAGES = ['ar', 'fr', 'en'];

/** The app's language for an Accept-Language header: the first it speaks by preference, else Arabic (as the app chooses). */
export function languageOf(acceptLanguage: string | undefined): string {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return tags.find((t) => LANGUAGES.includes(t.base))?.base ?? 'ar';
}

/**
 * The `<link>` tags naming what the page at `path` fetches after the entry chunk (its chunks, style
 * sheets, and messages in the language the browser asks for first), so the browser fetches them at
 * once. Empty for the pages the build lists none for.
 */
export function preloadLinks(
  preloads: RoutePreloads,
  path: string,
  acceptLanguage: string | undefined,
): string {
  const route = preloads.routes.find((r) => new RegExp(r.pattern).test(path));
  if (!route) return '';
  const language = languageOf(acceptLanguage);
  const safe = (href: string) => /^\/assets\/[\w.-]+$/.test(href);
  const modules = [
    ...(preloads.catalogues[language] ?? []),
    ...route.modules,
    ...(route.messages[language] ?? []),
  ];
  return [
    ...route.styles.filter(safe).map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
    ...modules.filter(safe).map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ].join('');
}

/** The folder `npm run build:web` writes: `dist/web` under the project root (the folder with package.json). */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist/web');
    const up = dirname(dir);
    if (up === dir) return resolve('dist/web');
    dir = up;
  }
}

/**
 * Serves the built web app: files under `dir` (hashed assets cached for a year, the rest
 * revalidated), and `index.html` for any other GET that accepts HTML and is not an api path, so
 * the app's own routes (`/org/…`, `/signin`) load on a reload or a shared link. The build writes a
 * Brotli (`.br`) and a gzip (`.gz`) copy beside each script, style sheet and font (vite.config.ts):
 * a browser that accepts one gets it (`Content-Encoding`, `Vary: Accept-Encoding`), about a fifth of
 * the bytes; the copies are found when the api starts. The index.html of a page the build lists in
 * `route-preloads.json` names that page's chunks in modulepreload links (`preloadLinks`). Null when
 * the app has not been built.
 */
export async function webApp(dir: string = defaultWebDir()): Promise<RequestHandler | null> {
  const indexFile = join(dir, 'index.html');
  const preloadsFile = join(dir, 'route-preloads.json');
  if (!existsSync(indexFile)) return null;
  const statics = expressStaticGzip(dir, {
    index: false,
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    serveStatic: {
      index: false,
      fallthrough: true,
      setHeaders(res, path) {
        res.setHeader('Content-Security-Policy', WEB_CSP);
        if (path.includes(`${join(dir, 'assets')}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    statics(req, res, () => {
      // Browsers' navigations say text/html; API clients asking for */* get the api's own 404.
      if (!req.headers.accept?.includes('text/html') || req.path.startsWith('/assets/')) return next();
      // Read each time: a rebuild (new asset names) is served without restarting the api.
      Promise.all([
        readFile(indexFile, 'utf8'),
        readFile(preloadsFile, 'utf8').then(
          (text) => JSON.parse(text) as RoutePreloads,
          () => null,
        ),
      ]).then(([index, preloads]) => {
        const links = preloads ? preloadLinks(preloads, req.path, req.headers['accept-language']) : '';
        res.setHeader('Content-Security-Policy', WEB_CSP);
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Vary', 'Accept-Language');
        res.type('html').send(links ? index.replace('</head>', `${links}</head>`) : index);
      }, next);
    });
  };
}
