import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { catalogue, issueEmailCode, issueVerificationCode, screen, demoPassword } from './kit';

/*
 * The account in a phone-sized Chromium, in Arabic and in French: a forgotten password is reset
 * with the mailed code, the account page lists the sessions and signs one out, the data export
 * downloads, the language chosen is remembered on the account and applied at the next sign-in,
 * and the account is deleted after its address and password are typed.
 */

/** A password-reset code the test knows. */
const issueResetCode = (email: string): Promise<string> => issueEmailCode(email, 'RESET_PASSWORD');

async function gql(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}) {
  const res = await request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data!;
}

/** A verified account made through the api, as the sign-up screen (tested in web.e2e.ts) makes one. */
async function newAccount(request: APIRequestContext, locale: string) {
  const email = `acct-${locale}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `Tashbik ${randomBytes(6).toString('hex')} compte`;
  const displayName = locale === 'ar' ? 'سلمى بن علي' : 'Salma Benali';
  await gql(request, `mutation($i: RegisterInput!) { register(input: $i) }`, {
    i: { email, password, displayName, acceptTerms: true, locale },
  });
  await gql(request, `mutation($t: String!) { verifyEmail(token: $t) }`, {
    t: await issueVerificationCode(email),
  });
  return { email, password, displayName };
}

async function signInWith(page: Page, t: Record<string, string>, email: string, password: string) {
  await page.getByLabel(t['auth.email']).fill(email);
  await page.getByLabel(t['auth.password']).fill(password);
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
}

/** A taxonomy entry's label in one language, as the api gives it. */
async function labelOf(request: APIRequestContext, list: string, code: string, lang: string) {
  const data = (await gql(request, `query($l: Lang) { ${list}(lang: $l) { code label } }`, {
    l: lang,
  })) as Record<string, { code: string; label: string }[]>;
  return data[list].find((e) => e.code === code)!.label;
}

/** Picks an option of a Mantine select, after typing `typed` into it when it is searchable. */
async function pick(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

const CASES = [
  { locale: 'ar', other: 'fr' },
  { locale: 'fr', other: 'ar' },
] as const;

for (const { locale, other } of CASES) {
  const t = catalogue(locale);
  const o = catalogue(other);
  test.describe(`account in ${locale}`, () => {
    test.use({ locale });

    test('resets a forgotten password, lists and ends sessions, exports, remembers the language, deletes', async ({
      page,
      request,
    }) => {
      const acct = await newAccount(request, locale);

      // Forgotten password: ask for a code, then open the mail's link.
      await page.goto('/signin');
      await page.getByRole('link', { name: t['account.forgot'] }).click();
      await expect(page).toHaveURL(/\/reset$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['account.reset.title']);
      await page.getByLabel(t['auth.email']).fill('not an address');
      await page.getByRole('button', { name: t['account.reset.ask'] }).click();
      await expect(page.getByText(t['validation.email'])).toBeVisible();
      await screen(page, locale, 'reset-ask');
      await page.getByLabel(t['auth.email']).fill(acct.email);
      await page.getByRole('button', { name: t['account.reset.ask'] }).click();
      await expect(page.getByText(acct.email)).toBeVisible();
      await expect(page.getByTestId('reset-code')).toBeVisible();
      await screen(page, locale, 'reset-sent');

      const code = await issueResetCode(acct.email);
      const newPassword = `Nouveau ${randomBytes(6).toString('hex')} secret`;
      await page.goto(`/reset?token=${code}`);
      await expect(page.getByTestId('reset-code')).toHaveValue(code);
      await page.getByLabel(t['account.reset.newPassword']).first().fill(newPassword);
      await page.getByLabel(t['account.reset.repeat']).fill(`${newPassword}x`);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByText(t['account.reset.mismatch'])).toBeVisible();
      await screen(page, locale, 'reset-new');
      await page.getByLabel(t['account.reset.repeat']).fill(newPassword);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByTestId('reset-done')).toHaveText(t['account.reset.done']);
      // The code worked once: used again, it is refused in the interface language.
      await page.goto(`/reset?token=${code}`);
      await page.getByLabel(t['account.reset.newPassword']).first().fill(newPassword);
      await page.getByLabel(t['account.reset.repeat']).fill(newPassword);
      await page.getByRole('button', { name: t['account.reset.submit'] }).click();
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_TOKEN']);

      // The old password is refused, the new one signs in.
      await page.goto('/signin');
      await signInWith(page, t, acct.email, acct.password);
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_CREDENTIALS']);
      await signInWith(page, t, acct.email, newPassword);
      await expect(page).toHaveURL(/\/$/);

      // A second session elsewhere (an API client), listed beside this one and signed out from here.
      await gql(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { userId } }`, {
        e: acct.email,
        p: newPassword,
      });
      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: t['account.title'] }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['account.title']);
      await expect(page.getByText(acct.email)).toBeVisible();
      const sessions = page.getByTestId('session');
      await expect(sessions).toHaveCount(2);
      await expect(sessions.filter({ hasText: t['account.sessions.current'] })).toHaveCount(1);
      await screen(page, locale, 'account');
      await sessions
        .filter({ hasNotText: t['account.sessions.current'] })
        .getByRole('button', { name: t['account.sessions.end'] })
        .click();
      await expect(sessions).toHaveCount(1);
      await expect(sessions.first()).toContainText(t['account.sessions.current']);

      // The export downloads a JSON document about this account.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: t['account.export.submit'] }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^tashbik-data-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = readFileSync((await file.path())!, 'utf8');
      expect(JSON.parse(exported)).toBeTruthy();
      expect(exported).toContain(acct.email);
      await expect(page.getByText(t['account.export.done'])).toBeVisible();

      // Email per kind of notice: turned off, still off after a reload.
      await page.getByTestId('notifications-link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['account.notifications.title']);
      const contact = page.getByRole('switch', { name: t['account.notifications.kind.CONTACT_REQUESTS'] });
      await expect(contact).toBeChecked();
      await contact.click();
      await expect(contact).not.toBeChecked();
      await expect(contact).toBeEnabled();
      await page.reload();
      await expect(
        page.getByRole('switch', { name: t['account.notifications.kind.CONTACT_REQUESTS'] }),
      ).not.toBeChecked();
      await screen(page, locale, 'account-notifications');
      await page.goto('/account');

      // The language picked while signed in is saved on the account and applied at the next sign-in,
      // whatever this browser remembered meanwhile.
      await page.getByRole('button', { name: t['nav.language'] }).click();
      await page.getByRole('menuitem', { name: o[`lang.${other}`] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(o['account.title']);
      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: o['nav.signOut'] }).click();
      await expect(page.getByRole('link', { name: o['nav.signIn'] }).first()).toBeVisible();
      await page.evaluate((l) => localStorage.setItem('tashbik.locale', l), locale);
      await page.goto('/signin');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await signInWith(page, t, acct.email, newPassword);
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      // Back to the test's language, saved again.
      await page.getByRole('button', { name: o['nav.language'] }).click();
      await page.getByRole('menuitem', { name: t[`lang.${locale}`] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // Deletion asks for the address typed exactly and the password.
      await page.goto('/account');
      await page.getByRole('button', { name: t['account.delete.open'] }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill('someone@else.org');
      await dialog.getByLabel(t['auth.password']).fill(newPassword);
      await dialog.getByRole('button', { name: t['account.delete.submit'] }).click();
      await expect(dialog.getByText(t['account.delete.typeMismatch'])).toBeVisible();
      await screen(page, locale, 'account-delete', { fullPage: false });
      await dialog.getByRole('textbox').first().fill(acct.email);
      await dialog.getByRole('button', { name: t['account.delete.submit'] }).click();
      await expect(page.getByTestId('account-deleted')).toHaveText(t['account.delete.done']);
      await expect(page.getByRole('link', { name: t['nav.signIn'] }).first()).toBeVisible();
      await screen(page, locale, 'account-deleted');
      // The account is gone: its password no longer signs in.
      await page.goto('/signin');
      await signInWith(page, t, acct.email, newPassword);
      await expect(page.getByTestId('form-error')).toHaveText(t['error.INVALID_CREDENTIALS']);
    });
  });
}

for (const { locale, other } of CASES) {
  const t = catalogue(locale);
  test.describe(`my organisation in ${locale}`, () => {
    test.use({ locale });

    test('signs up, creates an organisation, edits it, sees the review and its note, resubmits, posts a need', async ({
      page,
      request,
    }) => {
      // Sign up and confirm as web.e2e.ts does, then sign in.
      const email = `org-${locale}-${randomBytes(4).toString('hex')}@example.org`;
      const password = `Tashbik ${randomBytes(6).toString('hex')} usine`;
      await page.goto('/signup');
      await page.getByLabel(t['auth.displayName']).fill(locale === 'ar' ? 'كريم بوزيد' : 'Karim Bouzid');
      await page.getByLabel(t['auth.email']).fill(email);
      await page.getByLabel(t['auth.password'], { exact: false }).fill(password);
      await page.getByLabel(t['auth.acceptTerms']).check();
      await page.getByRole('button', { name: t['auth.signUp.submit'] }).click();
      await expect(page).toHaveURL(/\/verify-email/);
      await page.getByTestId('verify-code').fill(await issueVerificationCode(email));
      await page.getByRole('button', { name: t['auth.verify.submit'] }).click();
      await expect(page.getByTestId('verified')).toBeVisible();
      await page.goto('/signin');
      await signInWith(page, t, email, password);
      await expect(page).toHaveURL(/\/$/);

      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: t['organization.menu'] }).click();
      await expect(page).toHaveURL(/\/my\/organizations$/);
      await expect(page.getByText(t['organization.mine.none'])).toBeVisible();
      await screen(page, locale, 'my-organizations-empty');
      await page.getByRole('link', { name: t['organization.mine.create'] }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['organization.new.title']);

      // Nothing is sent without a kind and a name.
      await page.getByRole('button', { name: t['organization.new.submit'] }).click();
      await expect(page.getByText(t['organization.form.nameRequired'])).toBeVisible();

      const kind = await labelOf(request, 'organizationKinds', 'SME', locale);
      const support = await labelOf(request, 'organizationKinds', 'SUPPORT_INSTITUTION', locale);
      const centre = await labelOf(request, 'organizationSubtypes', 'TECHNICAL_CENTRE', locale);
      await pick(page, t['organization.form.kind'], kind.slice(0, 3), kind);
      const name = {
        ar: `مصنع الأوراس للحام ${randomBytes(2).toString('hex')}`,
        fr: `Soudure des Aurès ${randomBytes(2).toString('hex')}`,
      };
      await page.getByTestId('name-ar').fill(name.ar);
      await page.getByTestId('name-fr').fill(name.fr);
      await page.getByTestId('description-fr').fill('Soudage TIG et MIG de structures en acier.');
      // Pickers are labelled in the interface language and found by a word of another.
      const oran = await labelOf(request, 'regions', 'DZ-31', locale);
      await pick(page, t['organization.form.wilaya'], locale === 'ar' ? 'Oran' : 'وهران', oran);
      const welding = await labelOf(request, 'processes', 'WELDING', locale);
      await pick(page, t['organization.form.processes'], locale === 'ar' ? 'welding' : 'لحام', welding);
      await page.keyboard.press('Escape');
      await page.getByLabel(t['organization.form.capacity'].replace('{name}', welding)).fill('40');
      await page.getByLabel(t['organization.form.capacityUnit']).fill(locale === 'ar' ? 'طن' : 't');
      await page.getByLabel(t['organization.form.patents']).fill('2');
      await page.getByLabel(t['organization.form.rdActivity']).check();
      // Languages spoken, named in the interface language; two contact persons, checked before sending.
      const arabic = locale === 'ar' ? 'العربية' : 'arabe';
      await pick(page, t['organization.form.languages'], '', arabic);
      await pick(page, t['organization.form.languages'], '', t['organization.form.languageBer']);
      await page.keyboard.press('Escape');
      const contacts = page.getByTestId('contact');
      const contact = {
        name: locale === 'ar' ? 'نادية حمدي' : 'Nadia Hamdi',
        role: locale === 'ar' ? 'مديرة المبيعات' : 'Directrice commerciale',
        email: `nadia-${randomBytes(2).toString('hex')}@example.org`,
      };
      await page.getByRole('button', { name: t['organization.form.contactAdd'] }).click();
      await contacts.nth(0).getByLabel(t['organization.form.contactName']).fill(contact.name);
      await contacts.nth(0).getByLabel(t['organization.form.contactRole']).fill(contact.role);
      await contacts.nth(0).getByLabel(t['organization.form.contactEmail']).fill('nadia@');
      await contacts.nth(0).getByLabel(t['organization.form.contactPhone']).fill('+213 41 23 45 67');
      await page.getByRole('button', { name: t['organization.form.contactAdd'] }).click();
      await contacts.nth(1).getByLabel(t['organization.form.contactPhone']).fill('05');
      await page.getByRole('button', { name: t['organization.new.submit'] }).click();
      await expect(contacts.nth(0).getByText(t['validation.email'])).toBeVisible();
      await expect(contacts.nth(1).getByText(t['validation.required'])).toBeVisible();
      await expect(contacts.nth(1).getByText(t['organization.form.phoneInvalid'])).toBeVisible();
      await screen(page, locale, 'organization-contacts-invalid', { fullPage: false });
      await contacts.nth(0).getByLabel(t['organization.form.contactEmail']).fill(contact.email);
      await contacts.nth(1).getByLabel(t['organization.form.contactName']).fill('Yacine Ait Ali');
      await contacts.nth(1).getByLabel(t['organization.form.contactPhone']).fill('0550 12 34 56');
      await screen(page, locale, 'organization-new');
      await page.getByRole('button', { name: t['organization.new.submit'] }).click();

      await expect(page).toHaveURL(/\/my\/organizations\/[0-9a-f-]{36}$/);
      const orgId = page.url().split('/').pop()!;
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        locale === 'ar' ? name.ar : name.fr,
      );
      await expect(page.getByTestId('org-status')).toHaveText(t['organization.status.PENDING']);
      await expect(page.getByTestId('review-status')).toContainText(t['organization.review.PENDING']);
      await expect(page.getByTestId('capacity')).toHaveCount(1);
      // The languages and contact persons came back from the api.
      const languages = page.getByRole('combobox', { name: t['organization.form.languages'] }).locator('..');
      await expect(languages).toContainText(arabic);
      await expect(languages).toContainText(t['organization.form.languageBer']);
      await expect(contacts).toHaveCount(2);
      await expect(contacts.nth(0).getByLabel(t['organization.form.contactName'])).toHaveValue(contact.name);
      await expect(contacts.nth(0).getByLabel(t['organization.form.contactRole'])).toHaveValue(contact.role);
      await expect(contacts.nth(0).getByLabel(t['organization.form.contactEmail'])).toHaveValue(
        contact.email,
      );
      await expect(contacts.nth(1).getByLabel(t['organization.form.contactPhone'])).toHaveValue(
        '0550 12 34 56',
      );

      // Edit: the city, one contact removed, the other's phone changed; saved and read again.
      await page.getByLabel(t['organization.form.city']).fill(locale === 'ar' ? 'السانية' : 'Es Senia');
      await page
        .getByRole('button', { name: t['organization.form.contactRemove'].replace('{n}', '1') })
        .click();
      await expect(contacts).toHaveCount(1);
      await contacts.nth(0).getByLabel(t['organization.form.contactPhone']).fill('+213 550 12 34 56');
      await page.getByRole('button', { name: t['organization.profile.save'] }).click();
      await expect(page.getByTestId('profile-saved')).toBeVisible();
      await page.reload();
      await expect(contacts).toHaveCount(1);
      await expect(contacts.nth(0).getByLabel(t['organization.form.contactName'])).toHaveValue(
        'Yacine Ait Ali',
      );
      await expect(contacts.nth(0).getByLabel(t['organization.form.contactPhone'])).toHaveValue(
        '+213 550 12 34 56',
      );

      // An organiser rejects it with a note: the owner sees the status and the note, corrects and resubmits.
      const organiser = (await gql(
        request,
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        {
          e: 'organiser@tashbik.test',
          p: demoPassword('organiser@tashbik.test'),
        },
      )) as { login: { accessToken: string } };
      const note = locale === 'ar' ? 'أضيفوا وصفًا بالعربية' : 'Ajoutez une description en arabe';
      const rejected = await request.post('/graphql', {
        headers: { authorization: `Bearer ${organiser.login.accessToken}` },
        data: {
          query: `mutation($id: ID!, $n: String!) { rejectOrganization(id: $id, note: $n) { status } }`,
          variables: { id: orgId, n: note },
        },
      });
      expect(
        ((await rejected.json()) as { data: { rejectOrganization: { status: string } } }).data
          .rejectOrganization.status,
      ).toBe('REJECTED');
      await page.reload();
      await expect(page.getByTestId('org-status')).toHaveText(t['organization.status.REJECTED']);
      await expect(page.getByTestId('review-note')).toContainText(note);
      await screen(page, locale, 'organization-rejected', { fullPage: false });
      await page.getByTestId('description-ar').fill('لحام الهياكل الفولاذية بتقنيتي TIG وMIG.');
      await page.getByRole('button', { name: t['organization.profile.save'] }).click();
      await expect(page.getByTestId('profile-saved')).toBeVisible();
      await page.getByRole('button', { name: t['organization.review.resubmit'] }).click();
      await expect(page.getByTestId('org-status')).toHaveText(t['organization.status.PENDING']);
      await expect(page.getByText(t['organization.members.afterApproval'])).toBeVisible();
      // Approved, it is public and may invite members.
      await request.post('/graphql', {
        headers: { authorization: `Bearer ${organiser.login.accessToken}` },
        data: {
          query: `mutation($id: ID!) { approveOrganization(id: $id) { status } }`,
          variables: { id: orgId },
        },
      });
      await page.reload();
      await expect(page.getByTestId('org-status')).toHaveText(t['organization.status.ACTIVE']);

      // Post a need, renew it, see it listed; invite a colleague.
      const needType = await labelOf(request, 'opportunityTypes', 'SUBCONTRACTING_REQUEST', locale);
      await pick(page, t['organization.opportunities.type'], '', needType);
      await page.getByTestId('opportunity-title-ar').fill('نبحث عن مناول للتشغيل الآلي');
      await page.getByTestId('opportunity-title-fr').fill('Recherche sous-traitant en usinage CNC');
      await page.getByRole('button', { name: t['organization.opportunities.post'] }).click();
      const needs = page.getByTestId('my-opportunity');
      await expect(needs).toHaveCount(1);
      await expect(needs.first()).toContainText(
        locale === 'ar' ? 'نبحث عن مناول' : 'Recherche sous-traitant',
      );
      await needs.first().getByRole('button', { name: t['organization.opportunities.renew'] }).click();
      await expect(page.getByTestId('member')).toHaveCount(1);
      const colleague = `collegue-${randomBytes(3).toString('hex')}@example.org`;
      await page
        .getByRole('region', { name: t['organization.members.title'] })
        .getByRole('textbox', { name: t['auth.email'] })
        .fill(colleague);
      await page.getByRole('button', { name: t['organization.members.send'] }).click();
      await expect(
        page.getByText(t['organization.members.invited'].split('{email}')[0].trim()),
      ).toBeVisible();
      // The invitation waits in the list until accepted, and can be withdrawn.
      const invitation = page.getByTestId('invitation');
      await expect(invitation).toHaveCount(1);
      await expect(invitation).toContainText(colleague);
      await screen(page, locale, 'organization-manage');
      await invitation
        .getByRole('button', { name: t['organization.invitations.revokeFor'].replace('{email}', colleague) })
        .click();
      await expect(invitation).toHaveCount(0);
      await needs.first().getByRole('button', { name: t['organization.opportunities.archive'] }).click();
      await expect(needs).toHaveCount(0);

      // The list shows it with its status.
      await page.goto('/my/organizations');
      await expect(page.getByTestId('my-org')).toHaveCount(1);
      await expect(page.getByTestId('my-org')).toContainText(t['organization.status.ACTIVE']);
      await screen(page, locale, 'my-organizations');

      // A support institution says which kind it is: an incubator, a technical centre...
      await page.getByRole('link', { name: t['organization.mine.create'] }).click();
      await pick(page, t['organization.form.kind'], '', support);
      await expect(page.getByRole('combobox', { name: t['organization.form.processes'] })).toHaveCount(0);
      await page.getByTestId('name-fr').fill(`Centre technique ${randomBytes(2).toString('hex')}`);
      await page.getByRole('button', { name: t['organization.new.submit'] }).click();
      await expect(page.getByText(t['organization.form.subtypeRequired'])).toBeVisible();
      await pick(page, t['organization.form.subtype'], '', centre);
      await page.getByRole('button', { name: t['organization.new.submit'] }).click();
      await expect(page).toHaveURL(/\/my\/organizations\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('combobox', { name: t['organization.form.subtype'] })).toHaveValue(centre);

      // Everyone's open offers and needs, searchable.
      await page.getByTestId('account').click();
      await page.getByRole('menuitem', { name: t['organization.opportunitiesPage.menu'] }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t['organization.opportunitiesPage.title'],
      );
      await expect(page.getByTestId('opportunity').first()).toBeVisible();
      await screen(page, locale, 'opportunities');
      void other;
    });
  });
}
