import 'reflect-metadata';
import {
  ConfigError,
  loadConfig,
  migrateDatabase,
  prepareServices,
  ServiceUnavailableError,
} from '#platform';
import { createWorker } from './bootstrap-worker.js';

/** The worker deployable: BullMQ processors for search sync. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
  await migrateDatabase(services.config);
  const app = await createWorker(services.config);
  process.stdout.write(`${JSON.stringify({ msg: 'worker ready' })}\n`);
  const stop = async () => {
    await app.close();
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof ServiceUnavailableError)
    process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
