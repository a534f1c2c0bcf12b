import 'reflect-metadata';
import { exitWithError, loadConfig, onShutdown, prepareServices } from '#platform/boot';

/** The worker deployable: BullMQ processors for search sync. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
  // The framework loads only once the services are known to answer.
  const { migrateDatabase } = await import('#platform');
  const { createWorker } = await import('./bootstrap-worker.js');
  await migrateDatabase(services.config);
  const app = await createWorker(services.config);
  process.stdout.write(`${JSON.stringify({ msg: 'worker ready' })}\n`);
  onShutdown(async () => {
    await app.close();
    await services.stop();
  });
}

main().catch(exitWithError);
