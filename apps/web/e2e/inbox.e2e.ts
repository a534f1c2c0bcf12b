import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  type Catalogue,
  catalogue,
  demoOwnerPassword,
  issueVerificationCode,
  screen,
  serviceWorkerInCharge,
  sql,
} from './kit';

/*
 * The inbox in a phone-sized Chromium against the real stack, in Arabic and in French: the demo
 * owner accepts a suggestion (subcontracting, or else financing or support); a member of the suggested firm sees the unread badge
 * and the notification arrive without reloading, opens the contact request and accepts it; the
 * demo owner's notification of the acceptance arrives live too, and both see the released contacts.
 * The financier desk saves criteria and a search. axe-core checks each screen.
 */

async function signIn(page: Page, t: Catalogue, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill(email);
  await page.getByLabel(t['auth.password']).fill(password);
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page.locator('header [data-testid="account"]')).toBeVisible();
  // The account's own language applies at sign-in: switch to the one under test (it is remembered).
  if ((await page.locator('html').getAttribute('lang')) !== t.locale) {
    await page.getByTestId('language').click();
    await page.getByRole('menuitem', { name: t[`lang.${t.locale}`] }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', t.locale);
  await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
}

/** A verified account made through the api, member (owner) of the given organisations. */
async function memberOf(page: Page, locale: string, organizationIds: string[]) {
  const email = `inbox-${randomBytes(5).toString('hex')}@example.org`;
  const password = `Tashbik ${randomBytes(6).toString('hex')} inbox`;
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await page.request.post('/graphql', { data: { query, variables } });
    const body = (await res.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  };
  await gql('mutation($input: RegisterInput!) { register(input: $input) }', {
    input: { email, password, displayName: 'Inbox Tester', acceptTerms: true, locale },
  });
  await gql('mutation($token: String!) { verifyEmail(token: $token) }', {
    token: await issueVerificationCode(email),
  });
  for (const id of organizationIds)
    await sql(
      `INSERT INTO membership (user_id, organization_id, role)
       SELECT id, $2, 'OWNER' FROM user_account WHERE email = $1`,
      [email, id],
    );
  return { email, password };
}

async function phone(browser: Browser, locale: string, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  return context.newPage();
}

const bell = (page: Page) => page.getByTestId('bell');

for (const locale of ['ar', 'fr'] as const) {
  const t: Catalogue = { ...catalogue(locale), locale };
  test.describe(`inbox in ${locale}`, () => {
    test.use({ locale });

    test('a suggestion accepted becomes a contact request the other side accepts, with live notifications', async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(240_000);
      // The demo owner's suggestions that open a contact request, with their reasons in the interface
      // language. They are the worker's, and which kinds the demo firm gets depends on the firm the
      // seed made the owner's: wait until one is open, then open its tab.
      let kind = '';
      await expect(async () => {
        const [row] = await sql<{ kind: string }>(
          `SELECT s.kind FROM suggestion s
             JOIN membership m ON m.organization_id = s.organization_id
             JOIN user_account u ON u.id = m.user_id AND u.email = 'owner@tashbik.test'
           WHERE s.kind IN ('SUBCONTRACTING', 'FINANCING', 'SUPPORT') AND s.counterpart_organization_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM suggestion_feedback f
                             WHERE f.organization_id = s.organization_id AND f.kind = s.kind
                               AND f.counterpart_organization_id = s.counterpart_organization_id)
           GROUP BY s.kind
           ORDER BY array_position(ARRAY['SUBCONTRACTING', 'FINANCING', 'SUPPORT'], s.kind)
           LIMIT 1`,
          [],
        );
        expect(row).toBeDefined();
        kind = row.kind;
      }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
      await signIn(page, t, 'owner@tashbik.test', demoOwnerPassword());
      await page.goto('/suggestions');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['inbox.suggestions.title']);
      await page.getByRole('tab', { name: t[`inbox.suggestions.kind.${kind}`] }).click();
      const open = page
        .getByTestId('suggestion')
        .filter({ has: page.getByRole('button', { name: t['inbox.suggestions.acceptContact'] }) })
        .first();
      await expect(open).toBeVisible();
      await expect(open.getByTestId('reasons').locator('li').first()).toBeVisible();
      if (locale === 'ar') await expect(open.getByTestId('reasons')).toContainText(/[\u0600-\u06FF]/);
      await screen(page, locale, 'suggestions', { fullPage: false });
      const suggestionId = (await open.getAttribute('data-id'))!;
      const [{ counterpart }] = await sql<{ counterpart: string }>(
        'SELECT counterpart_organization_id AS counterpart FROM suggestion WHERE id = $1',
        [suggestionId],
      );

      // A member of the suggested firm, signed in on another phone.
      const other = await memberOf(page, locale, [counterpart]);
      const peer = await phone(browser, locale, baseURL);
      await signIn(peer, t, other.email, other.password);
      await peer.goto('/notifications');
      await expect(peer.getByRole('heading', { level: 1 })).toHaveText(t['inbox.notifications.title']);
      await expect(bell(peer)).toHaveAttribute('data-live', 'true');
      await expect(bell(peer)).toHaveAttribute('data-unread', '0');
      await screen(peer, locale, 'notifications-empty');

      // Accepting opens the contact request in one step.
      await open.getByRole('button', { name: t['inbox.suggestions.acceptContact'] }).click();
      const accepted = page.locator(`[data-testid="suggestion"][data-id="${suggestionId}"]`);
      await expect(accepted.getByTestId('verdict')).toHaveText(t['inbox.verdict.ACCEPTED']);
      await expect(accepted.getByRole('link', { name: t['inbox.suggestions.contactOpened'] })).toBeVisible();

      // The other side: badge and notification arrive over the socket, without a reload.
      await expect(bell(peer)).toHaveAttribute('data-unread', '1');
      const notice = peer.locator('[data-testid="notification"][data-kind="contact-request"]');
      await expect(notice).toBeVisible();
      await screen(peer, locale, 'notifications');
      await notice.getByRole('link').click();
      await expect(peer).toHaveURL(/\/requests\/contact$/);
      const incoming = peer.getByTestId('contact-request').first();
      await expect(incoming.getByTestId('status')).toHaveText(t['inbox.status.PENDING']);
      await screen(peer, locale, 'requests-contact');
      await expect(bell(peer)).toHaveAttribute('data-unread', '0');

      // The demo owner waits on the notifications page; the acceptance arrives live.
      await page.goto('/notifications');
      await expect(bell(page)).toHaveAttribute('data-live', 'true');
      const before = Number(await bell(page).getAttribute('data-unread'));
      await incoming.getByRole('button', { name: t['inbox.accept'] }).click();
      await expect(incoming.getByTestId('status')).toHaveText(t['inbox.status.ACCEPTED']);
      await expect(
        incoming.getByTestId('released-contacts').or(incoming.getByText(t['inbox.contact.noContacts'])),
      ).toBeVisible();
      await screen(peer, locale, 'requests-contact-accepted');

      await expect(
        page.locator('[data-testid="notification"][data-kind="contact-request-accepted"]').first(),
      ).toBeVisible();
      // At least the acceptance is new: other notices of the demo firm (its forum agenda, requests)
      // may arrive in the same moment.
      await expect
        .poll(async () => Number(await bell(page).getAttribute('data-unread')))
        .toBeGreaterThanOrEqual(before + 1);
      await screen(page, locale, 'notifications-live');
      await page.getByRole('button', { name: t['inbox.notifications.markAll'] }).click();
      await expect(bell(page)).toHaveAttribute('data-unread', '0');

      // The sent request, accepted, on the demo owner's side.
      await page.goto('/requests/contact');
      const sent = page.locator('section', { has: page.getByRole('heading', { name: t['inbox.sent'] }) });
      await expect(
        sent.getByTestId('status').filter({ hasText: t['inbox.status.ACCEPTED'] }).first(),
      ).toBeVisible();
      await expect(
        sent.locator('.org-link', { hasText: new RegExp(`^${t['inbox.organization']}$`) }),
      ).toHaveCount(0);
      await screen(page, locale, 'requests-contact-sent');

      // Meeting requests of the forum, received and sent, with their expiry.
      await page.getByRole('tab', { name: t['inbox.requests.meetingsTab'] }).click();
      await expect(page).toHaveURL(/\/requests\/meetings$/);
      await expect(page.getByRole('heading', { name: t['inbox.received'] })).toBeVisible();
      // A pending request shows its expiry; its own page is the one the mails link to.
      const pendingMeeting = page
        .getByTestId('meeting-request')
        .filter({ has: page.getByTestId('status').filter({ hasText: t['inbox.status.PENDING'] }) })
        .first();
      await expect(pendingMeeting.getByTestId('expiry')).toBeVisible();
      // Every counterpart's name has loaded.
      await expect(
        page.locator('.org-link', { hasText: new RegExp(`^${t['inbox.organization']}$`) }),
      ).toHaveCount(0);
      await screen(page, locale, 'requests-meetings');
      const meetingCount = await page.getByTestId('meeting-request').count();
      const meetingId = (await pendingMeeting.getAttribute('data-id'))!;
      await pendingMeeting.getByRole('link', { name: t['inbox.meeting.open'] }).click();
      await expect(page).toHaveURL(new RegExp(`/requests/meetings/${meetingId}$`));
      const single = page.getByTestId('meeting-request');
      await expect(single).toHaveCount(1);
      await single.getByRole('button', { name: t['inbox.decline'] }).click();
      await expect(single.getByLabel(t['inbox.meeting.reason'])).toBeVisible();
      await screen(page, locale, 'request-meeting');
      await single.getByRole('button', { name: t['inbox.back'] }).click();

      // Offline: the request lists read above are still there after a reload, with when they were
      // read and the counterparts' names, their actions disabled.
      await expect
        .poll(() =>
          page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tashbik.requests.'))),
        )
        .toEqual(expect.arrayContaining(['tashbik.requests.contact:sent', 'tashbik.requests.meetings']));
      await serviceWorkerInCharge(page);
      await page.context().setOffline(true);
      try {
        await page.goto('/requests/meetings');
        await expect(page.getByTestId('requests-offline')).toBeVisible();
        await expect(page.getByTestId('meeting-request')).toHaveCount(meetingCount);
        const storedMeeting = page.locator(`[data-testid="meeting-request"][data-id="${meetingId}"]`);
        await expect(storedMeeting.getByRole('button', { name: t['inbox.decline'] })).toBeDisabled();
        await expect(
          page.locator('.org-link', { hasText: new RegExp(`^${t['inbox.organization']}$`) }),
        ).toHaveCount(0);
        await screen(page, locale, 'requests-meetings-offline');
        await page.goto('/requests/contact');
        await expect(page.getByTestId('requests-offline')).toBeVisible();
        const storedSent = page.locator('section', {
          has: page.getByRole('heading', { name: t['inbox.sent'] }),
        });
        await expect(
          storedSent.getByTestId('status').filter({ hasText: t['inbox.status.ACCEPTED'] }).first(),
        ).toBeVisible();
        await expect(
          storedSent.locator('.org-link', { hasText: new RegExp(`^${t['inbox.organization']}$`) }),
        ).toHaveCount(0);
        await screen(page, locale, 'requests-contact-offline');
      } finally {
        await page.context().setOffline(false);
      }

      // The financier desk (the other member joins a financier): criteria, candidates, a saved search.
      await sql(
        `INSERT INTO membership (user_id, organization_id, role)
         SELECT u.id, o.id, 'OWNER' FROM user_account u,
           (SELECT id FROM organization WHERE kind = 'FINANCIER' AND status = 'ACTIVE' ORDER BY id LIMIT 1) o
         WHERE u.email = $1`,
        [other.email],
      );
      await peer.goto('/searches');
      await expect(peer.getByRole('heading', { level: 1 })).toHaveText(t['inbox.financier.title']);
      await peer.getByLabel(t['inbox.financier.ticketMax']).fill('100');
      await peer.getByLabel(t['inbox.financier.ticketMin']).fill('500');
      await peer.getByRole('button', { name: t['inbox.financier.save'] }).click();
      await expect(peer.getByText(t['inbox.financier.problem.ticketOrder'])).toBeVisible();
      await peer.getByLabel(t['inbox.financier.ticketMin']).fill('');
      await peer.getByLabel(t['inbox.financier.ticketMax']).fill('');
      await peer.getByRole('button', { name: t['inbox.financier.save'] }).click();
      await expect(peer.getByText(t['inbox.financier.saved'])).toBeVisible();
      const searchName = `${locale === 'ar' ? 'مناولة ميكانيكية' : 'Mécanique'} ${randomBytes(3).toString('hex')}`;
      await peer.getByLabel(t['inbox.financier.name']).fill(searchName);
      await peer.getByRole('button', { name: t['inbox.financier.create'] }).click();
      const saved = peer.getByTestId('saved-search').filter({ hasText: searchName });
      await expect(saved).toHaveCount(1);
      await peer.evaluate(() => window.scrollTo(0, 0));
      await screen(peer, locale, 'searches', { fullPage: false });
      await saved.scrollIntoViewIfNeeded();
      await screen(peer, locale, 'searches-saved', { fullPage: false, axe: false });
      await peer.context().close();
    });
  });
}

test.describe('inbox without the socket', () => {
  test.use({ locale: 'fr' });

  test('the badge is polled while the notification socket is refused', async ({ page }) => {
    const t: Catalogue = { ...catalogue('fr'), locale: 'fr' };
    // Every attempt to open the socket is closed at once, as a proxy without WebSocket support would.
    await page.routeWebSocket(/\/graphql/, (ws) => ws.close({ code: 1011, reason: 'no sockets here' }));
    await page.clock.install();
    const account = await memberOf(page, 'fr', []);
    await signIn(page, t, account.email, account.password);
    await expect(bell(page)).toHaveAttribute('data-unread', '0');
    await expect(bell(page)).toHaveAttribute('data-live', 'false');
    // A notice written for this account (as the mail port writes them) reaches the badge at the next poll.
    await sql(
      `INSERT INTO notification (user_id, kind, payload)
       SELECT id, 'organization-approved', '{"organization":"Atelier"}' FROM user_account WHERE email = $1`,
      [account.email],
    );
    await page.clock.fastForward(31_000);
    await expect(bell(page)).toHaveAttribute('data-unread', '1');
    await bell(page).click();
    await expect(page.getByTestId('notification')).toContainText('Atelier');
  });
});
