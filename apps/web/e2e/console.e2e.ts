import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { expect, test, type Page } from '@playwright/test';
import { catalogue, screen, sql } from './kit';

/*
 * The organisers' console in a phone-sized Chromium against the real stack, in Arabic and French:
 * an organiser who is also an admin (roles given in the database, as the command line would)
 * approves a new organisation with a note, rejects another (a rejection needs a note), reads an
 * identity change as a before/after table, appoints an organiser, and imports a small CSV with one
 * bad row and reads the report. axe-core checks every console screen; screenshots go to
 * reports/screenshots/{ar,fr}-console-*.png.
 */

const CASES = [
  { locale: 'ar', dir: 'rtl' },
  { locale: 'fr', dir: 'ltr' },
] as const;

/** A verified account with these platform roles, stored as sign-up stores one (argon2id). */
async function account(prefix: string, displayName: string, roles: string[], locale = 'fr') {
  const email = `${prefix}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `Console ${randomBytes(8).toString('hex')} test`;
  await sql(
    `INSERT INTO user_account (email, password_hash, display_name, roles, locale, email_verified_at, consent_version, consented_at)
     VALUES ($1, $2, $3, $4, $5, now(), 'test', now())`,
    [email, await hash(password), displayName, roles, locale],
  );
  return { email, password, displayName };
}

async function gql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await page.request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Two new organisations waiting for review, made by a member through the api. */
async function pendingOrganizations(page: Page, tag: string) {
  const owner = await account('console-owner', 'Owner', []);
  const { login } = await gql<{ login: { accessToken: string } }>(
    page,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: owner.email, p: owner.password },
  );
  const create = async (fr: string, ar: string) =>
    (
      await gql<{ createOrganization: { id: string } }>(
        page,
        `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`,
        { i: { kind: 'SME', country: 'DZ', name: { fr, ar }, sectors: ['25'] } },
        login.accessToken,
      )
    ).createOrganization.id;
  return {
    approve: {
      id: await create(`Atelier à approuver ${tag}`, `ورشة للقبول ${tag}`),
      fr: `Atelier à approuver ${tag}`,
      ar: `ورشة للقبول ${tag}`,
    },
    reject: {
      id: await create(`Atelier à refuser ${tag}`, `ورشة للرفض ${tag}`),
      fr: `Atelier à refuser ${tag}`,
      ar: `ورشة للرفض ${tag}`,
    },
  };
}

/** An identity change waiting on an approved demo organisation: a new website. */
async function pendingChange(offset: number) {
  const [org] = await sql<{ id: string; website: string | null }>(
    `SELECT id, website FROM organization o WHERE status = 'ACTIVE'
       AND NOT EXISTS (SELECT 1 FROM organization_change c WHERE c.organization_id = o.id AND c.status = 'PENDING')
     ORDER BY created_at OFFSET $1 LIMIT 1`,
    [offset],
  );
  await sql(
    `INSERT INTO organization_change (organization_id, fields, before, after)
     VALUES ($1, ARRAY['website'], jsonb_build_object('website', $2::text), jsonb_build_object('website', $3::text))`,
    [org.id, org.website, 'https://nouveau-site.example.dz'],
  );
}

async function openSection(page: Page, t: Record<string, string>, label: string) {
  await page.getByRole('button', { name: t['console.nav.open'] }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('link', { name: label }).click();
  await expect(drawer).toBeHidden();
}

for (const [index, { locale, dir }] of CASES.entries()) {
  const t = catalogue(locale);
  test.describe(`the console in ${locale}`, () => {
    test.use({ locale });

    test('an organiser reviews, appoints an organiser and imports a CSV with a bad row', async ({ page }) => {
      const tag = randomBytes(3).toString('hex');
      const staff = await account(
        'console-admin',
        locale === 'ar' ? 'منظمة المنتدى' : 'Organisatrice',
        ['ORGANISER', 'ADMIN'],
        locale,
      );
      const appointee = await account(
        'console-appointee',
        locale === 'ar' ? 'سمير الجديد' : 'Samir Nouveau',
        [],
      );
      const orgs = await pendingOrganizations(page, tag);
      await pendingChange(index);

      // A member without a role is told the console is not for them.
      await page.goto('/signin');
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await page.getByLabel(t['auth.email']).fill(staff.email);
      await page.getByLabel(t['auth.password']).fill(staff.password);
      await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
      await expect(page).toHaveURL(/\/$/);

      // The account menu leads to the console; its home counts what waits.
      await page.getByRole('button', { name: t['nav.account'] }).click();
      await page.getByRole('menuitem', { name: t['console.menu'] }).click();
      await expect(page).toHaveURL(/\/console$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['console.home.title']);
      await expect(page.getByText(t['console.home.newOrganizations'])).toBeVisible();
      await screen(page, locale, 'console-home');

      // The navigation is a drawer on a phone.
      await page.getByRole('button', { name: t['console.nav.open'] }).click();
      await expect(
        page.getByRole('dialog').getByRole('link', { name: t['console.nav.staff'] }),
      ).toBeVisible();
      // The drawer comes in from the side the text starts on.
      await page.waitForTimeout(400); // the end of the slide-in
      const box = (await page.getByRole('dialog').boundingBox())!;
      expect(dir === 'rtl' ? box.x + box.width : box.x).toBeCloseTo(dir === 'rtl' ? 390 : 0, 0);
      await screen(page, locale, 'console-nav', { fullPage: false });
      await page.getByRole('dialog').getByRole('link', { name: t['console.nav.review'] }).click();
      await expect(page).toHaveURL(/\/console\/review$/);

      // Approve one organisation with a note.
      const name = (o: { fr: string; ar: string }) => (locale === 'ar' ? o.ar : o.fr);
      const card = (o: { fr: string; ar: string }) =>
        page.getByTestId('review-organization').filter({ hasText: name(o) });
      await expect(card(orgs.approve)).toBeVisible();
      await screen(page, locale, 'console-review');
      await card(orgs.approve).getByLabel(t['console.decision.note']).fill('Dossier complet.');
      await card(orgs.approve)
        .getByRole('button', {
          name: t['console.decision.approveNamed'].replace('{name}', name(orgs.approve)),
        })
        .click();
      await expect(page.getByRole('status')).toContainText(name(orgs.approve));
      await expect(card(orgs.approve)).toHaveCount(0);

      // A rejection needs a note: said next to the field, nothing sent.
      const rejectButton = card(orgs.reject).getByRole('button', {
        name: t['console.decision.rejectNamed'].replace('{name}', name(orgs.reject)),
      });
      await rejectButton.click();
      await expect(card(orgs.reject).getByText(t['console.decision.noteRequired'])).toBeVisible();
      await screen(page, locale, 'console-review-note-required');
      expect(
        (await sql<{ status: string }>(`SELECT status FROM organization WHERE id = $1`, [orgs.reject.id]))[0]
          .status,
      ).toBe('PENDING');
      await card(orgs.reject).getByLabel(t['console.decision.note']).fill('Secteur à préciser.');
      await rejectButton.click();
      await expect(card(orgs.reject)).toHaveCount(0);
      expect(
        await sql(`SELECT status, review_note FROM organization WHERE id = ANY($1) ORDER BY status`, [
          [orgs.approve.id, orgs.reject.id],
        ]),
      ).toEqual([
        { status: 'ACTIVE', review_note: 'Dossier complet.' },
        { status: 'REJECTED', review_note: 'Secteur à préciser.' },
      ]);

      // An identity change reads as a before/after table.
      await page.getByRole('tab', { name: new RegExp(t['console.review.changes']) }).click();
      const change = page.getByTestId('review-change').first();
      await expect(change.getByRole('table')).toContainText('https://nouveau-site.example.dz');
      await expect(change.getByRole('rowheader', { name: t['console.review.fields.website'] })).toBeVisible();
      await screen(page, locale, 'console-review-change');

      // On a laptop the navigation is a side column.
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(page.getByRole('navigation', { name: t['console.nav.label'] })).toBeVisible();
      await screen(page, locale, 'console-review-laptop', { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });

      // Claims: the contested ones by default.
      await openSection(page, t, t['console.nav.claims']);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['console.claims.title']);
      await screen(page, locale, 'console-claims');

      // Appoint an organiser by email.
      await openSection(page, t, t['console.nav.staff']);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['console.staff.title']);
      await page.getByLabel(t['console.staff.email']).fill(appointee.email.toUpperCase());
      await page.getByRole('button', { name: t['console.staff.find'] }).click();
      await page
        .getByRole('button', {
          name: t['console.staff.grant.ORGANISER'].replace('{name}', appointee.displayName),
        })
        .first()
        .click();
      await expect(page.getByRole('status')).toContainText(appointee.displayName);
      expect(
        (
          await sql<{ roles: string[] }>(`SELECT roles FROM user_account WHERE email = $1`, [appointee.email])
        )[0].roles,
      ).toEqual(['ORGANISER']);
      await expect(page.getByTestId('staff-member').filter({ hasText: appointee.email })).toHaveCount(2);
      await screen(page, locale, 'console-staff');

      // Import a CSV: two good rows, one with an unknown sector on line 3.
      const dir_ = mkdtempSync(join(tmpdir(), 'console-import-'));
      const file = join(dir_, `organisations-${tag}.csv`);
      writeFileSync(
        file,
        [
          'ref,kind,name_fr,name_ar,country,region_code,sectors,processes,languages',
          `web-${tag}-1,SME,Fonderie ${tag},مسبك ${tag},DZ,DZ-13,24;25,CASTING,ar;fr`,
          `web-${tag}-bad,SME,Secteur inventé ${tag},,DZ,DZ-16,ZZ,,`,
          `web-${tag}-2,LARGE_FIRM,"Ciments, ${tag}",,TN,,23,,fr`,
        ].join('\n') + '\n',
      );
      await openSection(page, t, t['console.nav.import']);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['console.import.title']);
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole('button', { name: t['console.import.start'], exact: true }).click();
      await expect(page.getByRole('heading', { name: t['console.import.report'] })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
      const rows = page.getByTestId('rejected-row');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('3');
      await expect(rows.first()).toContainText(`web-${tag}-bad`);
      await expect(rows.first()).toContainText('ZZ');
      expect(
        await sql(`SELECT external_ref FROM organization WHERE external_ref LIKE $1 ORDER BY 1`, [
          `web-${tag}-%`,
        ]),
      ).toEqual([{ external_ref: `web-${tag}-1` }, { external_ref: `web-${tag}-2` }]);
      await screen(page, locale, 'console-import');

      // Operations: mail deliveries (failures first), then the audit log has the appointment.
      await openSection(page, t, t['console.nav.operations']);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['console.ops.title']);
      await expect(page.getByLabel(t['console.ops.mail.status']).first()).toBeVisible();
      await screen(page, locale, 'console-operations-mail');
      await page.getByRole('tab', { name: t['console.ops.audit.title'] }).click();
      await page.getByLabel(t['console.ops.audit.entityType']).fill('user');
      await page.getByRole('button', { name: t['console.ops.filter'] }).click();
      const [{ id: appointeeId }] = await sql<{ id: string }>(
        `SELECT id FROM user_account WHERE email = $1`,
        [appointee.email],
      );
      await expect(
        page.getByTestId('audit-entry').filter({ hasText: 'user.roles' }).filter({ hasText: appointeeId }),
      ).toHaveCount(1);
      await screen(page, locale, 'console-operations-audit');

      // The job queues dashboard opens in this tab, behind the admin's session.
      await page.getByTestId('job-queues').click();
      await expect(page).toHaveURL(/\/admin\/queues/);
      await expect(page.getByText('matchmaking').first()).toBeVisible();
      await expect(page.getByText('search-sync').first()).toBeVisible();
    });
  });
}

test.describe('the console for a member without a role', () => {
  test.use({ locale: 'fr' });

  test('is refused, and its code and messages are not loaded', async ({ page }) => {
    const t = catalogue('fr');
    const member = await account('console-member', 'Membre', []);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/signin');
    await page.getByLabel(t['auth.email']).fill(member.email);
    await page.getByLabel(t['auth.password']).fill(member.password);
    await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('button', { name: t['nav.account'] }).click();
    await expect(page.getByRole('menuitem', { name: t['console.menu'] })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.goto('/console');
    await expect(page.getByText(t['console.forbidden.title'])).toBeVisible();
    expect(scripts.filter((s) => /ConsoleLayout|ConsoleHome|catalogue-console/.test(s))).toEqual([]);
  });
});
