import 'reflect-metadata';
import { exitWithError, loadConfig, onShutdown, prepareServices } from '#platform/boot';

/** The api deployable: checks its services, migrates (under the advisory lock), then serves GraphQL and health. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
  // The framework loads only once the services are known to answer.
  const { migrateDatabase } = await import('#platform');
  const { createApi } = await import('./bootstrap-api.js');
  await migrateDatabase(services.config);
  const app = await createApi(services.config);
  await app.listen(services.config.port, services.config.host);
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: 'api listening', port: address.port })}\n`);
  onShutdown(async () => {
    await app.close();
    await services.stop();
  });
}

main().catch(exitWithError);
