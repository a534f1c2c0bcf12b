import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** CPU seconds used by each group of processes over a measured run. */
export interface CpuSeconds {
  node: number;
  postgres: number;
  meilisearch: number;
}

const TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds, or null when it is gone (Linux /proc). */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The Meilisearch processes started with a data folder under `dataDir`. */
function meiliPids(dataDir: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('meilisearch') && cmd.includes(dataDir)) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Where a run's CPU goes on this machine: the benchmark's own Node processes (this one and any
 * worker it started), the Postgres client backends serving its database (not autovacuum) and its
 * Meilisearch, sampled from /proc every `everyMs` so that a backend closed during the run still
 * counts up to its last sample.
 * Other engineers' processes are not counted. Reports nothing where /proc is absent.
 */
export class CpuMeter {
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  /** Set once the first sample is taken: a process seen only later started during the run. */
  private started = false;
  private sampling: Promise<void> = Promise.resolve();
  private readonly available = existsSync('/proc/self/stat');

  constructor(
    private readonly pool: pg.Pool,
    private readonly dataDir: string,
    private readonly nodePids: () => number[],
    private readonly everyMs = 250,
  ) {}

  private async sample(): Promise<void> {
    const { rows } = await this.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const groups: [keyof CpuSeconds, number[]][] = [
      ['node', [process.pid, ...this.nodePids()]],
      ['postgres', rows.map((r) => r.pid)],
      ['meilisearch', meiliPids(this.dataDir)],
    ];
    for (const [group, pids] of groups)
      for (const pid of pids) {
        const t = cpuOf(pid);
        if (t == null) continue;
        const key = `${group}:${pid}`;
        if (!this.first.has(key)) this.first.set(key, this.started ? 0 : t);
        this.last.set(key, t);
      }
  }

  async start(): Promise<void> {
    if (!this.available) return;
    await this.sample();
    this.started = true;
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample()).catch(() => undefined);
    }, this.everyMs);
  }

  async stop(): Promise<CpuSeconds | null> {
    if (!this.available) return null;
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    await this.sample().catch(() => undefined);
    const out: CpuSeconds = { node: 0, postgres: 0, meilisearch: 0 };
    for (const [key, t] of this.last) {
      const group = key.slice(0, key.indexOf(':')) as keyof CpuSeconds;
      out[group] += t - (this.first.get(key) ?? 0);
    }
    return out;
  }
}
