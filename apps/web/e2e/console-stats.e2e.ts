import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { catalogue, demoPassword, organiserApi as api, screen, sql, type Catalogue } from './kit';

/*
 * The organisers' statistics and follow-up, in Arabic and in French, on an edition this journey
 * makes through the api: six delegates (three of Algerian firms, three of firms elsewhere), three
 * walk-in meetings sent by the Algerian side (two in the first round, one in the second, three
 * tables), a request left pending, one declined, one past its date; after the forum, one meeting
 * held and later an agreement signed, one no-show, one not reported. The organiser reads the figures
 * this set-up gives, downloads the country and round tables as CSV and checks their lines, then
 * reads the follow-up and its CSV. axe-core checks each screen.
 */

interface Delegate {
  id: string;
  name: string;
  organizationId: string;
}

/** The edition described above; returns its id and delegates (0–2 Algerian, 3–5 not). */
async function edition(gql: Awaited<ReturnType<typeof api>>, run: string) {
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const id = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { ar: `منتدى الإحصاءات ${run}`, fr: `Forum des statistiques ${run}` },
        startsOn: day,
        endsOn: day,
        slotMinutes: 30,
        sessions: [{ day, kind: 'MORNING', start: '09:00', end: '11:00' }],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`, { id });
  await gql(
    `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
    {
      e: id,
      t: [{ label: 'T1' }, { label: 'T2' }, { label: 'T3' }],
    },
  );
  const orgs = [
    ...(await sql<{ id: string }>(
      `SELECT id FROM organization WHERE status = 'ACTIVE' AND country = 'DZ' ORDER BY random() LIMIT 3`,
    )),
    ...(await sql<{ id: string }>(
      `SELECT id FROM organization WHERE status = 'ACTIVE' AND country <> 'DZ' ORDER BY random() LIMIT 3`,
    )),
  ];
  expect(orgs).toHaveLength(6);
  const delegates: Delegate[] = [];
  for (const [i, o] of orgs.entries()) {
    const name = `${String.fromCharCode(65 + i)}${run} Stat`;
    const d = await gql(`mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`, {
      i: { editionId: id, organizationId: o.id, name, email: `stats-${run}-${i}@example.test` },
    });
    delegates.push({ id: d.registerDelegate.id as string, name, organizationId: o.id });
  }
  const slots = (
    (await gql(`query($e: ID!) { forumSlots(editionId: $e) { id isBreak startsAt } }`, { e: id }))
      .forumSlots as {
      id: string;
      isBreak: boolean;
      startsAt: string;
    }[]
  )
    .filter((s) => !s.isBreak)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const meetings: string[] = [];
  for (const [a, b, slot] of [
    [0, 3, 0],
    [1, 4, 0],
    [2, 5, 1],
  ]) {
    const r = await gql(`mutation($i: WalkInInput!) { bookWalkIn(input: $i) { meeting { id } } }`, {
      i: {
        editionId: id,
        fromDelegateId: delegates[a].id,
        toDelegateId: delegates[b].id,
        slotId: slots[slot].id,
      },
    });
    meetings.push(r.bookWalkIn.meeting.id as string);
  }
  const ask = async (from: Delegate, to: Delegate) =>
    (
      await gql(`mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`, {
        i: {
          editionId: id,
          organizationId: from.organizationId,
          fromDelegateId: from.id,
          toDelegateId: to.id,
        },
      })
    ).requestMeeting.id as string;
  await ask(delegates[3], delegates[1]);
  const declined = await ask(delegates[4], delegates[2]);
  await gql(`mutation($r: ID!) { declineMeetingRequest(requestId: $r) { id } }`, { r: declined });
  const lapsed = await ask(delegates[5], delegates[0]);
  await sql(`UPDATE forum_meeting_request SET expires_at = now() - interval '1 hour' WHERE id = $1`, [
    lapsed,
  ]);
  // The forum took place a month ago.
  await sql(
    `UPDATE forum_slot SET starts_at = starts_at - interval '50 days', ends_at = ends_at - interval '50 days'
      WHERE edition_id = $1`,
    [id],
  );
  const report = (meetingId: string, outcome: string, organizationId: string | null) =>
    gql(
      `mutation($m: ID!, $o: ID, $x: MeetingOutcome!) { reportMeetingOutcome(meetingId: $m, organizationId: $o, outcome: $x) { delegateId } }`,
      { m: meetingId, o: organizationId, x: outcome },
    );
  await report(meetings[0], 'HELD', null);
  await report(meetings[0], 'AGREEMENT_SIGNED', delegates[3].organizationId);
  await report(meetings[1], 'NO_SHOW', delegates[1].organizationId);
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

/** The CSV a section's download link gives: its text and its lines (the BOM kept apart). */
async function downloadCsv(page: Page, section: Locator, t: Catalogue) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: t['consoleStats.csv'] }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  return {
    name: download.suggestedFilename(),
    bom: bytes.subarray(0, 3),
    lines: bytes.subarray(3).toString('utf8').split('\r\n'),
  };
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  test.describe(`statistics and follow-up in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser reads the statistics of an edition, downloads them as CSV, and reads the follow-up', async ({
      page,
      request,
    }) => {
      test.setTimeout(240_000);
      const run = `${locale}${Date.now().toString(36)}`;
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      const e = await edition(gql, run);

      // 1. From the edition's page to its statistics.
      await signIn(page, t, locale);
      await page.goto(`/console/forum/${e.id}?tab=setup`);
      await page.getByRole('link', { name: t['consoleStats.link.statistics'] }).click();
      await expect(page).toHaveURL(new RegExp(`/console/forum/${e.id}/statistics$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['consoleStats.title']);

      // Six requests: three accepted (the walk-ins), one declined, one pending, one lapsed: 3 / 5 = 60 %.
      const total = (id: string) => page.getByTestId(`total-${id}`).locator('.stats-number');
      await expect(total('delegates')).toHaveText('6');
      await expect(total('requestsSent')).toHaveText('6');
      await expect(total('accepted')).toHaveText('3');
      await expect(total('declined')).toHaveText('1');
      await expect(total('pending')).toHaveText('1');
      await expect(total('expired')).toHaveText('1');
      await expect(total('acceptanceRate')).toContainText('60');
      await expect(total('meetingsScheduled')).toHaveText('3');
      await expect(total('meetingsHeld')).toHaveText('1');
      await expect(total('noShows')).toHaveText('1');
      const byCountry = page.getByTestId('stats-country');
      await expect(byCountry.locator('.recharts-surface').first()).toBeVisible();
      await screen(page, locale, 'console-stats');

      // The country table as CSV: the Algerian side sent the three walk-ins, all accepted, and met in all three.
      const countries = await downloadCsv(page, byCountry, t);
      expect(countries.name).toBe('statistics-country.csv');
      expect([...countries.bom]).toEqual([0xef, 0xbb, 0xbf]);
      expect(countries.lines[0]).toBe(
        [
          t['consoleStats.dim.country'],
          t['consoleStats.col.code'],
          t['consoleStats.col.delegates'],
          t['consoleStats.col.requestsSent'],
          t['consoleStats.col.accepted'],
          t['consoleStats.col.declined'],
          t['consoleStats.col.pending'],
          t['consoleStats.col.expired'],
          t['consoleStats.col.cancelled'],
          t['consoleStats.col.acceptanceRate'],
          t['consoleStats.col.meetingsScheduled'],
          t['consoleStats.col.meetingsHeld'],
          t['consoleStats.col.noShows'],
        ].join(','),
      );
      expect(countries.lines.filter((l) => l.endsWith(',DZ,3,3,3,0,0,0,0,1.0000,3,1,1'))).toHaveLength(1);
      // The others, whatever their countries: the three requests they sent, none accepted, and one side of each meeting.
      const others = countries.lines.slice(1).filter((l) => l && !l.includes(',DZ,'));
      const sum = (fromEnd: number) => others.reduce((n, l) => n + Number(l.split(',').at(-fromEnd)), 0);
      expect({
        delegates: sum(11),
        sent: sum(10),
        accepted: sum(9),
        declined: sum(8),
        pending: sum(7),
        expired: sum(6),
        meetings: sum(3),
      }).toEqual({ delegates: 3, sent: 3, accepted: 0, declined: 1, pending: 1, expired: 1, meetings: 3 });

      // Table use per round: two of three tables in the first round, one in the second.
      const rounds = await downloadCsv(page, page.getByTestId('stats-rounds'), t);
      expect(rounds.lines.slice(1, 3).map((l) => l.split(',').slice(-4).join(','))).toEqual([
        '2,2,3,0.6667',
        '1,1,3,0.3333',
      ]);
      await expect(page.getByTestId('stats-rounds').getByRole('row')).toHaveCount(1 + 4);

      // 2. The follow-up: one meeting went as far as an agreement, one was a no-show, one is not reported.
      await page.getByRole('link', { name: t['consoleStats.back'] }).click();
      await page.getByRole('link', { name: t['consoleStats.link.followUp'] }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['consoleStats.followUp.title']);
      await expect(page.getByTestId('followup-meetings').locator('.stats-number')).toHaveText('3');
      const stages = page.getByTestId('followup-stages');
      const stageCount = (stage: string) =>
        stages
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: t[`consoleStats.stage.${stage}`], exact: true }) })
          .getByRole('cell')
          .last();
      await expect(stageCount('AGREEMENT_SIGNED')).toHaveText('1');
      await expect(stageCount('NO_SHOW')).toHaveText('1');
      await expect(stageCount('NOT_REPORTED')).toHaveText('1');
      await expect(stageCount('HELD')).toHaveText('0');
      await expect(stageCount('CONTRACT_SIGNED')).toHaveText('0');
      const list = page.getByTestId('followup-meetings-list');
      await expect(list.getByRole('row')).toHaveCount(1 + 3);
      const first = list.getByRole('row').nth(1);
      await expect(first).toContainText(e.delegates[0].name);
      await expect(first).toContainText(e.delegates[3].name);
      await expect(first).toContainText(t['consoleStats.stage.AGREEMENT_SIGNED']);
      await screen(page, locale, 'console-follow-up');

      const meetings = await downloadCsv(page, list, t);
      expect(meetings.name).toBe('follow-up-meetings.csv');
      expect(meetings.lines.filter(Boolean)).toHaveLength(1 + 3);
      const agreed = meetings.lines.find((l) => l.includes(e.delegates[3].name))!;
      expect(agreed).toContain(e.delegates[0].name);
      expect(agreed.endsWith(`,${t['consoleStats.stage.AGREEMENT_SIGNED']}`)).toBe(true);
      // Each side's own latest report: the Algerian side said held, the other an agreement.
      expect(agreed).toContain(t['consoleStats.stage.HELD']);

      // Only the no-shows.
      await page.getByRole('combobox', { name: t['consoleStats.followUp.filter'], exact: true }).click();
      await page.getByRole('option', { name: t['consoleStats.stage.NO_SHOW'], exact: true }).click();
      await expect(list.getByRole('row')).toHaveCount(1 + 1);
      await expect(list.getByRole('row').nth(1)).toContainText(e.delegates[1].name);
    });
  });
}
