import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedMeili, type EmbeddedMeili } from './embedded-meili.js';
import { meiliClient } from './meili.provider.js';

/**
 * The bundled Meilisearch as `npm start` runs it, supervised: killed outright, it is logged with
 * the signal and restarted on the same port with the same data and key; stopped on purpose, it
 * stays stopped.
 */
describe('supervised bundled Meilisearch', () => {
  let meili: EmbeddedMeili;
  let dir: string;
  const lines: { level: 'warn' | 'info'; fields: Record<string, unknown>; msg: string }[] = [];
  const log = {
    warn: (fields: object, msg: string) => lines.push({ level: 'warn', fields: { ...fields }, msg }),
    info: (fields: object, msg: string) => lines.push({ level: 'info', fields: { ...fields }, msg }),
  };

  const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  const healthy = async (host: string) => {
    try {
      return (await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) })).ok;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tashbik-meili-supervised-'));
    meili = await startEmbeddedMeili({ dir, binDir: resolve('.data/bin'), supervise: log });
  }, 60_000);

  afterAll(async () => {
    await meili?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs a SIGKILL, restarts with the same port, data and key, and serves again', async () => {
    const client = meiliClient(meili.host, meili.masterKey);
    const task = await client.createIndex('kept', { primaryKey: 'id' });
    const wait = { timeout: 30_000 };
    await client.tasks.waitForTask(task.taskUid, wait);
    const added = await client.index('kept').addDocuments([{ id: 1, name: 'x' }]);
    await client.tasks.waitForTask(added.taskUid, wait);

    const firstPid = meili.pid;
    process.kill(firstPid, 'SIGKILL');

    expect(await until(() => lines.some((l) => l.msg.includes('restarted')), 30_000)).toBe(true);
    const exit = lines.find((l) => l.msg.includes('exited'));
    expect(exit).toMatchObject({ level: 'warn', fields: { signal: 'SIGKILL', code: null, pid: firstPid } });
    expect(exit?.msg).toMatch(/signal SIGKILL.*restarting in \d+ ms/);
    expect(lines.find((l) => l.msg.includes('restarted'))).toMatchObject({ level: 'info' });
    expect(meili.restarts).toBe(1);
    expect(meili.pid).not.toBe(firstPid);

    // Same address and key; the document written before the kill is still there.
    expect(await healthy(meili.host)).toBe(true);
    expect(await client.index('kept').getDocument(1)).toMatchObject({ id: 1, name: 'x' });
  }, 60_000);

  it('restarts again after a second kill, and not after stop()', async () => {
    const before = lines.length;
    process.kill(meili.pid, 'SIGKILL');
    expect(await until(() => meili.restarts >= 2, 30_000)).toBe(true);
    expect(lines.slice(before).map((l) => l.level)).toEqual(['warn', 'info']);

    const host = meili.host;
    const after = lines.length;
    await meili.stop();
    await new Promise((r) => setTimeout(r, 2000));
    expect(await healthy(host)).toBe(false);
    expect(lines.length).toBe(after);
  }, 60_000);
});

/** Process group and session of a process, from /proc (Linux). */
function groupOf(pid: number): { pgrp: number; session: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // "pid (name) state ppid pgrp session …": the name may hold spaces, so read after its ')'.
  const [, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgrp: Number(pgrp), session: Number(session) };
}

/**
 * A Ctrl-C in a terminal sends SIGINT to every process of the foreground process group. The server
 * of `npm start`, the api and the worker runs in a session of its own, so that the signal reaches
 * only the process that started it, which stops the server after its own consumers.
 */
describe('bundled Meilisearch in a session of its own', () => {
  const dirs: string[] = [];
  const servers: EmbeddedMeili[] = [];
  const start = async (ownSession: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'tashbik-meili-session-'));
    dirs.push(dir);
    const server = await startEmbeddedMeili({ dir, binDir: resolve('.data/bin'), ownSession });
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is out of the process group a Ctrl-C reaches only when asked', async () => {
    const own = groupOf(process.pid);
    const shared = await start(false);
    expect(groupOf(shared.pid)).toEqual(own);

    const apart = await start(true);
    const group = groupOf(apart.pid);
    expect(group.pgrp).not.toBe(own.pgrp);
    expect(group.session).not.toBe(own.session);
    // Leader of its own group and session.
    expect(group).toEqual({ pgrp: apart.pid, session: apart.pid });

    const pid = apart.pid;
    await apart.stop();
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  }, 90_000);
});
