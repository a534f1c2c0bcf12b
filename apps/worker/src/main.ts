import 'reflect-metadata';
import {
  exitWithErrorUnlessStopping,
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
  const services = await prepareServices(loadConfig(), { stopsOnSignal: true });
  // From here on a signal stops what has started: the consumers, then the services they use.
  const running: { app?: { close(): Promise<void> } } = {};
  onShutdown(async () => {
    await running.app?.close();
    await services.stop();
  });
  // The framework loads only once the services are known to answer.
  const { migrateDatabase } = await import('#platform');
  const { createWorker } = await import('./bootstrap-worker.js');
  await migrateDatabase(services.config);
  const app = await createWorker(services.config);
  running.app = app;
  const metricsAt = await metricsPort(serveMetrics(metrics));
  if (metricsAt !== null)
    process.stdout.write(
      `${JSON.stringify({ msg: 'metrics listening', port: metricsAt, host: metrics.host })}\n`,
    );
  process.stdout.write(`${JSON.stringify({ msg: 'worker ready' })}\n`);
}

main().catch(exitWithErrorUnlessStopping);
