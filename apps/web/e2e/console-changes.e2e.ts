import { expect, test, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, demoPassword, organiserApi as api, screen, sql, type Catalogue } from './kit';

/*
 * The draft compared with the published schedule, in Arabic and in French, on an edition this
 * journey makes through the api: six delegates of six firms, two meetings booked and published, then
 * one moved, one withdrawn by the organiser and one newly accepted request placed by a scheduler run.
 * The console's scheduling tab counts one new, one moved and one cancelled meeting for the six
 * delegates, lists them by kind and for one delegate, and shows nothing left once published.
 */

/** An open edition, three tables, six delegates; two meetings published, then changed. */
async function edition(gql: Awaited<ReturnType<typeof api>>, run: string) {
  const day = '2031-05-20';
  const id = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { ar: `منتدى المقارنة ${run}`, fr: `Forum comparé ${run}` },
        startsOn: day,
        endsOn: day,
        slotMinutes: 20,
        sessions: [{ day, kind: 'MORNING', start: '09:00', end: '11:00' }],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`, { id });
  const tables = (
    await gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id label } }`,
      { e: id, t: [{ label: 'T1' }, { label: 'T2' }, { label: 'T3' }] },
    )
  ).addForumTables as { id: string; label: string }[];
  const orgs = await sql<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY random() LIMIT 6`,
  );
  const delegates: { id: string; name: string; org: string }[] = [];
  for (const [i, o] of orgs.entries()) {
    const name = `${String.fromCharCode(65 + i)}${run} Délégué`;
    const d = await gql(`mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`, {
      i: { editionId: id, organizationId: o.id, name, email: `changes-${run}-${i}@example.test` },
    });
    delegates.push({ id: d.registerDelegate.id as string, name, org: o.id });
  }
  const slots = (
    (await gql(`query($e: ID!) { forumSlots(editionId: $e) { id isBreak startsAt } }`, { e: id }))
      .forumSlots as { id: string; isBreak: boolean; startsAt: string }[]
  )
    .filter((s) => !s.isBreak)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const accepted = async (a: number, b: number) => {
    const r = await gql(`mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`, {
      i: {
        editionId: id,
        organizationId: delegates[a].org,
        fromDelegateId: delegates[a].id,
        toDelegateId: delegates[b].id,
      },
    });
    await gql(
      `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
      {
        r: r.requestMeeting.id,
        o: delegates[b].org,
      },
    );
    return r.requestMeeting.id as string;
  };
  const book = async (request: string, slot: number, table: number) =>
    (
      await gql(
        `mutation($r: ID!, $s: ID!, $t: ID) { bookMeeting(requestId: $r, slotId: $s, tableId: $t) { id } }`,
        {
          r: request,
          s: slots[slot].id,
          t: tables[table].id,
        },
      )
    ).bookMeeting.id as string;
  const moved = await book(await accepted(0, 1), 0, 0);
  const withdrawn = await accepted(2, 3);
  await book(withdrawn, 1, 1);
  await gql(`mutation($e: ID!) { publishSchedule(editionId: $e) { publishedVersion } }`, { e: id });
  // After the publication: a move (slot 4, T3), a withdrawn request and a new one for the scheduler.
  await gql(
    `mutation($m: ID!, $s: ID!, $t: ID) { moveMeeting(meetingId: $m, slotId: $s, tableId: $t) { id } }`,
    {
      m: moved,
      s: slots[3].id,
      t: tables[2].id,
    },
  );
  await gql(`mutation($r: ID!) { cancelMeetingRequest(requestId: $r) { status } }`, { r: withdrawn });
  await accepted(4, 5);
  const job = (
    await gql(`mutation($e: ID!) { scheduleEdition(editionId: $e, timeLimitSeconds: 5) { id } }`, { e: id })
  ).scheduleEdition.id as string;
  await expect
    .poll(
      async () =>
        (
          (await gql(`query($j: ID!) { scheduleRun(jobId: $j) { state } }`, { j: job })).scheduleRun as {
            state: string;
          }
        ).state,
      { timeout: 60_000 },
    )
    .toBe('DONE');
  return { id, delegates };
}

async function signIn(page: Page, t: Catalogue, locale: string) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill('organiser@tashbik.test');
  await page.getByLabel(t['auth.password']).fill(demoPassword('organiser@tashbik.test'));
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  const say = (key: string, values: Record<string, number>) =>
    String(new IntlMessageFormat(t[key], locale).format(values));
  test.describe(`the draft against the published schedule in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser sees which meetings are new, moved or cancelled, in all and per delegate, then publishes', async ({
      page,
      request,
    }) => {
      test.setTimeout(240_000);
      const run = `${locale}${Date.now().toString(36)}`;
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      const e = await edition(gql, run);
      const [a, b, c, d, x, y] = e.delegates;

      await signIn(page, t, locale);
      await page.goto(`/console/forum/${e.id}?tab=schedule`);
      const section = page.getByTestId('schedule-changes');
      await expect(section.getByTestId('changes-new')).toHaveText(
        say('consoleForum.changes.count.NEW', { count: 1 }),
      );
      await expect(section.getByTestId('changes-moved')).toHaveText(
        say('consoleForum.changes.count.MOVED', { count: 1 }),
      );
      await expect(section.getByTestId('changes-cancelled')).toHaveText(
        say('consoleForum.changes.count.CANCELLED', { count: 1 }),
      );
      await expect(section.getByTestId('changes-delegates')).toHaveText(
        say('consoleForum.changes.count.delegates', { count: 6 }),
      );
      const rows = section.getByTestId('changes-table').locator('tbody tr');
      await expect(rows).toHaveCount(3);
      const row = (name: string) => rows.filter({ hasText: name });
      await expect(row(a.name)).toContainText(b.name);
      await expect(row(a.name)).toContainText(t['consoleForum.changes.kind.MOVED']);
      // Published at T1, now at T3 in the draft.
      await expect(row(a.name).locator('td').nth(1)).toContainText('T1');
      await expect(row(a.name).locator('td').nth(2)).toContainText('T3');
      await expect(row(c.name)).toContainText(d.name);
      await expect(row(c.name)).toContainText(t['consoleForum.changes.cancelledPlace']);
      await expect(row(x.name)).toContainText(y.name);
      await expect(row(x.name)).toContainText(t['consoleForum.changes.kind.NEW']);
      await screen(page, locale, 'console-schedule-changes');
      await section.evaluate((el) =>
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72),
      );
      await screen(page, locale, 'console-schedule-changes-phone', { fullPage: false, axe: false });

      // By kind: the moved meeting alone.
      const kinds = section.locator('.mantine-SegmentedControl-root');
      await kinds.getByText(t['consoleForum.changes.kind.MOVED'], { exact: true }).click();
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(a.name);
      await kinds.getByText(t['consoleForum.changes.kind.ALL'], { exact: true }).click();
      await expect(rows).toHaveCount(3);

      // For one delegate: C's agenda lost its meeting with D, and only that.
      await page.getByRole('combobox', { name: t['consoleForum.changes.delegate'], exact: true }).click();
      await page.getByRole('option', { name: new RegExp(`^${c.name} ·`) }).click();
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(d.name);
      await expect(section.getByTestId('changes-delegates')).toHaveText(
        say('consoleForum.changes.count.delegates', { count: 2 }),
      );
      await expect(section.getByTestId('changes-new')).toHaveText(
        say('consoleForum.changes.count.NEW', { count: 0 }),
      );
      await screen(page, locale, 'console-schedule-changes-delegate');

      // Published: the draft is what delegates see, nothing is left to compare.
      await page.getByRole('button', { name: t['consoleForum.publish.preview'] }).click();
      await page.getByRole('button', { name: t['consoleForum.publish.confirm'], exact: true }).click();
      await expect(page.getByTestId('publish-done')).toBeVisible();
      await expect(section.getByTestId('changes-none')).toBeVisible();
      await expect(section.getByTestId('changes-moved')).toHaveText(
        say('consoleForum.changes.count.MOVED', { count: 0 }),
      );
    });
  });
}
