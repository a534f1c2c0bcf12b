import { Meilisearch } from 'meilisearch';
import type { AppConfig } from '../config/config.js';

export const MEILI_CLIENT = Symbol('MEILI_CLIENT');

export function createMeiliClient(config: Pick<AppConfig, 'meiliHost' | 'meiliMasterKey'>): Meilisearch {
  if (!config.meiliHost) throw new Error('Meilisearch host is not resolved; start the embedded server first');
  return new Meilisearch({
    host: config.meiliHost,
    apiKey: config.meiliMasterKey ?? undefined,
    timeout: 10_000,
  });
}
