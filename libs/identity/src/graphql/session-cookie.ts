import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The browser's session mode: the refresh token travels in an HttpOnly, SameSite=Strict cookie scoped
 * to the GraphQL path instead of the request and response bodies, so no script can read it. A request
 * asks for it with the header `x-tashbik-session: cookie` (a header the api's CORS rules do not allow
 * from other origins, so only same-origin pages can send it). Without the header nothing changes: API
 * clients pass and receive the refresh token as before.
 */
export const SESSION_HEADER = 'x-tashbik-session';
export const SESSION_COOKIE = 'tashbik_refresh';
const COOKIE_PATH = '/graphql';

type Req = IncomingMessage & { res?: ServerResponse };

export const wantsCookie = (req: Req | undefined): boolean =>
  String(req?.headers[SESSION_HEADER] ?? '').toLowerCase() === 'cookie';

/** The refresh token in the request's session cookie, if any. */
export function cookieToken(req: Req | undefined): string | null {
  for (const part of String(req?.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_.~-]+$/.test(value) ? value : null;
    }
  }
  return null;
}

/** True when the request names a loopback host, where a browser has no HTTPS to offer. */
function onLoopback(req: Req): boolean {
  const host = String(req.headers.host ?? '')
    .toLowerCase()
    .replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function setCookie(req: Req, value: string, maxAgeSeconds: number): void {
  const res = req.res;
  if (!res || res.headersSent) return;
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(onLoopback(req) ? [] : ['Secure']),
  ];
  const previous = res.getHeader('set-cookie');
  const others = (Array.isArray(previous) ? previous : previous ? [String(previous)] : []).filter(
    (c) => !c.startsWith(`${SESSION_COOKIE}=`),
  );
  res.setHeader('set-cookie', [...others, attributes.join('; ')]);
}

export function storeSessionCookie(req: Req | undefined, token: string, expiresAt: Date): void {
  if (req) setCookie(req, token, (expiresAt.getTime() - Date.now()) / 1000);
}

export function clearSessionCookie(req: Req | undefined): void {
  if (req) setCookie(req, '', 0);
}
