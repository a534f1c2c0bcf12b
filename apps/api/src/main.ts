import 'reflect-metadata';
import { exitWithError, loadConfig, migrateDatabase, onShutdown, prepareServices } from '#platform';
import { createApi } from './bootstrap-api.js';

/** The api deployable: migrates (under the advisory lock), then serves GraphQL and health. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
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
