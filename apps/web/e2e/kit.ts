import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eDataDir, e2eDatabaseUrl } from './stack';

/*
 * What every browser journey shares: the message catalogues as the app merges them, axe-core,
 * phone-sized screenshots under reports/screenshots/, and the stack's demo accounts.
 */

export type Catalogue = Record<string, string>;
const AREAS = ['', 'account/', 'organization/', 'inbox/', 'forum/', 'console/', 'desk/'];
/** A locale's messages: the shared file and every area's file, merged as src/i18n/catalogues.ts does. */
export const catalogue = (locale: string): Catalogue =>
  Object.assign(
    {},
    ...AREAS.map((area) => new URL(`../src/i18n/messages/${area}${locale}.json`, import.meta.url))
      .filter((url) => existsSync(url))
      .map((url) => JSON.parse(readFileSync(url, 'utf8')) as Catalogue),
  );
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SHOTS = fileURLToPath(new URL('../../../reports/screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; serious and critical violations fail the test, with what and where. */
export async function checkAccessibility(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/** A phone-sized screenshot (the whole page, or the screen only while a menu is open), then axe. */
export async function screen(
  page: Page,
  locale: string,
  name: string,
  opts: { axe?: boolean; fullPage?: boolean } = {},
) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SHOTS}${locale}-${name}.png`, fullPage: opts.fullPage ?? true });
  if (opts.axe ?? true) await checkAccessibility(page);
}

/** Where the page's service worker stands: what a failed wait reports. */
interface WorkerState {
  controlled: boolean;
  registered: boolean;
  installing: string | null;
  waiting: string | null;
  active: string | null;
  readyState: string;
}

/**
 * Waits until the service worker controls the page, as it does once a first visit has registered
 * it (public/register-sw.js: a few seconds after the page has loaded) and it has stored the app
 * shell. A wait that runs out says where the worker stood (not registered, installing, active
 * without control), instead of a bare timeout.
 */
export async function serviceWorkerInCharge(page: Page, timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let state: WorkerState | null = null;
  while (Date.now() < deadline) {
    state = await page.evaluate(async (): Promise<WorkerState> => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: !!navigator.serviceWorker.controller,
        registered: !!registration,
        installing: registration?.installing?.state ?? null,
        waiting: registration?.waiting?.state ?? null,
        active: registration?.active?.state ?? null,
        readyState: document.readyState,
      };
    });
    if (state.controlled) return;
    await page.waitForTimeout(500);
  }
  throw new Error(
    `The service worker did not take charge of the page within ${timeout} ms: ${JSON.stringify(state)}`,
  );
}

/** A mailed code the test knows (verification or reset), stored as the api stores them (SHA-256). */
export async function issueEmailCode(
  email: string,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(code).digest('base64url');
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
       SELECT id, $3, $2, now() + interval '1 hour' FROM user_account WHERE email = $1`,
      [email, hash, purpose],
    );
    expect(rowCount).toBe(1);
  } finally {
    await db.end();
  }
  return code;
}

/** A verification code the test knows. */
export const issueVerificationCode = (email: string): Promise<string> =>
  issueEmailCode(email, 'VERIFY_EMAIL');

/** A demo account's password, from the file the stack's first start writes beside its data. */
export function demoPassword(email: string): string {
  const dir = e2eDataDir();
  const accounts = JSON.parse(readFileSync(`${dir}/demo-accounts.json`, 'utf8')) as {
    email: string;
    password: string;
  }[];
  return accounts.find((a) => a.email === email)!.password;
}

/** The demo owner's password. */
export const demoOwnerPassword = (): string => demoPassword('owner@tashbik.test');

/** One statement on the stack's database, on a connection of its own. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** GraphQL as the demo organiser: a function that sends a query with the organiser's token. */
export async function organiserApi(request: APIRequestContext) {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await request.post('/graphql', {
      data: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await res.json()) as { data?: Json; errors?: unknown[] };
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const token = (
    await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: 'organiser@tashbik.test',
      p: demoPassword('organiser@tashbik.test'),
    })
  ).login.accessToken as string;
  return (query: string, variables: Record<string, unknown>) => gql(query, variables, token);
}
