import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import { catalogue, screen, demoPassword } from './kit';
import { e2eDatabaseUrl } from './stack';

/*
 * The organisers' console, forum part, in Arabic and in French: the demo organiser sets up an
 * edition from nothing (sessions with a break, tables, a group), opens it, imports 80 delegates
 * from a CSV generated here (two bad rows come back in the rejected-rows report), runs the
 * scheduler and watches it finish, is refused a double booking in the slots x tables grid, moves a
 * meeting to a free cell by dragging it, and publishes after the preview of who will be told.
 * axe-core checks each screen; screenshots go to reports/screenshots/.
 */

const DELEGATES = 80;

async function activeOrganizations(count: number): Promise<string[]> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY id LIMIT $1`,
      [count],
    );
    expect(rows).toHaveLength(count);
    return rows.map((r) => r.id);
  } finally {
    await db.end();
  }
}

/** GraphQL as the organiser, for what the console does not do itself: the members' requests. */
async function api(request: APIRequestContext) {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await request.post('/graphql', {
      data: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
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

/** Picks an option of a Mantine select by the select's label and the option's text. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  test.describe(`in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser sets up an edition, imports delegates, schedules, moves a meeting and publishes', async ({
      page,
      request,
    }) => {
      test.setTimeout(480_000);
      const field = (label: string) => page.getByLabel(label, { exact: true });
      const run = `${locale}${Date.now().toString(36)}`;
      const editionName = locale === 'ar' ? `منتدى التجربة ${run}` : `Forum d’essai ${run}`;

      // Signing in applies the language saved on the account: save the one this journey runs in.
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      await page.goto('/signin');
      await page.getByLabel(t['auth.email']).fill('organiser@tashbik.test');
      await page.getByLabel(t['auth.password']).fill(demoPassword('organiser@tashbik.test'));
      await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      // The console from the account menu, the forum from the console's navigation (a drawer on phones).
      await page.getByRole('button', { name: t['nav.account'] }).click();
      await page.getByTestId('console-link').click();
      await page.getByRole('button', { name: t['console.nav.open'] }).click();
      await page.getByRole('link', { name: t['consoleForum.nav'] }).click();

      // 1. An edition from nothing: a morning with a break, 20-minute slots.
      await expect(page).toHaveURL(/\/console\/forum$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['consoleForum.title']);
      await page.getByRole('button', { name: t['consoleForum.newEdition'] }).click();
      // A form sent empty says what is missing, in the interface language, and creates nothing.
      await page.getByRole('button', { name: t['consoleForum.create'] }).click();
      await expect(page.getByText(t['consoleForum.problem.name'])).toBeVisible();
      await expect(page).toHaveURL(/\/console\/forum$/);
      await field(locale === 'ar' ? t['consoleForum.edition.nameAr'] : t['consoleForum.edition.nameFr']).fill(
        editionName,
      );
      await field(t['consoleForum.edition.startsOn']).fill('2031-03-14');
      await field(t['consoleForum.edition.endsOn']).fill('2031-03-14');
      await field(t['consoleForum.edition.venue']).fill('CIC Alger');
      await field(t['consoleForum.session.day']).fill('2031-03-14');
      await field(t['consoleForum.session.breaks']).fill('10:20-10:40');
      await screen(page, locale, 'console-forum-new');
      await page.getByRole('button', { name: t['consoleForum.create'] }).click();
      await expect(page).toHaveURL(/\/console\/forum\/[0-9a-f-]{36}\?tab=setup$/);
      const editionId = /forum\/([0-9a-f-]{36})/.exec(page.url())![1];
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(editionName);
      // 09:00 to 12:00 in 20-minute slots, 10:20-10:40 a break: 8 meeting slots.
      await expect(page.getByTestId('slot-count')).toContainText('8');

      // Open it for registration, add ten tables (an interpreter for Arabic and French) and a group.
      await choose(page, t['consoleForum.setup.statusLabel'], t['consoleForum.status.OPEN']);
      await page.getByRole('button', { name: t['consoleForum.setup.saveStatus'] }).click();
      await expect(page.getByText(t['consoleForum.status.help.OPEN'])).toBeVisible();
      await field(t['consoleForum.tables.languages']).fill('ar fr');
      await field(t['consoleForum.tables.interpreter']).check();
      await page.getByRole('button', { name: t['consoleForum.tables.add'] }).click();
      await expect(page.getByRole('switch', { name: /T10/ })).toBeChecked();
      await field(t['consoleForum.groups.code']).fill('SME');
      await field(t['consoleForum.groups.name']).fill(locale === 'ar' ? 'مؤسسات' : 'PME');
      await page.getByRole('button', { name: t['consoleForum.groups.create'] }).click();
      await expect(page.getByText('(SME)')).toBeVisible();
      await screen(page, locale, 'console-forum-setup');

      // 2. Delegates from a CSV: 80 good rows, two bad ones.
      await page.getByRole('tab', { name: t['consoleForum.tab.delegates'] }).click();
      await expect(page).toHaveURL(/tab=delegates/);
      const orgs = await activeOrganizations(DELEGATES / 2);
      const lines = ['organization_id,name,email,languages,group'];
      for (let i = 0; i < DELEGATES; i++)
        lines.push(
          `${orgs[i % orgs.length]},Delegate ${run} ${String(i).padStart(2, '0')},d${i}.${run}@example.org,ar fr,${i % 4 === 0 ? 'SME' : ''}`,
        );
      lines.push(`${orgs[0]},Bad Mail ${run},not-an-address,,`);
      lines.push(`${orgs[1]},Bad Group ${run},bg.${run}@example.org,,NOPE`);
      await page.locator('input[type=file]').setInputFiles({
        name: 'delegates.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n')),
      });
      const summary = page.getByTestId('import-summary');
      await expect(summary).toHaveText(/80\D+2/, { timeout: 120_000 });
      const rejected = page.getByRole('table', { name: t['consoleForum.import.rejected'] });
      await expect(rejected.getByRole('row')).toHaveCount(3);
      await expect(rejected).toContainText(t['consoleForum.import.reason.BAD_EMAIL']);
      await expect(rejected).toContainText(t['consoleForum.import.reason.UNKNOWN_GROUP']);
      await expect(page.getByRole('link', { name: t['consoleForum.import.download'] })).toBeVisible();
      // The table pages by 50 through the api, and its filter is the api's too.
      const rows = page.getByTestId('delegates-table').locator('tbody tr');
      await expect(rows).toHaveCount(50);
      await page.getByRole('button', { name: t['consoleForum.next'] }).click();
      await expect(rows).toHaveCount(30);
      await field(t['consoleForum.delegates.search']).fill(`Delegate ${run} 07`);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(`Delegate ${run} 07`);
      await screen(page, locale, 'console-forum-delegates');

      // Accepted requests between the delegates, as members would make them (through the api).
      const delegates = (
        await gql(
          `query($e: ID!) { forumDelegates(editionId: $e, first: 500) { nodes { id organizationId } } }`,
          {
            e: editionId,
          },
        )
      ).forumDelegates.nodes as { id: string; organizationId: string }[];
      expect(delegates).toHaveLength(DELEGATES);
      for (let i = 0; i < 60; i++) {
        const from = delegates[i];
        const to = delegates[(i + 1 + (i % 7)) % DELEGATES];
        if (from.organizationId === to.organizationId) continue;
        const r = await gql(`mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`, {
          i: { editionId, organizationId: from.organizationId, fromDelegateId: from.id, toDelegateId: to.id },
        }).catch(() => null);
        if (!r) continue; // a pair already asked the other way round
        await gql(
          `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
          {
            r: r.requestMeeting.id,
            o: to.organizationId,
          },
        );
      }

      // 3. A scheduler run, followed until it ends.
      await page.getByRole('tab', { name: t['consoleForum.tab.schedule'] }).click();
      await field(t['consoleForum.run.timeLimit']).fill('10');
      await page.getByRole('button', { name: t['consoleForum.run.start'] }).click();
      const status = page.getByTestId('run-status');
      await expect(status).toBeVisible();
      await expect(status).toContainText(t['consoleForum.run.state.DONE'], { timeout: 90_000 });
      const result = page.getByTestId('run-result');
      await expect(result).toContainText(t['consoleForum.result.OPTIMAL']);
      await expect(page.locator('.grid-meeting').first()).toBeVisible();
      await screen(page, locale, 'console-forum-schedule');

      // A double booking: a meeting sent to a cell another meeting holds is refused by the database.
      const meetings = page.locator('.grid-meeting');
      const first = meetings.first();
      const firstId = await first.getAttribute('data-meeting');
      const occupied = page.locator('.slot-grid td:has(.grid-meeting)').nth(1);
      const occupiedRow = occupied.locator('xpath=..');
      const slotTime = (await occupiedRow.locator('th time').textContent())!.trim();
      const column = await occupied.evaluate((td) => (td as HTMLTableCellElement).cellIndex);
      const tableLabel = (await page.locator('.slot-grid thead th').nth(column).textContent())!.trim();
      await first.click();
      const dialog = page.getByRole('dialog');
      await choose(page, t['consoleForum.meeting.slot'], `2031-03-14 ${slotTime}`);
      await choose(page, t['consoleForum.meeting.table'], tableLabel);
      await expect(dialog.getByTestId('move-warning')).toBeVisible();
      await dialog.getByRole('button', { name: t['consoleForum.meeting.move'] }).click();
      await expect(dialog.getByTestId('meeting-error')).toHaveText(
        new RegExp(
          `${t['consoleForum.error.TABLE_BUSY']}|${t['consoleForum.error.PARTICIPANT_BUSY']}`.replace(
            /[().]/g,
            '\\$&',
          ),
        ),
      );
      await screen(page, locale, 'console-forum-refused', { fullPage: false });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // Moved through the dialog (the grid's non-drag way) to a free cell of a slot where both are free.
      await page.setViewportSize({ width: 1280, height: 900 });
      // A free cell in a slot where neither of the two has a meeting.
      const [row, cell] = await page.locator('.slot-grid').evaluate((table, id) => {
        const names = (el: Element) => [...el.querySelectorAll('bdi')].map((b) => b.textContent);
        const mine = names(table.querySelector(`[data-meeting="${id}"]`)!);
        for (const tr of [...(table as HTMLTableElement).tBodies[0].rows]) {
          if (names(tr).some((n) => mine.includes(n))) continue;
          const td = [...tr.cells].find((c) => c.tagName === 'TD' && !c.querySelector('.grid-meeting'));
          if (td) return [tr.rowIndex, td.cellIndex];
        }
        throw new Error('no free cell');
      }, firstId);
      const free = page.locator('.slot-grid tr').nth(row).locator(':scope > *').nth(cell);
      const freeTime = (await page
        .locator('.slot-grid tr')
        .nth(row)
        .locator('th time')
        .textContent())!.trim();
      const freeTable = (await page.locator('.slot-grid thead th').nth(cell).textContent())!.trim();
      await page.locator(`.grid-meeting[data-meeting="${firstId}"]`).click();
      await choose(page, t['consoleForum.meeting.slot'], `2031-03-14 ${freeTime}`);
      await choose(page, t['consoleForum.meeting.table'], freeTable);
      await expect(dialog.getByTestId('move-warning')).toHaveCount(0);
      await dialog.getByRole('button', { name: t['consoleForum.meeting.move'] }).click();
      await expect(dialog).toBeHidden();
      await expect(free.locator(`[data-meeting="${firstId}"]`)).toBeVisible();
      await screen(page, locale, 'console-forum-grid-laptop', { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });

      // 4. Publication, after the preview of who will be told.
      await expect(page.getByTestId('publish-pending')).not.toContainText(/^\D*0\D*$/);
      await page.getByRole('button', { name: t['consoleForum.publish.preview'] }).click();
      await expect(page.getByTestId('publish-names').locator('li').first()).toContainText(`Delegate ${run}`);
      // The dialog's opening transition over before the picture.
      await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
      await screen(page, locale, 'console-forum-publish', { fullPage: false });
      await page.getByRole('button', { name: t['consoleForum.publish.confirm'], exact: true }).click();
      await expect(page.getByTestId('publish-done')).toBeVisible();
      const published = (
        await gql(`query($e: ID!) { editionMeetings(editionId: $e, view: PUBLISHED) { meetingId slotId } }`, {
          e: editionId,
        })
      ).editionMeetings as { meetingId: string }[];
      expect(published.map((m) => m.meetingId)).toContain(firstId);
    });
  });
}
