import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { type Catalogue, catalogue, issueVerificationCode, screen, sql } from './kit';

/*
 * Contact requests in a phone-sized Chromium, in Arabic and in French: the requested firm declines
 * with a message, which the requester reads on its page; a request left unanswered past its date
 * shows as expired on both sides, and the requester sends it again. axe-core checks each screen.
 */

/** An approved organisation, as an organiser's review leaves it. */
async function organisation(name: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO organization (kind, name, description, country, innovation, status)
     VALUES ('SME', $1, '{}'::jsonb, 'DZ', '{}'::jsonb, 'ACTIVE') RETURNING id::text AS id`,
    [JSON.stringify({ ar: name, fr: name, en: name })],
  );
  return row.id;
}

/** A verified account made through the api, owner of one organisation. */
async function ownerOf(page: Page, locale: string, organizationId: string) {
  const email = `contact-${randomBytes(5).toString('hex')}@example.org`;
  const password = `Tashbik ${randomBytes(6).toString('hex')} contact`;
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await page.request.post('/graphql', { data: { query, variables } });
    expect(((await res.json()) as { errors?: unknown[] }).errors).toBeUndefined();
  };
  await gql('mutation($input: RegisterInput!) { register(input: $input) }', {
    input: { email, password, displayName: 'Contact Tester', acceptTerms: true, locale },
  });
  await gql('mutation($token: String!) { verifyEmail(token: $token) }', {
    token: await issueVerificationCode(email),
  });
  await sql(
    `INSERT INTO membership (user_id, organization_id, role) SELECT id, $2, 'OWNER' FROM user_account WHERE email = $1`,
    [email, organizationId],
  );
  return { email, password };
}

/** A phone-sized page of its own (its own cookies), for a second person. */
async function phone(browser: Browser, locale: string, baseURL: string | undefined): Promise<Page> {
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

async function signIn(page: Page, t: Catalogue, who: { email: string; password: string }) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill(who.email);
  await page.getByLabel(t['auth.password']).fill(who.password);
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', t.locale);
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  test.describe(`contact requests in ${locale}`, () => {
    test.use({ locale });

    test('declined with a message the requester reads; expired, then sent again', async ({
      browser,
      page,
      baseURL,
    }) => {
      const tag = randomBytes(2).toString('hex');
      const asking = await organisation(locale === 'ar' ? `مسابك الشلف ${tag}` : `Fonderie du Chélif ${tag}`);
      const asked = await organisation(locale === 'ar' ? `ميكانيك سطيف ${tag}` : `Mécanique Sétif ${tag}`);
      const silent = await organisation(
        locale === 'ar' ? `بلاستيك وهران ${tag}` : `Plastiques d’Oran ${tag}`,
      );
      const requesterPage = page;
      const answererPage = await phone(browser, locale, baseURL);
      const requester = await ownerOf(requesterPage, locale, asking);
      const answerer = await ownerOf(answererPage, locale, asked);
      const [{ id: declinedId }] = await sql<{ id: string }>(
        `INSERT INTO contact_request (from_organization_id, to_organization_id, message)
         VALUES ($1, $2, 'Sous-traitance de pièces moulées ?') RETURNING id::text AS id`,
        [asking, asked],
      );
      // Sent long ago and never answered: its expiry date has passed.
      const [{ id: expiredId }] = await sql<{ id: string }>(
        `INSERT INTO contact_request (from_organization_id, to_organization_id, created_at, expires_at)
         VALUES ($1, $2, now() - interval '31 days', now() - interval '1 day') RETURNING id::text AS id`,
        [asking, silent],
      );

      // The requested firm sees the expiry date, declines with a message.
      await signIn(answererPage, t, answerer);
      await answererPage.goto('/requests/contact');
      const received = answererPage.locator(`[data-testid="contact-request"][data-id="${declinedId}"]`);
      await expect(received.getByTestId('expiry')).toContainText(t['inbox.expiresAt']);
      await received.getByRole('button', { name: t['inbox.decline'] }).click();
      const note =
        locale === 'ar'
          ? 'شكرًا لكم، طاقتنا الإنتاجية محجوزة حتى شهر جوان.'
          : 'Merci, notre capacité est réservée jusqu’en juin.';
      await received.getByLabel(t['inbox.contact.declineNote']).fill(note);
      await screen(answererPage, locale, 'contact-decline-message');
      await received.getByRole('button', { name: t['inbox.contact.confirmDecline'] }).click();
      await expect(received.getByTestId('status')).toHaveText(t['inbox.status.DECLINED']);
      await expect(received.getByTestId('decline-message')).toContainText(note);
      await expect(received.getByTestId('decline-message')).toContainText(
        t['inbox.contact.declineMessageSent'],
      );
      const [stored] = await sql<{ status: string; decline_message: string }>(
        `SELECT status, decline_message FROM contact_request WHERE id = $1`,
        [declinedId],
      );
      expect(stored).toEqual({ status: 'DECLINED', decline_message: note });

      // The requester reads the message, sees the unanswered request expired, and sends it again.
      await signIn(requesterPage, t, requester);
      await requesterPage.goto('/requests/contact');
      const declined = requesterPage.locator(`[data-testid="contact-request"][data-id="${declinedId}"]`);
      await expect(declined.getByTestId('status')).toHaveText(t['inbox.status.DECLINED']);
      await expect(declined.getByTestId('decline-message')).toContainText(t['inbox.contact.declineMessage']);
      await expect(declined.getByTestId('decline-message')).toContainText(note);
      const expired = requesterPage.locator(`[data-testid="contact-request"][data-id="${expiredId}"]`);
      await expect(expired.getByTestId('status')).toHaveText(t['inbox.status.EXPIRED']);
      await expect(expired.getByTestId('expired-note')).toHaveText(t['inbox.contact.expiredOutgoing']);
      await expect(expired.getByRole('button', { name: t['inbox.cancel'] })).toHaveCount(0);
      await screen(requesterPage, locale, 'contact-requests-sent');
      await expired.getByRole('button', { name: t['inbox.contact.sendAgain'] }).click();
      const sent = requesterPage
        .getByRole('region', { name: t['inbox.sent'] })
        .getByTestId('contact-request');
      await expect(sent).toHaveCount(3);
      await expect(sent.first().getByTestId('status')).toHaveText(t['inbox.status.PENDING']);
      await expect(expired.getByRole('button', { name: t['inbox.contact.sendAgain'] })).toHaveCount(0);
      const [again] = await sql<{ n: string }>(
        `SELECT count(*)::text AS n FROM contact_request WHERE from_organization_id = $1 AND to_organization_id = $2 AND status = 'PENDING'`,
        [asking, silent],
      );
      expect(again.n).toBe('1');
      await answererPage.context().close();
    });
  });
}
