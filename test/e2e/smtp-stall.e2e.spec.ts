import { createServer, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '#platform';
import { bootTestApp, eventually, type TestApp } from '#testing';

/*
 * A stalled SMTP server (the port accepts connections, nothing answers): sign-ups answer at once,
 * their mails wait, each attempt gives up after the client's greeting timeout and is retried;
 * once a working server takes the port over, every mail is delivered exactly once.
 */

const MAILS = 4;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
/** A sign-up needs no SMTP: it must answer well within one greeting timeout (10 s). */
const ANSWER_BOUND_MS = 5000;

let port: number;
let stalled: Server | null = null;
const held = new Set<Socket>();
let smtp: SMTPServer | null = null;
const received: string[] = [];
let app: TestApp;

async function stall(): Promise<void> {
  stalled = createServer((s) => {
    held.add(s);
    s.on('error', () => undefined);
    s.on('close', () => held.delete(s));
  });
  await new Promise<void>((ok) => stalled!.listen(port, '127.0.0.1', () => ok()));
}

async function unstallAndServe(): Promise<void> {
  const closed = new Promise<void>((ok) => stalled!.close(() => ok()));
  for (const s of held) s.destroy();
  await closed;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, cb) => {
      simpleParser(stream).then((mail) => {
        received.push(JSON.stringify(mail.to));
        cb();
      }, cb);
    },
  });
  await new Promise<void>((ok) => smtp!.listen(port, '127.0.0.1', () => ok()));
}

beforeAll(async () => {
  port = await freePort();
  await stall();
  app = await bootTestApp({
    worker: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_RETRY_MS: '250',
      MAIL_MAX_ATTEMPTS: '30',
      RATE_LIMIT_POINTS: '0',
      LOG_LEVEL: 'info',
    },
    readyTimeoutMs: 120_000,
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
  for (const s of held) s.destroy();
  await new Promise<void>((ok) => (stalled?.listening ? stalled.close(() => ok()) : ok()));
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
});

describe('SMTP server stalled', () => {
  it('keeps sign-ups answering, retries each mail after the timeout, and delivers each once after', async () => {
    const stamp = Date.now().toString(36);
    const emails = Array.from({ length: MAILS }, (_, i) => `stall-${stamp}-${i}@example.org`);
    for (const email of emails) {
      const started = performance.now();
      const r = await app.gql(
        REGISTER,
        {
          input: {
            email,
            password: 'Tashbik-stall-7Qx!pass',
            displayName: 'Nadia',
            locale: 'ar',
            acceptTerms: true,
          },
        },
        {},
      );
      expect(r.errors).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(ANSWER_BOUND_MS);
    }
    // Each mail was tried against the stalled server and gave up with a timeout; it is being retried.
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox
          WHERE recipient = ANY($1) AND status IN ('PENDING', 'SENDING') AND attempts >= 1
            AND last_error LIKE '%ETIMEDOUT%'`,
        [emails],
      );
      return rows[0].n === MAILS;
    }, 60_000);
    expect(app.worker!.output.some((l) => l.includes('mail not sent; will retry'))).toBe(true);
    expect(received).toHaveLength(0);

    await unstallAndServe();
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENT'`,
        [emails],
      );
      return rows[0].n === MAILS;
    }, 90_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const email of emails) expect(received.filter((to) => to.includes(email))).toHaveLength(1);
    expect(app.worker!.child.exitCode).toBeNull();
  }, 240_000);
});
