import { existsSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import cliProgress from 'cli-progress';
import { DataSource } from 'typeorm';
import {
  ensurePostgres,
  loadMetricsConfig,
  metricsPort,
  migrateDatabase,
  onShutdown,
  prepareServices,
  serveMetrics,
  type AppConfig,
} from '#platform';
import { directoryFacts, ImporterService, readRecords, type ImportReport, type RawRecord } from '#directory';
import { generateRecords } from '#directory/seed';
import { SearchIndexerService } from '#search';
import { ensureDemoAccounts, type DemoAccount } from '#identity';
import { demoForumServices, findDemoForum, seedDemoForum, type DemoForumReport } from '#forum/seed';
import { CliModule } from './cli.module.js';
import { mailLine, startCatcherIfNeeded } from './catcher.js';
import { createApi } from '../../api/src/bootstrap-api.js';
import { defaultWebDir } from '../../api/src/edge/web-app.js';
import { createWorker } from '../../worker/src/bootstrap-worker.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Where `npm run schema` writes the printed schema; the web app's operations are checked against it. */
export const SCHEMA_FILE = 'apps/web/schema.graphql';

/**
 * Prints the api's GraphQL schema (built from the code, as the running api serves it) to `out`, or
 * to standard output when `out` is `-`. The schema is built by the api itself, so the services
 * must answer and the database is migrated, as for `npm start`.
 */
export async function printApiSchema(config: AppConfig, out: string = SCHEMA_FILE): Promise<void> {
  const services = await prepareServices(config);
  // The api checks its tables as it starts, so the database is migrated first, as for `npm start`.
  await migrateDatabase(services.config);
  const { GraphQLSchemaHost } = await import('@nestjs/graphql');
  const { lexicographicSortSchema, printSchema } = await import('graphql');
  const app = await createApi(services.config);
  try {
    await app.init();
    const text = `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
    if (out === '-') process.stdout.write(text);
    else {
      writeFileSync(out, text);
      say(`schema written to ${out}`);
    }
  } finally {
    await app.close();
    await services.stop();
  }
}

export async function migrate(config: AppConfig): Promise<void> {
  await ensurePostgres(config.databaseUrl);
  const applied = await migrateDatabase(config);
  say(
    applied.length
      ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'database is up to date',
  );
}

/** Runs `fn` with the CLI's Nest context on prepared services, then stops everything. */
async function withContext<T>(
  config: AppConfig,
  fn: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const services = await prepareServices(config);
  await migrateDatabase(services.config);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(services.config), {
    logger: ['error', 'warn'],
  });
  try {
    return await fn(app);
  } finally {
    await app.close();
    await services.stop();
  }
}

function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | rejected {rejected} | {eta_formatted} left`,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rejected: 0 });
  return bar;
}

function* seedRecords(orgs: number, seed: number): Generator<RawRecord> {
  let line = 0;
  for (const r of generateRecords({ orgs, seed })) yield { line: ++line, value: r };
}

async function importWithBar(
  app: INestApplicationContext,
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  total: number,
  label: string,
): Promise<ImportReport> {
  const bar = progressBar(label, total);
  const report = await app
    .get(ImporterService)
    .import(records, (r) => bar.update(r.read, { rejected: r.rejected.length }));
  bar.stop();
  return report;
}

export async function seed(config: AppConfig, orgs: number, seedValue: number): Promise<void> {
  await withContext(config, async (app) => {
    const report = await importWithBar(app, seedRecords(orgs, seedValue), orgs, 'seed');
    say(
      `seeded ${report.imported} organisation(s), ${report.skipped} already present, ${report.rejected.length} rejected`,
    );
    if (report.rejected.length) say(JSON.stringify(report.rejected.slice(0, 3)));
  });
}

export async function importFile(
  config: AppConfig,
  file: string | undefined,
  reportPath?: string,
): Promise<number> {
  if (!file) throw new Error('usage: npm run import -- FILE.jsonl|FILE.csv [--report rejected.json]');
  return withContext(config, async (app) => {
    const report = await importWithBar(app, readRecords(file), 0, 'import');
    const out = reportPath ?? `${file}.rejected.json`;
    writeFileSync(
      out,
      JSON.stringify(
        {
          file,
          read: report.read,
          imported: report.imported,
          skipped: report.skipped,
          rejected: report.rejected,
        },
        null,
        2,
      ),
    );
    say(
      `read ${report.read}, imported ${report.imported}, skipped ${report.skipped} (already imported), rejected ${report.rejected.length}; report: ${out}`,
    );
    return report.rejected.length ? 2 : 0;
  });
}

export async function reindex(config: AppConfig): Promise<void> {
  await withContext(config, async (app) => {
    const indexer = app.get(SearchIndexerService);
    let bar: cliProgress.SingleBar | null = null;
    const res = await indexer.reindex((done, total) => {
      bar ??= progressBar('reindex', total);
      bar.update(done);
    });
    (bar as cliProgress.SingleBar | null)?.stop();
    say(
      `reindexed ${res.organizations} organisation(s) and ${res.opportunities} opportunity(ies); swapped in`,
    );
  });
}

const EXAMPLE = `{
  searchOrganizations(query: "ميكانيك", facets: ["kind", "country"], limit: 5) {
    estimatedTotal
    hits { name { ar fr en } kind country highlights { field snippet } }
    facets { field values { value count } }
  }
}`;

/** Two commands that sign in as the demo owner and read their SME's published forum agenda. */
function agendaExample(url: string, forum: DemoForumReport | null, accounts: DemoAccount[]): string {
  const owner = accounts.find((a) => a.email === 'owner@tashbik.test');
  if (!forum?.featuredOrganizationId || !owner) return '';
  const login = `mutation { login(email: "${owner.email}", password: "${owner.password}") { accessToken } }`;
  const agenda = `{ organizationAgenda(editionId: "${forum.editionId}", organizationId: "${forum.featuredOrganizationId}") { start end tableLabel counterpartDelegateName counterpartOrganizationName } }`;
  return (
    `\n\nThe demo owner's forum agenda (${forum.meetings} meetings published in edition ${forum.editionId}):\n` +
    `  TOKEN=$(curl -s ${url} -H 'content-type: application/json' \\\n` +
    `    -d '${JSON.stringify({ query: login })}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')\n` +
    `  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\\n` +
    `    -d '${JSON.stringify({ query: agenda })}'`
  );
}

type Closable = { close(): Promise<void> };

/** api and worker in one process with the demo data: the single-machine way to run Tashbik. */
export async function start(config: AppConfig, demo: boolean, demoOrgs: number): Promise<void> {
  const metrics = loadMetricsConfig();
  const services = await prepareServices(config, { stopsOnSignal: true });
  // From here on a signal (Ctrl-C) stops what has started in this order: the api, the worker's
  // consumers, the mail catcher, then the bundled Meilisearch, so no job runs against a stopped service.
  const running: { api?: Closable; worker?: Closable; catcher?: { stop(): Promise<void> } } = {};
  onShutdown(async () => {
    await running.api?.close().catch(() => undefined);
    await running.worker?.close().catch(() => undefined);
    await running.catcher?.stop().catch(() => undefined);
    await services.stop();
  });
  const catcher = await startCatcherIfNeeded(services.config);
  running.catcher = catcher ?? undefined;
  const cfg = catcher ? { ...services.config, smtpUrl: catcher.smtpUrl } : services.config;
  await migrateDatabase(cfg);
  const worker = await createWorker(cfg);
  running.worker = worker;
  const n = await directoryFacts.count(worker.get(DataSource));
  if (n === 0 && demo) {
    say(`empty database: seeding a demo forum of ${demoOrgs} organisations…`);
    const cli = await NestFactory.createApplicationContext(CliModule.forRoot(cfg), {
      logger: ['error', 'warn'],
    });
    await importWithBar(cli, seedRecords(demoOrgs, 1), demoOrgs, 'demo');
    await cli.close();
    const seeded = await seedDemoForum(demoForumServices(worker));
    say(`demo forum: edition ${seeded.editionId}, ${seeded.meetings} meeting(s) scheduled and published`);
  }
  const accounts = demo ? await ensureDemoAccounts(worker.get(DataSource), cfg.dataDir, cfg.auth.argon2) : [];
  const forum = demo ? await findDemoForum(worker.get(DataSource)) : null;
  const api = await createApi(cfg);
  running.api = api;
  await api.listen(cfg.port, cfg.host);
  // One metrics port for the api and the worker, which share this process.
  const metricsAt = await metricsPort(serveMetrics(metrics));
  const url = `http://127.0.0.1:${cfg.port}/graphql`;
  const web = existsSync(defaultWebDir())
    ? `http://127.0.0.1:${cfg.port}/`
    : '(not built: npm run build:web, then restart)';
  say(
    `\nTashbik is running.\n  Web app: ${web}\n  GraphQL: ${url}\n  Health:  http://127.0.0.1:${cfg.port}/health/ready\n  Search:  ${cfg.meiliHost}${
      metricsAt === null ? '' : `\n  Metrics: http://${metrics.host}:${metricsAt}/metrics`
    }${mailLine(cfg, catcher)}\n\nTry:\n  curl -s ${url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE.replace(/\s+/g, ' ') })}'${
      accounts.length
        ? `\n\nDemo accounts (sign in with the login mutation; passwords kept in ${cfg.dataDir}/demo-accounts.json):\n${accounts
            .map((a) => `  ${a.email}  ${a.password}  (${a.role})`)
            .join('\n')}`
        : ''
    }${agendaExample(url, forum, accounts)}\n\nCtrl-C stops everything.`,
  );
}
