import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { catalogue, demoOwnerPassword, screen, serviceWorkerInCharge } from './kit';
import { e2eDatabaseUrl } from './stack';

/*
 * The forum, participants' side, in Arabic and French at phone size: the demo owner opens the
 * edition, registers a delegate and marks an unavailable slot, requests a meeting from the participant
 * directory, finds it in "my requests", reads the agenda with the venue's time zone by name and the
 * badge's QR code, goes offline, reloads, still sees agenda and badge, reports a meeting's outcome
 * offline (waiting to send) and sees it sent, and stored by the api, once back online.
 */

const DEMO_EDITION_FR = '5e Forum arabe des petites et moyennes industries';

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/** The demo edition, and one published meeting of the demo owner's firm moved to yesterday so it has started. */
async function startedMeeting(): Promise<{
  editionId: string;
  name: Record<string, string>;
  meetingId: string;
}> {
  const [edition] = await query<{ id: string; name: Record<string, string> }>(
    `SELECT id, name FROM forum_edition WHERE name->>'fr' = $1`,
    [DEMO_EDITION_FR],
  );
  const [meeting] = await query<{ id: string; slot_id: string }>(
    `SELECT mt.id, mt.slot_id FROM forum_meeting mt
       JOIN forum_meeting_participant p ON p.meeting_id = mt.id
       JOIN forum_delegate d ON d.id = p.delegate_id
       JOIN membership ms ON ms.organization_id = d.organization_id
       JOIN user_account u ON u.id = ms.user_id AND u.email = 'owner@tashbik.test'
       JOIN forum_slot s ON s.id = mt.slot_id
      WHERE mt.edition_id = $1 AND mt.status = 'PUBLISHED'
      ORDER BY s.starts_at LIMIT 1`,
    [edition.id],
  );
  await query(
    `UPDATE forum_slot SET starts_at = date_trunc('hour', now()) - interval '1 day',
                           ends_at = date_trunc('hour', now()) - interval '1 day' + interval '30 minutes'
      WHERE id = $1 AND starts_at > now()`,
    [meeting.slot_id],
  );
  return { editionId: edition.id, name: edition.name, meetingId: meeting.id };
}

async function signIn(page: Page, t: Record<string, string>, locale: string) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill('owner@tashbik.test');
  await page.getByLabel(t['auth.password']).fill(demoOwnerPassword());
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('account')).toBeVisible();
  // The account may remember another language: choose this one (it is then remembered on the account).
  await page.getByTestId('language').click();
  await page.getByRole('menuitem', { name: t[`lang.${locale}`] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

for (const locale of ['ar', 'fr'] as const) {
  test.describe(`the forum in ${locale}`, () => {
    test.use({ locale });
    // The test picks its language, which the account remembers: the demo owner's choice is put back after.
    let remembered = 'fr';
    test.beforeAll(async () => {
      [{ locale: remembered }] = await query<{ locale: string }>(
        `SELECT locale FROM user_account WHERE email = 'owner@tashbik.test'`,
      );
    });
    test.afterAll(async () => {
      await query(`UPDATE user_account SET locale = $1 WHERE email = 'owner@tashbik.test'`, [remembered]);
    });

    test('edition, delegate, directory, requests, agenda, badge and an outcome sent after going offline', async ({
      page,
      context,
    }) => {
      test.setTimeout(240_000);
      page.setDefaultTimeout(30_000);
      const t = catalogue(locale);
      const { editionId, name, meetingId } = await startedMeeting();
      await signIn(page, t, locale);

      // 1. The edition's page from the account menu: status, days and sessions, the next step.
      await page.getByRole('button', { name: t['nav.account'] }).click();
      await page.getByRole('menuitem', { name: t['forum.nav.events'] }).click();
      await expect(page).toHaveURL(/\/events$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['forum.events.title']);
      await screen(page, locale, 'forum-events');
      await page.getByRole('link', { name: name[locale] }).click();
      await expect(page).toHaveURL(new RegExp(`/events/${editionId}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name[locale]);
      await expect(page.getByTestId('next-step')).toHaveText(t['forum.next.agenda']);
      await expect(page.getByText(t['forum.session.MORNING']).first()).toBeVisible();
      await expect(page.getByText(/Africa\//)).toHaveCount(0);
      await screen(page, locale, 'forum-edition');

      // 2. A new delegate, then one unavailable slot for it.
      const delegate = `${locale === 'ar' ? 'سارة' : 'Sarah'} ${randomBytes(3).toString('hex')}`;
      await page.getByLabel(t['forum.delegates.name']).fill(delegate);
      await page.getByLabel(t['forum.delegates.email']).fill('not-an-email');
      await page.getByRole('button', { name: t['forum.delegates.submit'] }).click();
      await expect(page.getByText(t['forum.delegates.emailInvalid'])).toBeVisible();
      await page
        .getByLabel(t['forum.delegates.email'])
        .fill(`${randomBytes(4).toString('hex')}@delegates.test`);
      await page.getByRole('button', { name: t['forum.delegates.submit'] }).click();
      await expect(page.getByRole('status')).toContainText(delegate);
      const card = page.getByTestId('delegate').filter({ hasText: delegate });
      await expect(card.getByTestId('unavailable-count')).toBeVisible();
      const before = await card.getByTestId('unavailable-count').textContent();
      await card.getByRole('button', { name: t['forum.delegates.edit'] }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox').first().check();
      await screen(page, locale, 'forum-unavailable', { fullPage: false });
      await dialog.getByRole('button', { name: t['forum.delegates.save'] }).click();
      await expect(dialog).toBeHidden();
      await expect(card.getByTestId('unavailable-count')).not.toHaveText(before ?? '');
      const [stored] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM forum_delegate_unavailable u JOIN forum_delegate d ON d.id = u.delegate_id
          WHERE d.name = $1`,
        [delegate],
      );
      expect(stored.n).toBe(1);

      // 3. The participant directory: filter, then request a meeting with a message.
      await page.getByRole('link', { name: t['forum.links.participants'] }).click();
      await expect(page).toHaveURL(new RegExp(`/events/${editionId}/participants$`));
      await expect(page.getByTestId('participant').first()).toBeVisible();
      await page.getByLabel(t['forum.participants.kind'], { exact: true }).first().click();
      await page.getByRole('option', { name: t['kind.FINANCIER'] }).click();
      await expect(page.getByTestId('participant').first()).toContainText(t['kind.FINANCIER']);
      await screen(page, locale, 'forum-participants');
      const target = page
        .getByTestId('participant')
        .filter({ has: page.getByRole('button', { name: t['forum.participants.request'] }) })
        .first();
      // Participants already asked show their request's status: page on until one can be asked.
      const cards = page.getByTestId('participant');
      if ((await target.count()) === 0) {
        // Every financier shown was asked by an earlier run on this stack: look among all participants.
        await page.reload();
        await expect(cards.first()).toBeVisible();
      }
      for (let more = 0; more < 10 && (await target.count()) === 0; more++) {
        const shown = await cards.count();
        await page.getByRole('button', { name: t['forum.participants.more'] }).click();
        await expect(cards).not.toHaveCount(shown);
      }
      const targetName = (await target.locator('bdi').first().textContent())!;
      await target.getByRole('button', { name: t['forum.participants.request'] }).click();
      const request = page.getByRole('dialog');
      // Asked by the delegate registered above (its own request quota, whatever earlier runs sent).
      await request.getByLabel(t['forum.request.from'], { exact: true }).first().click();
      await page.getByRole('option', { name: delegate }).click();
      await request
        .getByLabel(t['forum.request.message'])
        .fill(locale === 'ar' ? 'نود مناقشة التمويل.' : 'Parlons financement.');
      await screen(page, locale, 'forum-request', { fullPage: false });
      await request.getByRole('button', { name: t['forum.request.send'] }).click();
      await expect(page.getByTestId('request-sent')).toContainText(targetName);
      await expect(
        page
          .getByTestId('participant')
          .filter({ hasText: targetName })
          .getByText(t['forum.participants.PENDING']),
      ).toBeVisible();

      // 4. My requests: the new one, waiting, linking to its page in the inbox.
      await page.goto(`/events/${editionId}/requests`);
      const mine = page.getByTestId('meeting-request').filter({ hasText: targetName }).first();
      await expect(mine).toContainText(t['forum.requests.status.PENDING']);
      await expect(mine.getByRole('link', { name: t['forum.requests.open'] })).toHaveAttribute(
        'href',
        /^\/requests\/meetings\/[0-9a-f-]{36}$/,
      );
      await screen(page, locale, 'forum-requests');
      await expect
        .poll(() =>
          page.evaluate((key) => localStorage.getItem(key) !== null, `tashbik.requests.forum:${editionId}`),
        )
        .toBe(true);

      // 5. The agenda: the venue's time zone by name, the badge's signed code as a QR code.
      await page.goto(`/agenda/${editionId}`);
      await expect(page.getByTestId('meeting').first()).toBeVisible();
      const meetings = await page.getByTestId('meeting').count();
      await expect(page.getByText(/Africa\//)).toHaveCount(0);
      const badge = page.getByTestId('badge').first();
      await expect(badge.locator('svg[role="img"]')).toBeVisible();
      await expect(badge.getByTestId('badge-code')).toHaveText(/^TB1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
      await screen(page, locale, 'forum-agenda');

      // 6. Offline: reload, the agenda and the badge are still there, the header does not ask to sign in.
      await serviceWorkerInCharge(page);
      await context.setOffline(true);
      try {
        await page.reload();
        await expect(page.getByTestId('agenda-offline')).toBeVisible();
        await expect(page.getByTestId('meeting')).toHaveCount(meetings);
        await expect(page.getByTestId('badge').first().locator('svg[role="img"]')).toBeVisible();
        await expect(page.getByTestId('offline')).toBeVisible();
        await expect(page.getByRole('link', { name: t['nav.signIn'] })).toHaveCount(0);

        // The outcome of the meeting that has started, reported offline: waiting to send.
        await expect(
          page
            .getByTestId('meeting')
            .filter({ has: page.getByRole('button', { name: t['forum.outcome.report'] }) }),
        ).toHaveCount(1);
        const started = page.locator(`[data-meeting="${meetingId}"]`);
        await started.getByRole('button', { name: t['forum.outcome.report'] }).click();
        await started.getByRole('radio', { name: t['forum.outcome.FOLLOW_UP_PLANNED'] }).check();
        await started.getByLabel(t['forum.outcome.note']).fill('Devis la semaine prochaine');
        await started.getByRole('button', { name: t['forum.outcome.send'] }).click();
        await expect(started.getByTestId('outcome-waiting')).toBeVisible();
        await started.scrollIntoViewIfNeeded();
        await screen(page, locale, 'forum-outcome-waiting', { fullPage: false });

        // My requests, read online above, are still there offline with when they were read.
        await page.goto(`/events/${editionId}/requests`);
        await expect(page.getByTestId('requests-offline')).toBeVisible();
        await expect(
          page.getByTestId('meeting-request').filter({ hasText: targetName }).first(),
        ).toContainText(t['forum.requests.status.PENDING']);
        await screen(page, locale, 'forum-requests-offline');
        await page.goto(`/agenda/${editionId}`);
        await expect(page.getByTestId('agenda-offline')).toBeVisible();
      } finally {
        await context.setOffline(false);
      }

      // Back online: the session resumes and the queued report is sent.
      const sent = page.getByTestId('outcome-sent');
      await expect(sent).toContainText(t['forum.outcome.FOLLOW_UP_PLANNED']);
      await expect
        .poll(
          async () =>
            (
              await query<{ outcome: string; outcome_note: string }>(
                `SELECT p.outcome, p.outcome_note FROM forum_meeting_participant p
                 JOIN forum_delegate d ON d.id = p.delegate_id
                 JOIN membership ms ON ms.organization_id = d.organization_id
                 JOIN user_account u ON u.id = ms.user_id AND u.email = 'owner@tashbik.test'
                WHERE p.meeting_id = $1`,
                [meetingId],
              )
            )[0],
        )
        .toEqual({ outcome: 'FOLLOW_UP', outcome_note: 'Devis la semaine prochaine' }); // FOLLOW_UP_PLANNED as stored
      await expect(page.getByTestId('offline')).toHaveCount(0);
      await screen(page, locale, 'forum-outcome-sent', { fullPage: false });
    });
  });
}
