import { expect, test, type Page } from '@playwright/test';
import { catalogue, demoPassword, organiserApi as api, screen, sql, type Catalogue } from './kit';

/*
 * An organiser acting for a delegate, in Arabic and in French, on an edition this journey makes
 * through the api (four delegates of four firms; B has asked A for a meeting): from the delegates
 * table the organiser opens A, accepts B's request for A, asks C for a meeting in A's name, withdraws
 * that request, and marks two slots A cannot attend. The database shows each change, made under the
 * rules members have and written to the audit log under the organiser's account. axe-core checks
 * the dialog.
 */

async function edition(gql: Awaited<ReturnType<typeof api>>, run: string) {
  const day = '2031-06-11';
  const id = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { ar: `منتدى النيابة ${run}`, fr: `Forum par procuration ${run}` },
        startsOn: day,
        endsOn: day,
        slotMinutes: 30,
        sessions: [{ day, kind: 'MORNING', start: '09:00', end: '11:00' }],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`, { id });
  const orgs = await sql<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY random() LIMIT 4`,
  );
  const delegates: { id: string; name: string; org: string }[] = [];
  for (const [i, o] of orgs.entries()) {
    const name = `${String.fromCharCode(65 + i)}${run} Délégué`;
    const d = await gql(`mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`, {
      i: { editionId: id, organizationId: o.id, name, email: `acting-${run}-${i}@example.test` },
    });
    delegates.push({ id: d.registerDelegate.id as string, name, org: o.id });
  }
  const [a, b] = delegates;
  const asked = (
    await gql(`mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`, {
      i: { editionId: id, organizationId: b.org, fromDelegateId: b.id, toDelegateId: a.id },
    })
  ).requestMeeting.id as string;
  return { id, delegates, asked };
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

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  test.describe(`acting for a delegate in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser accepts, sends and withdraws requests and marks unavailability for a delegate', async ({
      page,
      request,
    }) => {
      test.setTimeout(180_000);
      const run = `${locale}${Date.now().toString(36)}`;
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      const e = await edition(gql, run);
      const [a, b, c] = e.delegates;
      const [organiser] = await sql<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [
        'organiser@tashbik.test',
      ]);

      const [{ last }] = await sql<{ last: string }>(
        `SELECT coalesce(max(id), 0)::text AS last FROM audit_log`,
      );

      await signIn(page, t, locale);
      await page.goto(`/console/forum/${e.id}?tab=delegates`);
      await page.getByLabel(t['consoleForum.delegates.search'], { exact: true }).fill(a.name);
      const rows = page.getByTestId('delegates-table').locator('tbody tr');
      await expect(rows).toHaveCount(1);
      await page
        .getByRole('button', { name: fill(t['consoleForum.act.openName'], { name: a.name }) })
        .click();
      const dialog = page.getByRole('dialog', { name: fill(t['consoleForum.act.title'], { name: a.name }) });
      await expect(dialog).toBeVisible();
      const requests = dialog.getByTestId('act-requests').locator('li');
      await expect(requests).toHaveCount(1);
      await expect(requests.first()).toContainText(b.name);
      await expect(dialog).toHaveCSS('opacity', '1');
      await screen(page, locale, 'console-acting', { fullPage: false });

      // B's request, accepted for A.
      await dialog
        .getByRole('button', { name: fill(t['consoleForum.act.acceptName'], { name: b.name }) })
        .click();
      await expect(dialog.getByTestId('act-done')).toHaveText(t['consoleForum.act.done.accept']);
      const [accepted] = await sql<{ status: string; responded_by: string; to_delegate_id: string }>(
        `SELECT status, responded_by, to_delegate_id FROM forum_meeting_request WHERE id = $1`,
        [e.asked],
      );
      expect(accepted).toEqual({ status: 'ACCEPTED', responded_by: organiser.id, to_delegate_id: a.id });
      await expect(requests.first()).toContainText(t['consoleForum.act.status.ACCEPTED']);

      // A asks C, through the organiser; then the organiser withdraws it in A's name.
      await dialog.getByRole('combobox', { name: t['consoleForum.act.with'], exact: true }).click();
      await page.getByRole('option', { name: c.name, exact: true }).click();
      await dialog.getByRole('button', { name: t['consoleForum.act.sendButton'] }).click();
      await expect(dialog.getByTestId('act-done')).toHaveText(t['consoleForum.act.done.send']);
      await expect(requests).toHaveCount(2);
      const sent = await sql<{ id: string; status: string; source: string }>(
        `SELECT id, status, source FROM forum_meeting_request WHERE from_delegate_id = $1 AND to_delegate_id = $2`,
        [a.id, c.id],
      );
      expect(sent.map((r) => [r.status, r.source])).toEqual([['PENDING', 'ORGANISER']]);
      await dialog
        .getByRole('button', { name: fill(t['consoleForum.act.cancelName'], { name: c.name }) })
        .click();
      await expect(dialog.getByTestId('act-done')).toHaveText(t['consoleForum.act.done.cancel']);
      await expect(requests).toHaveCount(1);
      const [withdrawn] = await sql<{ status: string; cancelled_by_organization_id: string }>(
        `SELECT status, cancelled_by_organization_id FROM forum_meeting_request WHERE id = $1`,
        [sent[0].id],
      );
      expect(withdrawn).toEqual({ status: 'CANCELLED', cancelled_by_organization_id: a.org });

      // Two slots A cannot attend: the first and the last of the morning.
      const chips = dialog.getByTestId('act-slots').locator('label');
      await expect(chips).toHaveCount(4);
      await chips.first().click();
      await chips.last().click();
      await dialog.getByRole('button', { name: t['consoleForum.act.saveUnavailable'] }).click();
      await expect(dialog.getByTestId('act-done')).toHaveText(t['consoleForum.act.done.unavailable']);
      const unavailable = await sql<{ starts: string }>(
        `SELECT to_char(s.starts_at AT TIME ZONE e.timezone, 'HH24:MI') AS starts
           FROM forum_delegate_unavailable u JOIN forum_slot s ON s.id = u.slot_id
           JOIN forum_edition e ON e.id = s.edition_id
          WHERE u.delegate_id = $1 ORDER BY s.starts_at`,
        [a.id],
      );
      expect(unavailable.map((u) => u.starts)).toEqual(['09:00', '10:30']);
      await screen(page, locale, 'console-acting-done', { fullPage: false });

      // Every action is in the audit log under the organiser's account.
      const audit = await sql<{ action: string }>(
        `SELECT action FROM audit_log
          WHERE id > $1 AND actor_id = $2 AND entity_id = ANY($3::text[]) ORDER BY id`,
        [last, organiser.id, [e.asked, sent[0].id, a.id]],
      );
      expect(audit.map((x) => x.action)).toEqual([
        'meeting_request.accept',
        'meeting_request.create',
        'meeting_request.cancel',
        'forum_delegate.update',
      ]);
    });
  });
}
