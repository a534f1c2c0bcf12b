import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedMeili } from '../meili/embedded-meili.js';
import { createLogger } from '../logging/logging.js';
import { ensurePostgres } from '../database/ensure-database.js';
import { checkMeilisearch, checkRedis } from './preflight.js';
import { ServiceUnavailableError } from './service-unavailable.error.js';

export interface RunningServices {
  /** The configuration with Meilisearch's address and key resolved. */
  config: AppConfig;
  /** Stops what this process started (the embedded Meilisearch), nothing else. */
  stop(): Promise<void>;
}

export interface PrepareOptions {
  /**
   * The caller stops on a signal through `onShutdown`, closing what uses the services before it
   * calls `stop()`. The bundled Meilisearch then runs in a session of its own, so that a Ctrl-C in
   * the terminal does not stop it under the worker's running jobs. Without it, a Ctrl-C stops the
   * server together with the caller.
   */
  stopsOnSignal?: boolean;
}

/**
 * Checks Postgres (creating the database if needed) and Redis, and starts the bundled
 * Meilisearch when no MEILI_HOST is configured, restarting it whenever it exits on its own. Fails
 * fast with a ServiceUnavailableError.
 */
export async function prepareServices(
  config: AppConfig,
  options: PrepareOptions = {},
): Promise<RunningServices> {
  await Promise.all([ensurePostgres(config.databaseUrl), checkRedis(config.redisUrl)]);
  if (config.meiliHost) {
    await checkMeilisearch(config.meiliHost, false);
    return { config, stop: async () => undefined };
  }
  const dir = join(config.dataDir, 'meili');
  let meili;
  try {
    // Supervised: a server that dies is logged and restarted on the same port, data and key.
    meili = await startEmbeddedMeili({
      dir,
      supervise: createLogger(config, 'meilisearch'),
      ownSession: options.stopsOnSignal ?? false,
    });
  } catch (e) {
    throw new ServiceUnavailableError(
      'Meilisearch',
      `bundled server in ${dir}`,
      (e as Error).message,
      'Set MEILI_HOST to use a running server.',
    );
  }
  return {
    config: { ...config, meiliHost: meili.host, meiliMasterKey: meili.masterKey },
    stop: () => meili.stop(),
  };
}
