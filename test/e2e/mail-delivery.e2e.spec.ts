import {
  acceptMeetingRequest,
  bootTestApp,
  eventually,
  freePort,
  insertOwnedOrganization,
  openForumEdition,
  registerDelegate,
  requestMeeting,
  signIn,
  TestSmtp,
  type TestApp,
  type TestUser,
} from '#testing';

/**
 * Mail leaves the platform over SMTP: a real SMTP server run by the test receives what the worker
 * sends, and mailparser reads it as a mail client would.
 */

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const DELIVERIES = `query($status: MailDeliveryStatus, $to: String, $first: Int, $after: String) {
  mailDeliveries(status: $status, to: $to, first: $first, after: $after) {
    edges { cursor node { id to template locale subject body status attempts lastError smtpId smtpResponse sentAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PUBLIC_URL = 'https://forum.tashbik.test';
const password = 'Tashbik-mail-test-7Qx!pass';
let seq = 0;
const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}-${++seq}@example.org`;

let smtp: TestSmtp;
let app: TestApp;
let admin: TestUser;

beforeAll(async () => {
  smtp = new TestSmtp(await freePort());
  await smtp.start();
  app = await bootTestApp({
    worker: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Tashbik <no-reply@forum.tashbik.test>',
      MAIL_RETRY_MS: '250',
      MAIL_MAX_ATTEMPTS: '30',
      PUBLIC_URL,
      RATE_LIMIT_POINTS: '0',
    },
  });
  admin = await signIn(app, { roles: ['ADMIN'] });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await smtp?.kill();
});

const register = (email: string, locale: string, displayName = 'Amina Benali') =>
  app.gql(REGISTER, { input: { email, password, displayName, locale, acceptTerms: true } }, {});

it('delivers an Arabic verification mail, HTML right to left and plain text, whose code verifies the account', async () => {
  const email = uniqueEmail('amina');
  expect((await register(email, 'ar')).errors).toBeUndefined();
  const [got] = await eventually(async () => (smtp.to(email).length ? smtp.to(email) : null));
  const { mail } = got;

  // Headers.
  expect(mail.subject).toBe('تأكيد بريدك الإلكتروني');
  expect(mail.from?.value[0]).toEqual({ address: 'no-reply@forum.tashbik.test', name: 'Tashbik' });
  expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe(email);
  expect(mail.headers.get('content-language')).toBe('ar');
  const [row] = (
    await app.db.query<{
      status: string;
      smtp_id: string;
      secrets: string | null;
      body: string;
      subject: string;
    }>(`SELECT status, smtp_id, secrets, body, subject FROM mail_outbox WHERE recipient = $1`, [email])
  ).rows;
  expect(mail.messageId).toBe(row.smtp_id);

  // Both parts, in Arabic, the HTML laid out right to left.
  expect(mail.text).toContain('مرحبًا بك في تشبيك، Amina Benali.');
  expect(mail.html).toBeTruthy();
  expect(mail.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/);
  expect(mail.html).toContain('أكّد عنوانك بهذا الرمز أو بالزر');
  expect(mail.html).not.toMatch(/\{\w+\}/);

  // The link, under PUBLIC_URL, carries the code; the same code stands in the text.
  const link = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/verify-email\\?token=([A-Za-z0-9_-]{20,})`);
  const code = link.exec(mail.text!)![1];
  expect(link.exec(mail.html as string)![1]).toBe(code);

  // The stored copy hides it; the sealed code is erased once sent.
  await eventually(async () => {
    const { rows } = await app.db.query(
      `SELECT 1 FROM mail_outbox WHERE recipient = $1 AND status = 'SENT'`,
      [email],
    );
    return rows.length > 0;
  });
  const [sent] = (
    await app.db.query<{ body: string; secrets: string | null }>(
      `SELECT body, secrets FROM mail_outbox WHERE recipient = $1`,
      [email],
    )
  ).rows;
  expect(sent.secrets).toBeNull();
  expect(sent.body).not.toContain(code);
  expect(sent.body).toContain(`${PUBLIC_URL}/verify-email?token=[hidden]`);

  // The code from the mail verifies the account, which then signs in.
  expect((await app.gql(VERIFY, { t: code }, {})).data).toEqual({ verifyEmail: true });
  const { rows: verified } = await app.db.query(
    `SELECT 1 FROM user_account WHERE email = $1 AND email_verified_at IS NOT NULL`,
    [email],
  );
  expect(verified).toHaveLength(1);
  expect((await app.gql(LOGIN, { e: email, p: password }, {})).errors).toBeUndefined();
});

it('lists deliveries to admins only, codes hidden, filtered by status and recipient, page by page', async () => {
  const email = uniqueEmail('list');
  await register(email, 'fr');
  await eventually(async () => smtp.to(email).length > 0);
  const res = await eventually(async () => {
    const r = await app.gql<{ mailDeliveries: { edges: { node: Record<string, unknown> }[] } }>(
      DELIVERIES,
      { status: 'SENT', to: email },
      admin.headers,
    );
    return r.data?.mailDeliveries.edges.length ? r : null;
  });
  const node = res.data!.mailDeliveries.edges[0].node;
  expect(node).toMatchObject({
    to: email,
    template: 'verify-email',
    locale: 'fr',
    subject: 'Confirmez votre adresse e-mail',
    status: 'SENT',
    attempts: 1,
    lastError: null,
  });
  expect(node.body).toContain('[hidden]');
  expect(node.smtpResponse).toMatch(/^250/);

  // Pages follow one another without overlap.
  const first = await app.gql<{
    mailDeliveries: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  }>(DELIVERIES, { first: 1 }, admin.headers);
  expect(first.data!.mailDeliveries.pageInfo.hasNextPage).toBe(true);
  const second = await app.gql<{ mailDeliveries: { edges: { cursor: string }[] } }>(
    DELIVERIES,
    { first: 1, after: first.data!.mailDeliveries.pageInfo.endCursor },
    admin.headers,
  );
  expect(second.data!.mailDeliveries.edges[0].cursor).not.toBe(first.data!.mailDeliveries.edges[0].cursor);

  const organiser = await signIn(app, { roles: ['ORGANISER'] });
  const refused = await app.gql(DELIVERIES, {}, organiser.headers);
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const bad = await app.gql(DELIVERIES, { first: 0, after: 'x' }, admin.headers);
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('keeps mail while the SMTP server is down and delivers each once when it returns', async () => {
  await smtp.kill();
  const emails = Array.from({ length: 6 }, (_, i) => uniqueEmail(`outage${i}`));
  for (const [i, email] of emails.entries()) await register(email, ['ar', 'fr', 'en'][i % 3]);
  // Every mail has been tried and is waiting for its next attempt, with the error kept.
  await eventually(async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE recipient = ANY($1) AND status = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL`,
      [emails],
    );
    return rows[0].n === emails.length;
  }, 30_000);
  expect(emails.flatMap((e) => smtp.to(e))).toHaveLength(0);

  await smtp.start();
  await eventually(async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENT'`,
      [emails],
    );
    return rows[0].n === emails.length;
  }, 60_000);
  // Once each: jobs retried during the outage never send a mail twice.
  await new Promise((r) => setTimeout(r, 1500));
  for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
  const ids = smtp.received.map((r) => r.mail.messageId);
  expect(new Set(ids).size).toBe(ids.length);
}, 120_000);

it('marks a mail the server refuses for good as FAILED with its error, without retrying', async () => {
  const email = uniqueEmail('bounce');
  await register(email, 'en');
  const row = await eventually(async () => {
    const { rows } = await app.db.query<{
      status: string;
      attempts: number;
      last_error: string;
      secrets: null;
    }>(
      `SELECT status, attempts, last_error, secrets FROM mail_outbox WHERE recipient = $1 AND status = 'FAILED'`,
      [email],
    );
    return rows[0];
  });
  expect(row.attempts).toBe(1);
  expect(row.last_error).toMatch(/550/);
  expect(row.secrets).toBeNull();
  expect(smtp.to(email)).toHaveLength(0);
});

it('tells the requester, in their language, that a contact request was accepted or declined', async () => {
  const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
  const REQUEST = `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t, message: "Bonjour") { id } }`;
  const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToContactRequest(id: $id, accept: $a) { status } }`;
  const requester = await signIn(app, { email: uniqueEmail('requester') });
  await app.db.query(`UPDATE user_account SET locale = 'ar' WHERE id = $1`, [requester.userId]);
  const org = async (owner: TestUser, name: string) => {
    const r = await app.gql<{ createOrganization: { id: string } }>(
      CREATE_ORG,
      {
        input: {
          kind: 'SME',
          name: { fr: name, ar: name },
          country: 'DZ',
          regionCode: 'DZ-16',
          sectors: ['25'],
        },
      },
      owner.headers,
    );
    const id = r.data!.createOrganization.id;
    await app.db.query(`UPDATE organization SET status = 'ACTIVE' WHERE id = $1`, [id]);
    return id;
  };
  const from = await org(requester, 'Atelier Requérant');
  const answering = await signIn(app, { email: uniqueEmail('answering') });
  const to = await org(answering, 'Mécanique Répondante');
  const other = await org(answering, 'Fonderie Déclinante');

  const ask = async (target: string) =>
    (await app.gql<{ requestContact: { id: string } }>(REQUEST, { f: from, t: target }, requester.headers))
      .data!.requestContact.id;
  expect((await app.gql(RESPOND, { id: await ask(to), a: true }, answering.headers)).errors).toBeUndefined();
  expect(
    (await app.gql(RESPOND, { id: await ask(other), a: false }, answering.headers)).errors,
  ).toBeUndefined();

  const mails = await eventually(async () =>
    smtp.to(requester.email).length >= 2 ? smtp.to(requester.email) : null,
  );
  const subjects = mails.map((r) => r.mail.subject).sort();
  expect(subjects).toEqual(
    ['رفضت Fonderie Déclinante طلب التواصل', 'قبلت Mécanique Répondante طلب التواصل'].sort(),
  );
  for (const { mail } of mails) {
    expect(mail.html).toMatch(/dir="rtl"/);
    expect(mail.text).toContain(`${PUBLIC_URL}/requests/contact`);
  }
  // The answering side received the requests themselves.
  expect(smtp.to(answering.email).map((r) => r.mail.subject)).toEqual(
    expect.arrayContaining(['Demande de contact de Atelier Requérant']),
  );
}, 60_000);

it('delivers a meeting request to the receiving side and its acceptance to the requester, each in their language', async () => {
  const organiser = await signIn(app, { roles: ['ORGANISER'] });
  const requester = await signIn(app, { email: uniqueEmail('meet-requester') });
  const receiver = await signIn(app, { email: uniqueEmail('meet-receiver') });
  await app.db.query(`UPDATE user_account SET locale = 'ar' WHERE id = $1`, [requester.userId]);
  const org = (owner: TestUser, name: string) =>
    insertOwnedOrganization(app.db, owner.userId, {
      name: { ar: name, fr: name, en: name },
      status: 'ACTIVE',
    });
  const from = await org(requester, 'Atelier Demandeur');
  const to = await org(receiver, 'Forge Invitée');
  const editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum de Blida', ar: 'منتدى البليدة' },
    startsOn: '2031-04-14',
    endsOn: '2031-04-15',
    sessions: [{ day: '2031-04-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
  });
  const register = (organizationId: string) =>
    registerDelegate(app, organiser.headers, {
      editionId,
      organizationId,
      name: 'Délégué',
      email: uniqueEmail('delegate'),
    });
  const fromDelegateId = await register(from);
  await register(to);
  const requestId = await requestMeeting(app, requester.headers, {
    editionId,
    organizationId: from,
    fromDelegateId,
    toOrganizationId: to,
    message: 'Bonjour',
  });
  const link = `${PUBLIC_URL}/requests/meetings/${requestId}`;
  const [received] = await eventually(async () =>
    smtp.to(receiver.email).length ? smtp.to(receiver.email) : null,
  );
  expect(received.mail.subject).toBe('Atelier Demandeur souhaite vous rencontrer à Forum de Blida');
  expect(received.mail.text).toContain('Bonjour');
  expect(received.mail.text).toContain(link);
  expect(received.mail.html).toContain(`href="${link}"`);

  await acceptMeetingRequest(app, receiver.headers, requestId, to);
  const [accepted] = await eventually(async () =>
    smtp.to(requester.email).length ? smtp.to(requester.email) : null,
  );
  expect(accepted.mail.subject).toBe('قبلت Forge Invitée طلب اللقاء');
  expect(accepted.mail.headers.get('content-language')).toBe('ar');
  expect(accepted.mail.html).toMatch(/dir="rtl"/);
  expect(accepted.mail.text).toContain('منتدى البليدة');
  expect(accepted.mail.text).toContain(link);
}, 60_000);

it('keeps no reset, invitation or verification code in the stored copies, only in the mails sent', async () => {
  const owner = await signIn(app, { email: uniqueEmail('inviter') });
  const created = await app.gql<{ createOrganization: { id: string } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        kind: 'SME',
        name: { fr: 'Atelier Invitant' },
        country: 'DZ',
        regionCode: 'DZ-16',
        sectors: ['25'],
      },
    },
    owner.headers,
  );
  const orgId = created.data!.createOrganization.id;
  await app.db.query(`UPDATE organization SET status = 'ACTIVE' WHERE id = $1`, [orgId]);
  const invitee = uniqueEmail('invitee');
  const invited = await app.gql<{ inviteMember: { id: string } }>(
    `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id } }`,
    { o: orgId, e: invitee },
    owner.headers,
  );
  expect(invited.errors).toBeUndefined();
  await app.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: owner.email }, {});

  const [invitation] = await eventually(async () => (smtp.to(invitee).length ? smtp.to(invitee) : null));
  expect(invitation.mail.text).toContain(`${PUBLIC_URL}/invitations/${invited.data!.inviteMember.id}?token=`);
  await eventually(async () =>
    smtp.received.some((r) => r.mail.subject === 'Réinitialisez votre mot de passe'),
  );
  await eventually(async () => {
    const { rows } = await app.db.query(`SELECT 1 FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')`);
    return rows.length === 0;
  });

  // Every code any mail carried, against every stored copy and the values kept to render them.
  const codes = [
    ...new Set(
      smtp.received.flatMap((r) =>
        [...(r.mail.text ?? '').matchAll(/token=([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]),
      ),
    ),
  ];
  expect(codes.length).toBeGreaterThanOrEqual(3);
  const { rows: copies } = await app.db.query<{ stored: string; secrets: string | null }>(
    `SELECT subject || body || params::text || coalesce(smtp_response, '') AS stored, secrets FROM mail_outbox`,
  );
  for (const { stored, secrets } of copies) {
    expect(secrets).toBeNull();
    for (const code of codes) expect(stored).not.toContain(code);
  }
  expect(copies.filter((c) => c.stored.includes('token=[hidden]')).length).toBeGreaterThanOrEqual(3);
}, 60_000);
