import { randomBytes } from 'node:crypto';
import { hashPassword } from '#identity';
import type { BenchEnv } from './bench-env.js';
import { load, percentile } from './stats.js';

export interface AuthFigures {
  requests: number;
  concurrency: number;
  publicP50: number;
  publicP95: number;
  authP50: number;
  authP95: number;
  /** Authenticated p95 over public p95, minus one. */
  p95Overhead: number;
  argon2: { memoryKib: number; timeCost: number; parallelism: number };
  hashMs: number;
  logins: { concurrency: number; count: number; perSecond: number; p95: number }[];
}

const QUERY = `query($id: ID!) {
  organization(id: $id) { id kind country sectors name { ar fr en } opportunities { id type } }
}`;

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(json.errors[0].message);
  return json.data!;
}

/**
 * What authentication costs: the same `organization(id)` query anonymously and with a bearer token
 * (token check plus the account lookup), interleaved in rounds so both see the same machine; then
 * sign-in throughput at the configured argon2id cost.
 */
export async function authBench(
  env: BenchEnv,
  opts: { requests: number; concurrency: number },
): Promise<AuthFigures> {
  const url = await env.startApi();
  const orgs = (
    await env.pool.query<{ id: string }>(
      `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY id LIMIT 500`,
    )
  ).rows.map((r) => r.id);
  if (!orgs.length)
    throw new Error('the auth benchmark needs organisations: run it after import, or alone (it seeds)');
  const cost = env.config.auth.argon2;
  const t = performance.now();
  const password = `bench-${randomBytes(12).toString('hex')}`;
  const hash = await hashPassword(password, cost);
  const hashMs = performance.now() - t;
  const users: string[] = [];
  for (let i = 0; i < 8; i++) {
    const email = `bench-${i}-${randomBytes(4).toString('hex')}@tashbik.test`;
    await env.pool.query(
      `INSERT INTO user_account (email, password_hash, display_name, email_verified_at, consent_version, consented_at)
       VALUES ($1, $2, 'Bench', now(), 'bench', now())`,
      [email, hash],
    );
    users.push(email);
  }
  const login = async (email: string) =>
    (
      (await post(url, {
        query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        variables: { e: email, p: password },
      })) as { login: { accessToken: string } }
    ).login.accessToken;
  const token = await login(users[0]);
  const auth = { authorization: `Bearer ${token}` };
  const run = (headers: Record<string, string>) => (i: number) =>
    post(url, { query: QUERY, variables: { id: orgs[i % orgs.length] } }, headers).then(() => undefined);
  await load(300, opts.concurrency, run({}));
  await load(300, opts.concurrency, run(auth));
  const pub: number[] = [];
  const authed: number[] = [];
  const rounds = 6;
  const perRound = Math.ceil(opts.requests / rounds);
  for (let r = 0; r < rounds; r++) {
    // Alternating which goes first keeps a slow moment of the machine from landing on one side only.
    const order = r % 2 ? [true, false] : [false, true];
    for (const withToken of order) {
      const { latencies } = await load(perRound, opts.concurrency, run(withToken ? auth : {}));
      (withToken ? authed : pub).push(...latencies);
    }
  }
  const logins: AuthFigures['logins'] = [];
  for (const concurrency of [1, 2, 4]) {
    const count = 24 * concurrency;
    const res = await load(count, concurrency, async (i) => void (await login(users[i % users.length])));
    logins.push({ concurrency, count, perSecond: count / res.seconds, p95: percentile(res.latencies, 95) });
  }
  const publicP95 = percentile(pub, 95);
  const authP95 = percentile(authed, 95);
  return {
    requests: pub.length,
    concurrency: opts.concurrency,
    publicP50: percentile(pub, 50),
    publicP95,
    authP50: percentile(authed, 50),
    authP95,
    p95Overhead: authP95 / publicP95 - 1,
    argon2: { ...cost, parallelism: 1 },
    hashMs,
    logins,
  };
}
