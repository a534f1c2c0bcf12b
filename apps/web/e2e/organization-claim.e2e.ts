import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl } from './stack';
import { catalogue, issueVerificationCode, screen } from './kit';

/*
 * Claiming an organisation of the demo directory (imported, so without members): a verified user
 * opens its page, asks for a code at one of its contact addresses, types the code and manages it.
 * The code is set by the test as the api stores its codes (SHA-256), since mailed codes are sealed.
 */

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

async function gql(page: Page, q: string, variables: Record<string, unknown>) {
  const res = await page.request.post('/graphql', {
    data: { query: q, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  expect(body.errors ?? []).toEqual([]);
}

for (const [n, locale] of (['ar', 'fr'] as const).entries()) {
  test.describe(`claiming an organisation in ${locale}`, () => {
    test.use({ locale });

    test('a verified user claims an organisation without members with the mailed code', async ({ page }) => {
      const t = catalogue(locale);
      const email = `claim-${locale}-${randomBytes(4).toString('hex')}@example.org`;
      const password = `Tashbik ${randomBytes(6).toString('hex')} claim`;
      await page.goto('/');
      await gql(page, 'mutation R($input: RegisterInput!) { register(input: $input) }', {
        input: { email, password, displayName: 'Claimant', acceptTerms: true, locale },
      });
      const code = await issueVerificationCode(email);
      await gql(page, 'mutation V($token: String!) { verifyEmail(token: $token) }', { token: code });

      // An active organisation with no owner and a contact address (one per language run).
      const [org] = await query<{ id: string }>(
        `SELECT o.id FROM organization o
          WHERE o.status = 'ACTIVE'
            AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.organization_id = o.id)
            AND NOT EXISTS (SELECT 1 FROM organization_claim c WHERE c.organization_id = o.id)
            AND EXISTS (SELECT 1 FROM contact_person c WHERE c.organization_id = o.id AND c.email IS NOT NULL)
          ORDER BY o.id OFFSET $1 LIMIT 1`,
        [n],
      );
      expect(org).toBeDefined();

      await page.goto(`/signin?next=${encodeURIComponent(`/o/${org.id}`)}`);
      await page.getByLabel(t['auth.email']).fill(email);
      await page.getByLabel(t['auth.password']).fill(password);
      await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
      await expect(page).toHaveURL(new RegExp(`/o/${org.id}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      await page.getByRole('link', { name: t['organization.claim.link'] }).click();
      await expect(page).toHaveURL(new RegExp(`/claim/${org.id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['organization.claim.title']);
      // Sending without a choice says what is missing.
      await page.getByRole('button', { name: t['organization.claim.send'] }).click();
      await expect(page.getByTestId('form-error')).toHaveText(t['organization.claim.chooseAddress']);
      const first = page.getByRole('radio').first();
      await expect(first).toBeVisible();
      // Contact addresses are shown masked.
      await expect(page.locator('label', { hasText: /\*{3}\S*@/ }).first()).toBeVisible();
      await screen(page, locale, 'claim-start');
      await first.check();
      await page.getByRole('button', { name: t['organization.claim.send'] }).click();

      await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
      const claimId = page.url().split('/').pop()!;
      const [claim] = await query<{ status: string; email: string }>(
        `SELECT status, email FROM organization_claim WHERE id = $1`,
        [claimId],
      );
      expect(claim.status).toBe('CODE_SENT');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['organization.claim.confirmTitle']);
      await screen(page, locale, 'claim-code');

      // A wrong code is refused; the right one makes the claimant the owner.
      await page.getByLabel(t['organization.claim.code']).fill('not-the-code');
      await page.getByRole('button', { name: t['organization.claim.confirm'] }).click();
      await expect(page.getByTestId('form-error')).toBeVisible();
      const right = randomBytes(32).toString('base64url');
      await query(`UPDATE organization_claim SET code_hash = $2 WHERE id = $1`, [
        claimId,
        createHash('sha256').update(right).digest('base64url'),
      ]);
      await page.getByLabel(t['organization.claim.code']).fill(right);
      await page.getByRole('button', { name: t['organization.claim.confirm'] }).click();
      await expect(page.getByTestId('claim-approved')).toBeVisible();
      await screen(page, locale, 'claim-approved');
      const [owner] = await query<{ role: string }>(
        `SELECT m.role FROM membership m JOIN user_account u ON u.id = m.user_id
          WHERE u.email = $1 AND m.organization_id = $2`,
        [email, org.id],
      );
      expect(owner?.role).toBe('OWNER');
      await page.getByRole('link', { name: t['organization.claim.manage'] }).click();
      await expect(page).toHaveURL(new RegExp(`/my/organizations/${org.id}$`));
    });
  });
}
