import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl } from './stack';
import { catalogue, demoOwnerPassword, issueVerificationCode, screen, serviceWorkerInCharge } from './kit';

/*
 * The web app in a phone-sized Chromium against the real stack: in Arabic and in French, the
 * directory search finds the demo mechanics firms, a filter survives a reload of the shared URL,
 * an organisation page opens, and a new user signs up, confirms their address with a code, signs
 * in and out. axe-core checks each screen; screenshots go to reports/screenshots/.
 */

const CASES = [
  { locale: 'ar', dir: 'rtl', query: 'ميكانيك', firm: /ميكانيك/ },
  { locale: 'fr', dir: 'ltr', query: 'mécanique', firm: /[Mm][ée]cani/ },
] as const;

for (const { locale, dir, query, firm } of CASES) {
  const t = catalogue(locale);
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('the home page searches the directory as one types, with facets and a shareable URL', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['search.title']);
      await screen(page, locale, 'home');

      await page.getByRole('searchbox', { name: t['search.label'] }).fill(query);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query)}`));
      // The results follow the typed text: demo firms named after mechanics, the match highlighted.
      const names = page.locator('.hit-name');
      await expect(names.filter({ hasText: firm }).first()).toBeVisible();
      await expect(page.locator('.hits mark').first()).toBeVisible();
      await screen(page, locale, 'search');

      // The next page of results, in the URL too.
      const firstPage = await names.allTextContents();
      await page.getByRole('button', { name: t['search.next'] }).click();
      await expect(page).toHaveURL(/[?&]page=2/);
      await expect(names.first()).not.toHaveText(firstPage[0]);
      expect(firstPage).not.toContain(await names.first().textContent());
      await page.goBack();
      await expect(page).not.toHaveURL(/[?&]page=/);
      await expect(names.first()).toHaveText(firstPage[0]);

      // Only SMEs: every hit carries the SME badge, and the filter is in the URL.
      await page.getByRole('group', { name: t['search.facet.kind'] }).getByText(t['kind.SME']).click();
      await expect(page).toHaveURL(/[?&]kind=SME/);
      const badges = page.locator('.hit .mantine-Badge-root');
      await expect(badges.filter({ hasNotText: t['kind.SME'] })).toHaveCount(0);
      await expect(badges.first()).toHaveText(t['kind.SME']);

      // The shared link gives the same page.
      const shared = page.url();
      const other = await page.context().newPage();
      await other.goto(shared);
      await expect(other.getByRole('searchbox', { name: t['search.label'] })).toHaveValue(query);
      await expect(other.locator('.hit').first()).toBeVisible();
      expect(await other.locator('.hit-name').allTextContents()).toEqual(await names.allTextContents());
      await other.close();
    });

    test('an organisation page shows the firm and explains when contacts become visible', async ({
      page,
    }) => {
      await page.goto(`/?q=${encodeURIComponent(query)}`);
      const first = page.locator('.hit-name').first();
      const name = (await first.textContent())!.trim();
      await first.click();
      await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByText(t['org.contactsHidden'])).toBeVisible();
      await screen(page, locale, 'organisation');

      await page.getByRole('button', { name: t['org.back'] }).click();
      await expect(page).toHaveURL(/[?&]q=/);
    });

    test('a new user signs up, confirms the address with the code, signs in and out', async ({ page }) => {
      const email = `web-${locale}-${randomBytes(4).toString('hex')}@example.org`;
      const password = `Tashbik ${randomBytes(6).toString('hex')} forum`;
      await page.goto('/');
      await page.getByRole('link', { name: t['nav.signIn'] }).first().click();
      await page.getByRole('link', { name: t['auth.signIn.noAccount'] }).click();
      await expect(page).toHaveURL(/\/signup$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['auth.signUp.title']);
      await page.getByLabel(t['auth.displayName']).fill(locale === 'ar' ? 'مؤسسة الاختبار' : 'Atelier Test');
      await page.getByLabel(t['auth.email']).fill(email);
      await page.getByLabel(t['auth.password'], { exact: false }).fill(password);
      await page.getByLabel(t['auth.acceptTerms']).check();
      await screen(page, locale, 'signup');
      await page.getByRole('button', { name: t['auth.signUp.submit'] }).click();

      await expect(page).toHaveURL(/\/verify-email\?email=/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['auth.verify.title']);
      await expect(page.getByText(email)).toBeVisible();
      // A wrong code is refused in the interface language.
      await page.getByTestId('verify-code').fill('not-the-code');
      await page.getByRole('button', { name: t['auth.verify.submit'] }).click();
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_TOKEN']);
      await screen(page, locale, 'verify-email');

      const code = await issueVerificationCode(email);
      await page.getByTestId('verify-code').fill(code);
      await page.getByRole('button', { name: t['auth.verify.submit'] }).click();
      await expect(page.getByTestId('verified')).toHaveText(t['auth.verify.done']);
      await screen(page, locale, 'verified');

      await page.getByRole('link', { name: t['auth.continue'] }).click();
      await expect(page).toHaveURL(/\/signin$/);
      await page.getByLabel(t['auth.email']).fill(email);
      await page.getByLabel(t['auth.password']).fill(`${password}x`);
      await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_CREDENTIALS']);
      await screen(page, locale, 'signin-refused');

      await page.getByLabel(t['auth.password']).fill(password);
      await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
      await expect(page).toHaveURL(/\/$/);
      const account = page.getByRole('button', { name: t['nav.account'] });
      await expect(account).toBeVisible();
      // Still signed in after a reload: the refresh token is in the api's HttpOnly cookie, and no
      // token of any kind is in the page's storage.
      await page.reload();
      await expect(account).toBeVisible();
      const stored = await page.evaluate(() =>
        [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)),
      );
      expect(stored.filter((e) => /token|refresh|eyJ/i.test(e))).toEqual([]);
      const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'tashbik_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
      expect(await page.evaluate(() => document.cookie)).not.toContain('tashbik_refresh');
      await account.click();
      await expect(
        page.getByText(new RegExp(locale === 'ar' ? 'مؤسسة الاختبار' : 'Atelier Test')),
      ).toBeVisible();
      await screen(page, locale, 'account-menu', { fullPage: false });
      await page.getByRole('menuitem', { name: t['nav.signOut'] }).click();
      await expect(page.getByRole('link', { name: t['nav.signIn'] }).first()).toBeVisible();
      await expect
        .poll(async () => (await page.context().cookies()).some((c) => c.name === 'tashbik_refresh'))
        .toBe(false);
      await page.reload();
      await expect(page.getByRole('link', { name: t['nav.signIn'] }).first()).toBeVisible();
    });
  });
}

test.describe('under the app’s Content-Security-Policy', () => {
  test.use({ bypassCSP: false, locale: 'ar' });

  test('the app loads, searches and switches language with no policy violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    const res = await page.goto('/');
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('searchbox').fill('لحام');
    await expect(page.locator('.hit').first()).toBeVisible();
    const fr = catalogue('fr');
    await page.getByRole('button', { name: catalogue('ar')['nav.language'] }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['search.title']);
    // The choice is remembered.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(violations).toEqual([]);
  });
});

test.describe('the forum agenda', () => {
  test.use({ locale: 'ar' });

  test('the demo owner reads the published agenda, then again offline after a reload', async ({
    page,
    context,
  }) => {
    const ar = catalogue('ar');
    const fr = catalogue('fr');
    // The account's remembered language applies at sign-in; other journeys may have left French.
    const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await db.connect();
    await db.query(`UPDATE user_account SET locale = 'ar' WHERE email = 'owner@tashbik.test'`);
    await db.end();
    await page.goto('/signin');
    await page.getByLabel(ar['auth.email']).fill('owner@tashbik.test');
    await page.getByLabel(ar['auth.password']).fill(demoOwnerPassword());
    await page.getByRole('button', { name: ar['auth.signIn.submit'] }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('account')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.getByRole('button', { name: ar['nav.account'] }).click();
    await page.getByRole('menuitem', { name: ar['nav.agenda'] }).click();
    await expect(page).toHaveURL(/\/agenda\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['agenda.title']);

    // Meetings by day: 24-hour times with Latin digits, a table, the counterpart and their firm.
    const meetings = page.getByTestId('meeting');
    await expect(meetings.first()).toBeVisible();
    const count = await meetings.count();
    expect(count).toBeGreaterThan(0);
    await expect(meetings.first().locator('.meeting-time')).toHaveText(/^\s*\d{2}:\d{2}–\d{2}:\d{2}$/);
    // The counterpart and their firm, each isolated (a third names our delegate when we send several).
    await expect(meetings.first().locator('bdi').nth(1)).not.toBeEmpty();
    expect(await meetings.first().locator('bdi').count()).toBeGreaterThanOrEqual(2);

    // "Add to calendar" asks the api for the delegate's private feed.
    await page.getByRole('button', { name: ar['agenda.addToCalendar'] }).first().click();
    await expect(page.getByTestId('feed-url').first()).toContainText('/forum/');
    await expect(page.getByRole('link', { name: ar['agenda.openCalendar'] }).first()).toHaveAttribute(
      'href',
      /^webcal:/,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screen(page, 'ar', 'agenda');
    // The print layout: the agenda alone, without the header and the buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: ar['agenda.print'] })).toBeHidden();
    await screen(page, 'ar', 'agenda-print', { axe: false });
    await page.emulateMedia({ media: 'screen' });

    // Once the service worker controls the page, the app and the stored agenda work offline.
    await serviceWorkerInCharge(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.getByTestId('agenda-offline')).toBeVisible();
      await expect(meetings).toHaveCount(count);
      await screen(page, 'ar', 'agenda-offline');

      // The language switches offline too (the catalogues are in the app).
      await page.getByRole('button', { name: ar['nav.language'] }).click();
      await page.getByRole('menuitem', { name: 'Français' }).click();
      await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['agenda.title']);
      await expect(meetings).toHaveCount(count);
      await screen(page, 'fr', 'agenda-offline');
    } finally {
      await context.setOffline(false);
    }
  });
});
