import 'reflect-metadata';
import {
  exitWithError,
  loadConfig,
  loadMetricsConfig,
  metricsPort,
  onShutdown,
  prepareServices,
  serveMetrics,
} from '#platform/boot';

/** The worker deployable: BullMQ processors for search sync. */
async function main(): Promise<void> {
  const metrics = loadMetricsConfig();
  const services = await prepareServices(loadConfig());
  // The framework loads only once the services are known to answer.
  const { migrateDatabase } = await import('#platform');
  const { createWorker } = await import('./bootstrap-worker.js');
  await migrateDatabase(services.config);
  const app = await createWorker(services.config);
  const metricsAt = await metricsPort(serveMetrics(metrics));
  if (metricsAt !== null)
    process.stdout.write(
      `${JSON.stringify({ msg: 'metrics listening', port: metricsAt, host: metrics.host })}\n`,
    );
  process.stdout.write(`${JSON.stringify({ msg: 'worker ready' })}\n`);
  onShutdown(async () => {
    await app.close();
    await services.stop();
  });
}

main().catch(exitWithError);
