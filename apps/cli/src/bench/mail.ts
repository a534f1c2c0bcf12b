import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createDataSource, type AppConfig } from '#platform';
import { AccessTokens } from '#identity';
import { ReminderRepository, ReminderService } from '#forum';
import {
  AfterCommitSubscriber,
  MAIL_QUEUE,
  OutboxMailer,
  renderMail,
  smtpTransport,
  scheduleRunTopic,
} from '#notifications';
import { freePort, startProcess, TestSmtp, type RunningProcess } from '#testing';
import { BenchEnv } from './bench-env.js';
import { percentile, ratio, table } from './stats.js';

/** Its own installation, so it can run beside the other benchmarks. */
const NAMES = {
  database: 'tashbik_bench_mail',
  dataDir: 'bench-mail',
  indexPrefix: 'benchmail_',
  queuePrefix: 'tashbik-bench-mail',
};
const REMINDERS = 1000;
const SUBSCRIBERS = 500;
const EVENTS = 20;

const say = (s = '') => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface MailBenchFigures {
  reminders: {
    count: number;
    queueSeconds: number;
    deliveredSeconds: number;
    baselineSeconds: number;
    ratio: string;
    received: number;
    distinctRecipients: number;
    sentRows: number;
  };
  fanOut: {
    subscribers: number;
    events: number;
    samples: number;
    p50: number;
    p95: number;
    max: number;
    redisP50: number;
    redisP95: number;
    ratioP95: string;
  };
  loadAverage: string;
}

/**
 * 500 meetings of one published edition, each with two delegates (1,000 reminders), in a slot that
 * starts in five minutes: all due in the same minute.
 */
async function seedReminders(env: BenchEnv): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => env.pool.query(sql, params);
  const [{ id: edition }] = (
    await q(
      `INSERT INTO forum_edition (name, starts_on, ends_on, slot_minutes, status, reminder_minutes)
       VALUES ('{"fr":"Forum banc d''essai","ar":"منتدى القياس","en":"Bench forum"}', current_date, current_date, 30, 'OPEN', 15)
       RETURNING id`,
    )
  ).rows;
  const [{ id: session }] = (
    await q(
      `INSERT INTO forum_session (edition_id, day, kind, starts_at, ends_at)
       VALUES ($1, current_date, 'MORNING', '00:00', '23:59') RETURNING id`,
      [edition],
    )
  ).rows;
  const [{ id: slot }] = (
    await q(
      `INSERT INTO forum_slot (edition_id, session_id, position, day, session, starts_at, ends_at)
       VALUES ($1, $2, 1, current_date, 'MORNING', now() + interval '5 minutes', now() + interval '35 minutes')
       RETURNING id`,
      [edition, session],
    )
  ).rows;
  await q(
    `INSERT INTO forum_table (edition_id, label) SELECT $1, 'T' || g FROM generate_series(1, $2::int) g`,
    [edition, REMINDERS / 2],
  );
  await q(
    `WITH orgs AS (
       INSERT INTO organization (kind, name, description, country, innovation, status)
       SELECT 'SME', jsonb_build_object('fr', 'Atelier ' || g, 'ar', 'ورشة ' || g, 'en', 'Workshop ' || g),
              '{}'::jsonb, 'DZ', '{}'::jsonb, 'ACTIVE'
         FROM generate_series(1, $2::int) g RETURNING id)
     INSERT INTO forum_delegate (edition_id, organization_id, name, email)
     SELECT $1, id, 'Délégué ' || n, 'delegate-' || n || '@bench.test'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM orgs) o`,
    [edition, REMINDERS],
  );
  await q(
    `INSERT INTO forum_meeting (edition_id, slot_id, table_id, status, published_slot_id, published_table_id, uid)
     SELECT $1, $2, t.id, 'PUBLISHED', $2, t.id, 'bench-' || t.id FROM forum_table t WHERE t.edition_id = $1`,
    [edition, slot],
  );
  await q(
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM forum_meeting WHERE edition_id = $1),
          d AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM forum_delegate WHERE edition_id = $1)
     INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
     SELECT m.id, d.id, $2, 'PUBLISHED' FROM m JOIN d ON d.n IN (2 * m.k - 1, 2 * m.k)`,
    [edition, slot],
  );
}

function processEnv(env: BenchEnv, smtpPort: number): Record<string, string> {
  const c = env.config;
  return {
    DATABASE_URL: c.databaseUrl,
    REDIS_URL: c.redisUrl,
    MEILI_HOST: c.meiliHost ?? '',
    MEILI_MASTER_KEY: c.meiliMasterKey ?? '',
    MEILI_INDEX_PREFIX: c.meiliIndexPrefix,
    QUEUE_PREFIX: c.queuePrefix,
    OUTBOX_SWEEP_MS: '2000',
    LOG_LEVEL: 'warn',
    PORT: '0',
    RATE_LIMIT_POINTS: '0',
    JWT_SECRET: c.auth.jwtSecret,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Tashbik <no-reply@bench.test>',
    PUBLIC_URL: 'https://bench.test',
    WS_CONNECTIONS_PER_USER: '5',
  };
}

/** Raw accept rate of the catcher: the same rendered message sent 1,000 times with nodemailer alone. */
async function baselineSend(port: number): Promise<number> {
  const catcher = new TestSmtp(await freePort(), false);
  await catcher.start();
  const mail = await renderMail(
    'meeting-reminder',
    'fr',
    { time: '09:30', table: 'T1', counterpart: 'Délégué 2 (Atelier 2)', editionId: randomUUID() },
    'https://bench.test',
  );
  const transport = smtpTransport(`smtp://127.0.0.1:${catcher.port}`);
  const t = performance.now();
  await Promise.all(
    Array.from({ length: REMINDERS }, (_, i) =>
      transport.sendMail({
        from: 'Tashbik <no-reply@bench.test>',
        to: `baseline-${i}@bench.test`,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      }),
    ),
  );
  const seconds = (performance.now() - t) / 1000;
  transport.close();
  await catcher.kill();
  void port;
  return seconds;
}

async function remindersBench(env: BenchEnv, smtp: TestSmtp): Promise<MailBenchFigures['reminders']> {
  await seedReminders(env);
  const baselineSeconds = await baselineSend(smtp.port);
  say(`  baseline: nodemailer alone sent ${REMINDERS} messages in ${baselineSeconds.toFixed(2)} s`);

  // The reminder run, as the worker's forum job does it, from this process; the worker delivers.
  const config = { ...env.config, smtpUrl: `smtp://127.0.0.1:${smtp.port}` } as AppConfig;
  const db = createDataSource(config, []);
  await db.initialize();
  db.subscribers.push(new AfterCommitSubscriber());
  const queue = new Queue(MAIL_QUEUE, {
    connection: new Redis(config.redisUrl, { maxRetriesPerRequest: null }),
    prefix: config.queuePrefix,
  });
  const reminders = new ReminderService(db, new OutboxMailer(db, config, queue), new ReminderRepository());
  const t0 = performance.now();
  let queued = 0;
  for (let n = -1; n !== 0;) queued += n = await reminders.sendDue(new Date());
  const queueSeconds = (performance.now() - t0) / 1000;
  const deadline = Date.now() + 10 * 60_000;
  while (smtp.accepted < REMINDERS && Date.now() < deadline) await sleep(20);
  const deliveredSeconds = (performance.now() - t0) / 1000;
  // Anything sent twice would arrive in the next seconds.
  await sleep(3000);
  const recipients = smtp.received.map((r) => /^To: (.*)$/im.exec(r.raw)?.[1]?.trim() ?? '');
  const [{ n: sentRows }] = (
    await env.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'meeting-reminder' AND status = 'SENT'`,
    )
  ).rows;
  // The worker's own reminder job may have taken some of them: together, each once.
  const [{ n: claimed }] = (
    await env.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM forum_meeting_reminder`)
  ).rows;
  await queue.close();
  await db.destroy();
  if (claimed !== REMINDERS) throw new Error(`expected ${REMINDERS} reminders, found ${claimed}`);
  say(`  ${queued} queued by this run, ${REMINDERS - queued} by the worker's own reminder job`);
  return {
    count: REMINDERS,
    queueSeconds,
    deliveredSeconds,
    baselineSeconds,
    ratio: ratio(deliveredSeconds, baselineSeconds),
    received: smtp.accepted,
    distinctRecipients: new Set(recipients).size,
    sentRows,
  };
}

/**
 * One event reaching 500 graphql-ws subscribers (`scheduleRunProgress` of one run, 500 organiser
 * accounts, one connection each), published on the api's Redis channel as the worker does; the
 * delay from publish to each client's receipt. Baseline: a plain Redis subscriber on the same
 * channel, receiving the same events.
 */
async function fanOutBench(env: BenchEnv, apiUrl: string): Promise<MailBenchFigures['fanOut']> {
  const { rows } = await env.pool.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, display_name, roles, email_verified_at, consent_version, consented_at)
     SELECT 'organiser-' || g || '@bench.test', 'x', 'Organiser ' || g, '{ORGANISER}', now(), 'bench', now()
       FROM generate_series(1, $1::int) g RETURNING id`,
    [SUBSCRIBERS],
  );
  const tokens = new AccessTokens(env.config.auth.jwtSecret, 3600);
  const runId = randomUUID();
  const sent = new Map<number, number>();
  const delays: number[] = [];
  const clients: Client[] = [];
  const live = new Set<number>();
  const url = apiUrl.replace(/^http/, 'ws');
  for (const [i, { id }] of rows.entries()) {
    const { token } = await tokens.sign({ userId: id, epoch: 0 });
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<{ scheduleRunProgress: { elapsedMs: number } }>(
      {
        query: `subscription($r: ID!) { scheduleRunProgress(runId: $r) { elapsedMs phase } }`,
        variables: { r: runId },
      },
      {
        next: (r) => {
          const k = r.data?.scheduleRunProgress.elapsedMs;
          if (k === undefined) return;
          if (k < 0) live.add(i);
          else delays.push(performance.now() - sent.get(k)!);
        },
        error: (e) => {
          const { code, reason, message, type } = e as {
            code?: number;
            reason?: string;
            message?: string;
            type?: string;
          };
          say(`  subscriber ${i}: ${[type, code, reason, message].filter(Boolean).join(' ').slice(0, 200)}`);
        },
        complete: () => undefined,
      },
    );
  }
  const channel = `${env.config.queuePrefix}:events:${scheduleRunTopic(runId)}`;
  const pub = new Redis(env.config.redisUrl);
  const sub = new Redis(env.config.redisUrl);
  const redisDelays: number[] = [];
  sub.on('message', (_c: string, message: string) => {
    const k = (JSON.parse(message) as { elapsedMs: number }).elapsedMs;
    if (k >= 0) redisDelays.push(performance.now() - sent.get(k)!);
  });
  await sub.subscribe(channel);
  const event = (k: number) =>
    JSON.stringify({
      runId,
      editionId: randomUUID(),
      phase: 'search',
      fraction: 0.5,
      bestBreaks: 3,
      lowerBound: 1,
      unscheduledWeight: 0,
      elapsedMs: k,
      at: new Date().toISOString(),
    });
  // Warm-up events until every client's subscription is live (elapsedMs -1).
  const deadline = Date.now() + 120_000;
  while (live.size < SUBSCRIBERS && Date.now() < deadline) {
    await pub.publish(channel, event(-1));
    await sleep(500);
  }
  if (live.size < SUBSCRIBERS) say(`  only ${live.size} of ${SUBSCRIBERS} subscribers were live`);
  // Late warm-up events must not count.
  await sleep(2000);
  for (let k = 0; k < EVENTS; k++) {
    sent.set(k, performance.now());
    await pub.publish(channel, event(k));
    await sleep(250);
  }
  await sleep(2000);
  for (const c of clients) await c.dispose();
  pub.disconnect();
  sub.disconnect();
  return {
    subscribers: live.size,
    events: EVENTS,
    samples: delays.length,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    max: percentile(delays, 100),
    redisP50: percentile(redisDelays, 50),
    redisP95: percentile(redisDelays, 95),
    ratioP95: ratio(percentile(delays, 95), percentile(redisDelays, 95)),
  };
}

/** `npm run bench -- mail`: reminder delivery to a local SMTP catcher, and subscription fan-out. */
export async function mailBench(base: AppConfig): Promise<MailBenchFigures> {
  // One log line per queued mail would be measured too.
  Logger.overrideLogger(['warn', 'error']);
  const env = await BenchEnv.create(base, NAMES);
  const smtp = new TestSmtp(await freePort(), false);
  const procs: RunningProcess[] = [];
  try {
    await env.reset();
    await smtp.start();
    const penv = processEnv(env, smtp.port);
    say(`\nmail: ${REMINDERS} meeting reminders due in the same minute, delivered to a local SMTP catcher…`);
    procs.push(await startProcess('worker', penv, /"msg":"worker ready"/, [], 120_000));
    const reminders = await remindersBench(env, smtp);
    say(
      table([
        {
          reminders: reminders.count,
          'queued (s)': reminders.queueSeconds.toFixed(2),
          'all delivered (s)': reminders.deliveredSeconds.toFixed(2),
          'nodemailer alone (s)': reminders.baselineSeconds.toFixed(2),
          'platform/alone': reminders.ratio,
          received: reminders.received,
          'distinct recipients': reminders.distinctRecipients,
          'SENT rows': reminders.sentRows,
        },
      ]),
    );
    say(`\nfan-out: ${SUBSCRIBERS} graphql-ws subscribers to one run's progress, ${EVENTS} events…`);
    const api = await startProcess('api', penv, /"msg":"api listening"/, [], 120_000);
    procs.push(api);
    const port = /"port":(\d+)/.exec(api.output.find((l) => l.includes('api listening')) ?? '')?.[1];
    const fanOut = await fanOutBench(env, `http://127.0.0.1:${port}/graphql`);
    say(
      table([
        {
          subscribers: fanOut.subscribers,
          events: fanOut.events,
          deliveries: fanOut.samples,
          'p50 (ms)': fanOut.p50.toFixed(1),
          'p95 (ms)': fanOut.p95.toFixed(1),
          'max (ms)': fanOut.max.toFixed(1),
          'redis p50 (ms)': fanOut.redisP50.toFixed(2),
          'redis p95 (ms)': fanOut.redisP95.toFixed(2),
          'p95 vs redis': fanOut.ratioP95,
        },
      ]),
    );
    return { reminders, fanOut, loadAverage: load() };
  } finally {
    for (const p of procs) await p.stop();
    await smtp.kill();
    await env.close();
  }
}
