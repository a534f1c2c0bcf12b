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

/** The api deployable: checks its services, migrates (under the advisory lock), then serves GraphQL and health. */
async function main(): Promise<void> {
  const metrics = loadMetricsConfig();
  const services = await prepareServices(loadConfig(), { stopsOnSignal: true });
  // From here on a signal stops what has started, the api before the services it uses.
  const running: { app?: { close(): Promise<void> } } = {};
  onShutdown(async () => {
    await running.app?.close();
    await services.stop();
  });
  // The framework loads only once the services are known to answer.
  const { migrateDatabase } = await import('#platform');
  const { createApi } = await import('./bootstrap-api.js');
  await migrateDatabase(services.config);
  const app = await createApi(services.config);
  running.app = app;
  await app.listen(services.config.port, services.config.host);
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: 'api listening', port: address.port })}\n`);
  const metricsAt = await metricsPort(serveMetrics(metrics));
  if (metricsAt !== null)
    process.stdout.write(
      `${JSON.stringify({ msg: 'metrics listening', port: metricsAt, host: metrics.host })}\n`,
    );
}

main().catch(exitWithErrorUnlessStopping);
