import { Meilisearch } from 'meilisearch';
import type { AppConfig } from '../config/config.js';
import { createMeiliTransport, type MeiliTransportOptions } from './meili-transport.js';

export * from './meili-transport.js';

export const MEILI_CLIENT = Symbol('MEILI_CLIENT');
/**
 * A client for queries only (the matchmaking drain's candidate searches): each request gives up
 * after SEARCH_TIMEOUT_MS, so a frozen Meilisearch costs a drain that long, not the 10 s indexing
 * requests may take.
 */
export const MEILI_QUERY_CLIENT = Symbol('MEILI_QUERY_CLIENT');

/**
 * A Meilisearch client on the keep-alive `node:http` transport (see createMeiliTransport); every
 * part of the project (api, worker, CLI, benchmarks, tests) builds its clients here.
 */
export function meiliClient(
  host: string,
  apiKey?: string | null,
  opts: MeiliTransportOptions & { timeout?: number } = {},
): Meilisearch {
  const { timeout = 10_000, ...transport } = opts;
  return new Meilisearch({
    host,
    apiKey: apiKey || undefined,
    timeout,
    httpClient: createMeiliTransport(transport).httpClient,
  });
}

export function createMeiliClient(config: Pick<AppConfig, 'meiliHost' | 'meiliMasterKey'>): Meilisearch {
  if (!config.meiliHost) throw new Error('Meilisearch host is not resolved; start the embedded server first');
  return meiliClient(config.meiliHost, config.meiliMasterKey);
}

export function createMeiliQueryClient(
  config: Pick<AppConfig, 'meiliHost' | 'meiliMasterKey' | 'search'>,
): Meilisearch {
  if (!config.meiliHost) throw new Error('Meilisearch host is not resolved; start the embedded server first');
  return meiliClient(config.meiliHost, config.meiliMasterKey, { timeout: config.search.timeoutMs });
}
