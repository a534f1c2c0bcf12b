import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, MeilisearchError, MeilisearchRequestError } from 'meilisearch';

/** The `httpClient` option of the `meilisearch` client: called with the URL and the RequestInit it built. */
export type MeiliHttpClient = (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;

export interface MeiliTransport {
  httpClient: MeiliHttpClient;
  /** Closes the idle keep-alive connections. */
  close(): void;
}

export interface MeiliTransportOptions {
  /** Connections kept per host (default 64). */
  maxSockets?: number;
  /**
   * An idle connection is closed after this long (default 4 s), before Meilisearch closes it
   * itself (after 5 s), so a request is never sent on a connection the server is closing.
   */
  idleMs?: number;
}

/** Read-only requests: sent again once if a reused idle connection turns out to be closed. */
const READ_ONLY = /\/(search|multi-search|facet-search|similar|health|version|stats)$|\/tasks\//;

const RETRYABLE = new Set(['ECONNRESET', 'EPIPE']);

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new MeilisearchError('This transport sends string or byte bodies only');
}

/**
 * A transport for the `meilisearch` client on `node:http`/`node:https` with keep-alive connections.
 *
 * Node's `fetch`, the client's default transport, writes a POST's headers and body apart on a
 * socket with Nagle's algorithm on, so the body waits for the server's delayed acknowledgement of
 * the headers: about 40 ms per search, while the engine answers in 1 to 3 ms. Here the whole
 * request goes out in one `end(body)` call on a socket without Nagle's algorithm (node:http's
 * default).
 *
 * Errors keep the client's semantics: an HTTP error status throws a `MeilisearchApiError` holding
 * Meilisearch's `{ code, type, message, link }` (the client wraps every error of a custom
 * transport in a `MeilisearchRequestError`, see `meiliApiError`), the client's own `timeout`
 * becomes its `MeilisearchRequestTimeOutError`, a caller's aborted signal rejects with the
 * signal's reason, and a connection failure with `TypeError('fetch failed', { cause })` as
 * `fetch` does. Streaming requests (chat completions) are not supported.
 */
export function createMeiliTransport(opts: MeiliTransportOptions = {}): MeiliTransport {
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets ?? 64, timeout: opts.idleMs ?? 4000 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  const send = (url: URL, init: RequestInit, retried: boolean): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const protocol = url.protocol as keyof typeof agents;
      const agent = agents[protocol];
      if (!agent) {
        reject(new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${url.protocol}`) }));
        return;
      }
      const body = bodyOf(init.body);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const method = init.method ?? 'GET';
      const req = (protocol === 'https:' ? https : http).request(url, {
        method,
        headers,
        agent,
      });
      req.setNoDelay(true);
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        req.destroy();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
      };
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (settled) return;
        done();
        // An idle connection the server closed just as it was reused: nothing reached Meilisearch.
        if (!retried && req.reusedSocket && RETRYABLE.has(e.code ?? '') && READ_ONLY.test(url.pathname)) {
          resolve(send(url, init, true));
          return;
        }
        reject(new TypeError('fetch failed', { cause: e }));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => {
          if (settled) return;
          done();
          reject(new TypeError('fetch failed', { cause: e }));
        });
        res.on('end', () => {
          if (settled) return;
          done();
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (e) {
            reject(e);
            return;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve(parsed);
            return;
          }
          const response = new Response(null, {
            status,
            statusText: res.statusMessage ?? '',
            headers: Object.entries(res.headers).flatMap(([k, v]) =>
              v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
            ),
          });
          reject(new MeilisearchApiError(response, parsed as never));
        });
      });
      req.end(body);
    });

  return {
    httpClient: (input, init = {}) =>
      send(
        input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url),
        init,
        false,
      ),
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/**
 * The Meilisearch error response behind an error of the client, whichever transport sent the
 * request: thrown as is through `fetch`, or wrapped in a `MeilisearchRequestError` through a
 * custom transport. Null when Meilisearch did not answer with an error status.
 */
export function meiliApiError(e: unknown): MeilisearchApiError | null {
  if (e instanceof MeilisearchApiError) return e;
  if (e instanceof MeilisearchRequestError && e.cause instanceof MeilisearchApiError) return e.cause;
  return null;
}

/**
 * Whether an error of the client means Meilisearch cannot answer now: it could not be reached,
 * the request timed out or was aborted, or it answered a server error (5xx). A request
 * Meilisearch refused (4xx) is not an outage.
 */
export function isMeiliUnavailable(e: unknown): boolean {
  const api = meiliApiError(e);
  if (api) return api.response.status >= 500;
  return e instanceof MeilisearchRequestError;
}
