import 'reflect-metadata';
import { exitWithError, loadConfig, migrateDatabase, onShutdown, prepareServices } from '#platform';
import { createWorker } from './bootstrap-worker.js';

/** The worker deployable: BullMQ processors for search sync. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
  await migrateDatabase(services.config);
  const app = await createWorker(services.config);
  process.stdout.write(`${JSON.stringify({ msg: 'worker ready' })}\n`);
  onShutdown(async () => {
    await app.close();
    await services.stop();
  });
}

main().catch(exitWithError);
