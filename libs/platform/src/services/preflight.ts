import { Redis } from 'ioredis';
import { redactUrl, ServiceUnavailableError } from './service-unavailable.error.js';

/** How long a service has to answer the start-up check. */
export const TIMEOUT_MS = 4000;

const START_REDIS =
  'Start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';

/** The most telling part of a connection failure: its code, else its message. */
export function reason(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err.code ?? err.message ?? String(e);
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket error (ECONNREFUSED, ENOTFOUND…) says more than the "Connection is closed" that follows it.
  let socketError: unknown;
  client.on('error', (e) => (socketError ??= e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new ServiceUnavailableError('Redis', redactUrl(redisUrl), reason(socketError ?? e), START_REDIS);
  } finally {
    client.disconnect();
  }
}

export async function checkMeilisearch(host: string, embedded: boolean): Promise<void> {
  try {
    const res = await fetch(new URL('/health', host), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    throw new ServiceUnavailableError(
      'Meilisearch',
      host,
      reason((e as { cause?: unknown }).cause ?? e),
      embedded
        ? 'The bundled server did not start; see .data/meili/meilisearch.log.'
        : `Start it with: meilisearch --http-addr ${httpAddr(host)} --master-key "$MEILI_MASTER_KEY" (version 1.21), or unset MEILI_HOST to let Tashbik start its bundled server.`,
    );
  }
}

/** `host:port` as Meilisearch's --http-addr takes it. */
function httpAddr(host: string): string {
  const u = new URL(host);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}
