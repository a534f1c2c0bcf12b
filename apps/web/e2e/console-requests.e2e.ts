import { expect, test, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, demoPassword, organiserApi as api, screen, sql, type Catalogue } from './kit';

/*
 * The delegates and requests screens, in Arabic and in French, on an edition this journey makes
 * through the api: seven delegates of six firms (three of them in a group), five meeting requests
 * between them, two accepted. The delegates table pages and filters through the api with its
 * filters kept in the URL (a reload keeps them); a delegate's requests open from its row; the
 * matrix counts the requests made between organisations and between groups, and a cell opens the
 * request table on that pair. Every count asserted is one of the requests made here. axe-core
 * checks each screen.
 */

type Gql = Awaited<ReturnType<typeof api>>;

async function edition(gql: Gql, run: string, locale: string) {
  const day = '2031-07-02';
  const id = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { ar: `منتدى الطلبات ${run}`, fr: `Forum des demandes ${run}` },
        startsOn: day,
        endsOn: day,
        slotMinutes: 30,
        sessions: [{ day, kind: 'MORNING', start: '09:00', end: '12:00' }],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`, { id });
  const groupName = locale === 'ar' ? `مجموعة ${run}` : `Groupe ${run}`;
  const group = (
    await gql(
      `mutation($e: ID!, $i: ForumGroupInput!) { createForumGroup(editionId: $e, input: $i) { id } }`,
      { e: id, i: { code: `G${run}`.slice(0, 16).toUpperCase(), name: { ar: groupName, fr: groupName } } },
    )
  ).createForumGroup.id as string;
  const orgs = await sql<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY random() LIMIT 6`,
  );
  // A1 and A2 represent the same firm; A1, A2 and B are in the group.
  const plan = [
    ['A1', 0, true],
    ['A2', 0, true],
    ['B', 1, true],
    ['C', 2, false],
    ['D', 3, false],
    ['E', 4, false],
    ['F', 5, false],
  ] as const;
  const d: Record<string, { id: string; name: string; org: string }> = {};
  for (const [key, org, grouped] of plan) {
    const name = `${key} ${run} Délégué`;
    const r = await gql(`mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`, {
      i: {
        editionId: id,
        organizationId: orgs[org].id,
        name,
        email: `req-${run}-${key}@example.test`.toLowerCase(),
      },
    });
    d[key] = { id: r.registerDelegate.id as string, name, org: orgs[org].id };
    if (grouped)
      await gql(`mutation($d: ID!, $g: ID) { assignDelegateGroup(delegateId: $d, groupId: $g) { id } }`, {
        d: d[key].id,
        g: group,
      });
  }
  const ask = async (from: string, to: string, accept = false) => {
    const r = (
      await gql(`mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`, {
        i: { editionId: id, organizationId: d[from].org, fromDelegateId: d[from].id, toDelegateId: d[to].id },
      })
    ).requestMeeting.id as string;
    if (accept)
      await gql(
        `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
        { r, o: d[to].org },
      );
  };
  await ask('A1', 'B');
  await ask('A2', 'B', true);
  await ask('A1', 'C');
  await ask('B', 'C');
  await ask('D', 'A1', true);
  return { id, d, group, groupName, orgs: orgs.map((o) => o.id) };
}

async function signIn(page: Page, t: Catalogue, locale: string) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill('organiser@tashbik.test');
  await page.getByLabel(t['auth.password']).fill(demoPassword('organiser@tashbik.test'));
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  /** A total as the catalogue words it in this language (Arabic's dual has no digit). */
  const total = (key: string, count: number) =>
    new IntlMessageFormat(t[key], locale === 'ar' ? 'ar-u-nu-latn' : locale).format({ count }) as string;
  test.describe(`delegates and requests in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser filters the delegates, reads the requests and drills into the matrix', async ({
      page,
      request,
    }) => {
      test.setTimeout(180_000);
      const run = `${locale}${Date.now().toString(36)}`;
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      const e = await edition(gql, run, locale);
      await signIn(page, t, locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');

      // Delegates: the seven of this edition, then the group's three; the filter survives a reload.
      await page.goto(`/console/forum/${e.id}?tab=delegates`);
      const rows = page.getByTestId('delegates-table').locator('tbody tr');
      await expect(rows).toHaveCount(7);
      await expect(page.getByTestId('delegates-total')).toHaveText(total('consoleForum.delegates.total', 7));
      await choose(page, t['consoleForum.delegates.group'], e.groupName);
      await expect(rows).toHaveCount(3);
      await expect(page.getByTestId('delegates-total')).toHaveText(total('consoleForum.delegates.total', 3));
      await expect(page).toHaveURL(new RegExp(`group=${e.group}`));
      await page.getByLabel(t['consoleForum.delegates.search'], { exact: true }).fill(`A1 ${run}`);
      await expect(rows).toHaveCount(1);
      await expect(page).toHaveURL(/q=A1/);
      await page.reload();
      await expect(rows).toHaveCount(1);
      await expect(page.getByLabel(t['consoleForum.delegates.search'], { exact: true })).toHaveValue(
        `A1 ${run}`,
      );
      await page.getByLabel(t['consoleForum.delegates.search'], { exact: true }).fill('');
      await expect(rows).toHaveCount(3);
      await expect(rows.first()).toContainText(t['consoleForum.delegates.status.REGISTERED']);
      await screen(page, locale, 'console-delegates-filtered');

      // A1's requests, from its row: the two it sent and the one D sent it.
      await page
        .getByRole('button', { name: fill(t['consoleForum.delegates.requestsOf'], { name: e.d.A1.name }) })
        .click();
      await expect(page).toHaveURL(/tab=requests/);
      const requests = page.getByTestId('requests-table').locator('tbody tr');
      await expect(requests).toHaveCount(3);
      await expect(page.getByTestId('requests-total')).toHaveText(total('consoleForum.requests.total', 3));
      await expect(page.getByTestId('requests-scope')).toContainText(e.d.A1.name);
      const fromD = requests.filter({ hasText: e.d.D.name });
      await expect(fromD).toContainText(t['consoleForum.act.status.ACCEPTED']);
      await page.getByRole('button', { name: t['consoleForum.requests.clear'] }).click();
      await expect(requests).toHaveCount(5);
      await choose(page, t['consoleForum.requests.status'], t['consoleForum.act.status.ACCEPTED']);
      await expect(requests).toHaveCount(2);
      await screen(page, locale, 'console-requests');

      // The matrix by organisation: A1's and A2's firm asked B's twice (one pending, one accepted).
      await page.getByText(t['consoleForum.requests.view.matrix'], { exact: true }).click();
      const matrix = page.getByTestId('request-matrix');
      await expect(matrix.locator('tbody tr')).toHaveCount(3); // the firms of A, B and D sent requests
      const pair = matrix.locator(`td[data-from="${e.orgs[0]}"][data-to="${e.orgs[1]}"]`);
      await expect(pair).toHaveText(/1\s*\/\s*1/);
      await expect(matrix.locator(`td[data-from="${e.orgs[0]}"][data-to="${e.orgs[2]}"]`)).toHaveText(
        /1\s*\/\s*0/,
      );
      await expect(matrix.getByRole('columnheader')).toHaveCount(3);
      await screen(page, locale, 'console-request-matrix');
      // From the keyboard: the cell's button, as a keyboard user reaches it.
      await pair.getByRole('button').press('Enter');
      await expect(page).toHaveURL(/view=table/);
      await expect(requests).toHaveCount(2);
      await expect(page.getByTestId('requests-total')).toHaveText(total('consoleForum.requests.total', 2));
      await expect(requests.filter({ hasText: e.d.A1.name })).toContainText(e.d.B.name);
      await expect(requests.filter({ hasText: e.d.A2.name })).toContainText(e.d.B.name);

      // By group: the group asked itself twice (A1 and A2 to B), and asked delegates of no group twice.
      await page.getByText(t['consoleForum.requests.view.matrix'], { exact: true }).click();
      await choose(page, t['consoleForum.matrix.by'], t['consoleForum.matrix.by.GROUP']);
      const own = matrix.locator(`td[data-from="${e.group}"][data-to="${e.group}"]`);
      await expect(own).toHaveText(/1\s*\/\s*1/);
      await expect(matrix.locator(`td[data-from="${e.group}"][data-to=""]`)).toHaveText(/2\s*\/\s*0/);
      await expect(matrix.locator(`td[data-from=""][data-to="${e.group}"]`)).toHaveText(/0\s*\/\s*1/);
      await own.getByRole('button').click();
      await expect(requests).toHaveCount(2);
      await expect(page.getByTestId('requests-scope')).toContainText(e.groupName);
      await screen(page, locale, 'console-requests-pair');
    });
  });
}
