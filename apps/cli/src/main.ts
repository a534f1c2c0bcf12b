import 'reflect-metadata';
import { exitWithErrorUnlessStopping, loadConfig } from '#platform/boot';
import { parseCli, UsageError, type CliArgs } from './args.js';

const HELP = `Tashbik command line

  start                 migrate, seed demo data if empty, run api + worker (npm start)
  migrate               apply database migrations
  seed --orgs N --seed S  generate N organisations deterministically from seed S
  import FILE           import organisations from .jsonl or .csv, report rejects
  reindex               rebuild the search indexes and swap them in
  bench [import|search|lag|cordis|mail]  benchmarks (BENCH_ORGS, default 50000)
  bench-b2b [--time-limit S] [--fairness D] [--out DIR] [--scale] [PATH...]
                        B2B scheduler on the JAIR 2022 instances, then a generated 12,000-request edition
  bench-match           matchmaking quality against baselines
  grant-role EMAIL ORGANISER|ADMIN   give an existing account a platform role (audited)
  revoke-role EMAIL ORGANISER|ADMIN  take it away (the last admin stays)
  schema [--out FILE]   print the GraphQL schema (default apps/web/schema.graphql, - for stdout)
`;

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  if (args.command === 'grant-role' || args.command === 'revoke-role') {
    // Roles need PostgreSQL only: the other commands' services are not loaded.
    const { changeRole } = await import('./roles.js');
    const [email, role] = args.positionals;
    return changeRole(config, args.command === 'grant-role' ? 'grant' : 'revoke', email, role);
  }
  // Commands load the framework; a bad configuration is reported before that.
  const { importFile, migrate, printApiSchema, reindex, seed, start } = await import('./commands.js');
  switch (args.command) {
    case 'start':
      await start(config, args.demo, args.orgs);
      return -1;
    case 'migrate':
      await migrate(config);
      return 0;
    case 'seed':
      await seed(config, args.orgs, args.seed);
      return 0;
    case 'import':
      return importFile(config, args.positionals[0], args.report);
    case 'reindex':
      await reindex(config);
      return 0;
    case 'schema':
      await printApiSchema(config, args.out);
      return 0;
    case 'bench': {
      const { runBenchmarks } = await import('./bench/run.js');
      await runBenchmarks(config, args.positionals);
      return 0;
    }
    case 'bench-b2b': {
      const { runB2bBench } = await import('./bench/b2b.js');
      await runB2bBench(args.positionals, {
        timeLimitMs: args.timeLimitMs,
        fairness: args.fairness,
        out: args.out,
        scale: args.scale,
      });
      return 0;
    }
    case 'bench-match': {
      const { runMatchBench } = await import('./bench/match.js');
      await runMatchBench(args.positionals);
      return 0;
    }
    default:
      process.stdout.write(HELP);
      return args.command === 'help' ? 0 : 1;
  }
}

main().then((code) => {
  if (code >= 0) process.exit(code);
}, exitWithErrorUnlessStopping);
