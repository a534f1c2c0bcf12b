import { parseArgs } from 'node:util';

export interface CliArgs {
  command: string;
  positionals: string[];
  orgs: number;
  seed: number;
  report?: string;
  demo: boolean;
}

export function parseCli(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      orgs: { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      report: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    },
  });
  const orgs = Number(values.orgs);
  const seed = Number(values.seed);
  if (!Number.isInteger(orgs) || orgs < 0 || orgs > 1_000_000)
    throw new Error('--orgs must be a whole number from 0 to 1000000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const [command = 'help', ...rest] = positionals;
  return { command, positionals: rest, orgs, seed, report: values.report, demo: !values['no-demo'] };
}
