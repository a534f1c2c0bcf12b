import { parseArgs } from 'node:util';

export interface CliArgs {
  command: string;
  positionals: string[];
  orgs: number;
  seed: number;
  report?: string;
  demo: boolean;
  /** bench-b2b: time limit per run, in milliseconds. */
  timeLimitMs?: number;
  /** bench-b2b: fairness limit d. */
  fairness?: number;
  /** bench-b2b: folder for the schedules. */
  out?: string;
  /** bench-b2b: run the generated large edition only. */
  scale: boolean;
}

/** A command line that cannot be run: the message says which flag or value is wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the command line; unknown flags and bad values throw a UsageError that names the flag. */
export function parseCli(argv: string[]): CliArgs {
  try {
    return parse(argv);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      throw new UsageError((e as Error).message);
    throw e;
  }
}

function parse(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      orgs: { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      report: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
      'time-limit': { type: 'string' },
      fairness: { type: 'string' },
      out: { type: 'string' },
      scale: { type: 'boolean', default: false },
    },
  });
  const orgs = Number(values.orgs);
  const seed = Number(values.seed);
  if (!Number.isInteger(orgs) || orgs < 0 || orgs > 1_000_000)
    throw new UsageError('--orgs must be a whole number from 0 to 1000000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  let timeLimitMs: number | undefined;
  if (values['time-limit'] !== undefined) {
    const s = Number(values['time-limit']);
    if (!Number.isFinite(s) || s <= 0 || s > 86_400)
      throw new UsageError('--time-limit must be a number of seconds above 0 and at most 86400');
    timeLimitMs = Math.round(s * 1000);
  }
  let fairness: number | undefined;
  if (values.fairness !== undefined) {
    fairness = Number(values.fairness);
    if (!Number.isInteger(fairness) || fairness < 0 || fairness > 1000)
      throw new UsageError('--fairness must be a whole number from 0 to 1000');
  }
  if (values.out !== undefined && !values.out.trim()) throw new UsageError('--out must name a folder');
  const [command = 'help', ...rest] = positionals;
  return {
    command,
    positionals: rest,
    orgs,
    seed,
    report: values.report,
    demo: !values['no-demo'],
    timeLimitMs,
    fairness,
    out: values.out,
    scale: values.scale,
  };
}
