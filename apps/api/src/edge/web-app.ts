import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

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
 * the app's own routes (`/org/…`, `/signin`) load on a reload or a shared link. Null when the app
 * has not been built.
 */
export async function webApp(dir: string = defaultWebDir()): Promise<RequestHandler | null> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const express = (await import('express')).default;
  const statics = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader('Content-Security-Policy', WEB_CSP);
      if (path.includes(`${join(dir, 'assets')}`))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    statics(req, res, () => {
      // Browsers' navigations say text/html; API clients asking for */* get the api's own 404.
      if (!req.headers.accept?.includes('text/html') || req.path.startsWith('/assets/')) return next();
      // Read each time: a rebuild (new asset names) is served without restarting the api.
      readFile(indexFile).then((index) => {
        res.setHeader('Content-Security-Policy', WEB_CSP);
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(index);
      }, next);
    });
  };
}
