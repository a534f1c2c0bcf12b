import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { redisConnection } from '#platform';
import { AuditService } from '#identity';
import { FORUM_QUEUE, ScheduleService, type ScheduleRunEntity } from '#forum';
import {
  acceptedRequest,
  createEdition,
  createOrganization,
  forumHarness,
  registerDelegates,
  type ForumHarness,
} from '#forum/testing';
import { ForumProcessor } from './forum.processor.js';

/*
 * A scheduling run through the real queue and processor: an attempt that fails while the job has
 * retries left shows RETRYING with its reason, never FAILED, and the retry finishes the run.
 */

const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test-forum-${randomBytes(4).toString('hex')}`;
let h: ForumHarness;
let queue: Queue;
let worker: Worker;

beforeAll(async () => {
  h = await forumHarness();
  queue = new Queue(FORUM_QUEUE, { connection, prefix });
  const processor = new ForumProcessor(h.runner, h.requests, h.reminders, h.notifier, h.followUps, queue);
  worker = new Worker(FORUM_QUEUE, (job) => processor.process(job), { connection, prefix });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true });
  await queue?.close();
  await h?.close();
});

/** The run row, polled until `done` holds (or the test times out). */
async function runWhen(
  id: string,
  done: (r: ScheduleRunEntity) => boolean,
  seen: string[],
): Promise<ScheduleRunEntity> {
  for (;;) {
    const [row] = await h.db.query<ScheduleRunEntity[]>(
      `SELECT state, reason, attempt, max_attempts AS "maxAttempts", finished_at AS "finishedAt"
         FROM forum_schedule_run WHERE id = $1`,
      [id],
    );
    if (row && seen[seen.length - 1] !== row.state) seen.push(row.state);
    if (row && done(row)) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('shows a run whose attempt lost its database connection as RETRYING, then DONE', async () => {
  const e = await createEdition(h);
  await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const people = [];
  for (let i = 0; i < 4; i++)
    people.push((await registerDelegates(h, e.id, await createOrganization(h.db), 1))[0]);
  await acceptedRequest(h, e.id, people[0], people[1]);
  await acceptedRequest(h, e.id, people[2], people[3]);

  // The edition is held, so the run's save waits on it; its connection is then cut, as when
  // Postgres restarts or a network path drops.
  const holder = h.db.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  // (NO KEY UPDATE: the run row, which references the edition, can still be written.)
  await holder.query(`SELECT id FROM forum_edition WHERE id = $1 FOR NO KEY UPDATE`, [e.id]);
  const seen: string[] = [];
  let runId = '';
  try {
    const run = await new ScheduleService(h.db, queue, new AuditService()).enqueue(e.id, false, 1, null);
    let pid: number | undefined;
    while (!pid) {
      const rows = await h.db.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%FROM forum_edition WHERE id = $1 FOR UPDATE%' AND pid <> pg_backend_pid()`,
      );
      pid = rows.find((r) => r.pid !== undefined)?.pid;
      if (!pid) await new Promise((r) => setTimeout(r, 20));
    }
    await h.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    runId = run.id;

    const retrying = await runWhen(run.id, (r) => r.state !== 'RUNNING', seen);
    expect(retrying).toMatchObject({ state: 'RETRYING', attempt: 1, maxAttempts: 3, finishedAt: null });
    expect(retrying.reason).toMatch(/terminat/i);
    const job = await queue.getJob(run.id);
    expect(await job!.getState()).toBe('delayed');
  } finally {
    await holder.commitTransaction();
    await holder.release();
  }
  const done = await runWhen(runId, (r) => r.state === 'DONE' || r.state === 'FAILED', seen);
  expect(done).toMatchObject({ state: 'DONE', attempt: 2, maxAttempts: 3, reason: null });
  expect(done.finishedAt).not.toBeNull();
  // Never FAILED on the way: RETRYING until the second attempt ran.
  expect(seen).not.toContain('FAILED');
  expect(seen.indexOf('RETRYING')).toBeLessThan(seen.indexOf('DONE'));
});
