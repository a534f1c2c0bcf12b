import 'reflect-metadata';
import {
  ConfigError,
  loadConfig,
  migrateDatabase,
  prepareServices,
  ServiceUnavailableError,
} from '#platform';
import { createApi } from './bootstrap-api.js';

/** The api deployable: migrates (under the advisory lock), then serves GraphQL and health. */
async function main(): Promise<void> {
  const services = await prepareServices(loadConfig());
  await migrateDatabase(services.config);
  const app = await createApi(services.config);
  await app.listen(services.config.port, services.config.host);
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: 'api listening', port: address.port })}\n`);
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
