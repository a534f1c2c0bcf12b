import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import { catalogue, issueVerificationCode, screen } from './kit';
import { e2eDatabaseUrl } from './stack';

/*
 * The account in a phone-sized Chromium, in Arabic and in French: a forgotten password is reset
 * with the mailed code, the account page lists the sessions and signs one out, the data export
 * downloads, the language chosen is remembered on the account and applied at the next sign-in,
 * and the account is deleted after its address and password are typed.
 */

/** A password-reset code the test knows, stored as the api stores the ones it mails (SHA-256). */
async function issueResetCode(email: string): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(code).digest('base64url');
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
       SELECT id, 'RESET_PASSWORD', $2, now() + interval '1 hour' FROM user_account WHERE email = $1`,
      [email, hash],
    );
    expect(rowCount).toBe(1);
  } finally {
    await db.end();
  }
  return code;
}

async function gql(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}) {
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data!;
}

/** A verified account made through the api, as the sign-up screen (tested in web.e2e.ts) makes one. */
async function newAccount(request: APIRequestContext, locale: string) {
  const email = `acct-${locale}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `Tashbik ${randomBytes(6).toString('hex')} compte`;
  const displayName = locale === 'ar' ? 'سلمى بن علي' : 'Salma Benali';
  await gql(request, `mutation($i: RegisterInput!) { register(input: $i) }`, {
    i: { email, password, displayName, acceptTerms: true, locale },
  });
  await gql(request, `mutation($t: String!) { verifyEmail(token: $t) }`, {
    t: await issueVerificationCode(email),
  });
  return { email, password, displayName };
}

async function signInWith(page: Page, t: Record<string, string>, email: string, password: string) {
  await page.getByLabel(t['auth.email']).fill(email);
  await page.getByLabel(t['auth.password']).fill(password);
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
}

const CASES = [
  { locale: 'ar', other: 'fr' },
  { locale: 'fr', other: 'ar' },
] as const;

for (const { locale, other } of CASES) {
  const t = catalogue(locale);
  const o = catalogue(other);
  test.describe(`account in ${locale}`, () => {
    test.use({ locale });

    test('resets a forgotten password, lists and ends sessions, exports, remembers the language, deletes', async ({
      page,
      request,
    }) => {
      const acct = await newAccount(request, locale);

      // Forgotten password: ask for a code, then open the mail's link.
      await page.goto('/signin');
      await page.getByRole('link', { name: t['account.forgot'] }).click();
      await expect(page).toHaveURL(/\/reset$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['account.reset.title']);
      await page.getByLabel(t['auth.email']).fill('not an address');
      await page.getByRole('button', { name: t['account.reset.ask'] }).click();
      await expect(page.getByText(t['validation.email'])).toBeVisible();
      await screen(page, locale, 'reset-ask');
      await page.getByLabel(t['auth.email']).fill(acct.email);
      await page.getByRole('button', { name: t['account.reset.ask'] }).click();
      await expect(page.getByText(acct.email)).toBeVisible();
      await expect(page.getByTestId('reset-code')).toBeVisible();
      await screen(page, locale, 'reset-sent');

      const code = await issueResetCode(acct.email);
      const newPassword = `Nouveau ${randomBytes(6).toString('hex')} secret`;
      await page.goto(`/reset?token=${code}`);
      await expect(page.getByTestId('reset-code')).toHaveValue(code);
      await page.getByLabel(t['account.reset.newPassword']).first().fill(newPassword);
      await page.getByLabel(t['account.reset.repeat']).fill(`${newPassword}x`);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByText(t['account.reset.mismatch'])).toBeVisible();
      await screen(page, locale, 'reset-new');
      await page.getByLabel(t['account.reset.repeat']).fill(newPassword);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByTestId('reset-done')).toHaveText(t['account.reset.done']);
      // The code worked once: used again, it is refused in the interface language.
      await page.goto(`/reset?token=${code}`);
      await page.getByLabel(t['account.reset.newPassword']).first().fill(newPassword);
      await page.getByLabel(t['account.reset.repeat']).fill(newPassword);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_TOKEN']);

      // The old password is refused, the new one signs in.
      await page.goto('/signin');
      await signInWith(page, t, acct.email, acct.password);
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_CREDENTIALS']);
      await signInWith(page, t, acct.email, newPassword);
      await expect(page).toHaveURL(/\/$/);

      // A second session elsewhere (an API client), listed beside this one and signed out from here.
      await gql(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { userId } }`, {
        e: acct.email,
        p: newPassword,
      });
      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: t['account.title'] }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['account.title']);
      await expect(page.getByText(acct.email)).toBeVisible();
      const sessions = page.getByTestId('session');
      await expect(sessions).toHaveCount(2);
      await expect(sessions.filter({ hasText: t['account.sessions.current'] })).toHaveCount(1);
      await screen(page, locale, 'account');
      await sessions
        .filter({ hasNotText: t['account.sessions.current'] })
        .getByRole('button', { name: t['account.sessions.end'] })
        .click();
      await expect(sessions).toHaveCount(1);
      await expect(sessions.first()).toContainText(t['account.sessions.current']);

      // The export downloads a JSON document about this account.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: t['account.export.submit'] }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^tashbik-data-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = readFileSync((await file.path())!, 'utf8');
      expect(JSON.parse(exported)).toBeTruthy();
      expect(exported).toContain(acct.email);
      await expect(page.getByText(t['account.export.done'])).toBeVisible();

      // The language picked while signed in is saved on the account and applied at the next sign-in,
      // whatever this browser remembered meanwhile.
      await page.getByRole('button', { name: t['nav.language'] }).click();
      await page.getByRole('menuitem', { name: o[`lang.${other}`] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(o['account.title']);
      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: o['nav.signOut'] }).click();
      await expect(page.getByRole('link', { name: o['nav.signIn'] }).first()).toBeVisible();
      await page.evaluate((l) => localStorage.setItem('tashbik.locale', l), locale);
      await page.goto('/signin');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await signInWith(page, t, acct.email, newPassword);
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      // Back to the test's language, saved again.
      await page.getByRole('button', { name: o['nav.language'] }).click();
      await page.getByRole('menuitem', { name: t[`lang.${locale}`] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // Deletion asks for the address typed exactly and the password.
      await page.goto('/account');
      await page.getByRole('button', { name: t['account.delete.open'] }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill('someone@else.org');
      await dialog.getByLabel(t['auth.password']).fill(newPassword);
      await dialog.getByRole('button', { name: t['account.delete.submit'] }).click();
      await expect(dialog.getByText(t['account.delete.typeMismatch'])).toBeVisible();
      await screen(page, locale, 'account-delete', { fullPage: false });
      await dialog.getByRole('textbox').first().fill(acct.email);
      await dialog.getByRole('button', { name: t['account.delete.submit'] }).click();
      await expect(page.getByTestId('account-deleted')).toHaveText(t['account.delete.done']);
      await expect(page.getByRole('link', { name: t['nav.signIn'] }).first()).toBeVisible();
      await screen(page, locale, 'account-deleted');
      // The account is gone: its password no longer signs in.
      await page.goto('/signin');
      await signInWith(page, t, acct.email, newPassword);
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_CREDENTIALS']);
    });
  });
}
