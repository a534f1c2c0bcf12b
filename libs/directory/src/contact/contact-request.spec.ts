import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, type AppConfig } from '#platform';
import { createTestDatabase, insertOwnedOrganization } from '#testing';
import {
  AccessService,
  AuditService,
  personalDataSources,
  SenderBudget,
  type MailPort,
  type OutgoingMail,
  type Viewer,
} from '#identity';
// The mail outbox's owner declares how copies of texts in mails are erased.
import '#notifications';
import './registrations.js';
import { ContactGrantService } from './contact-grant.service.js';
import { ContactRequestService, toContactRequest } from './contact-request.service.js';

/*
 * Contact requests on the real database: a decline's message to the requester (stored, mailed,
 * length-limited), and the expiry of a request left unanswered (status, notice, sending again).
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let budget: SenderBudget;
/** The mails the service hands to the mail port, in order. */
const sent: OutgoingMail[] = [];
const mail: MailPort = {
  send: (m: OutgoingMail) => {
    sent.push(m);
    return Promise.resolve();
  },
};

const service = (expiryDays?: number) =>
  new ContactRequestService(
    db,
    mail,
    new AuditService(),
    new ContactGrantService(),
    budget,
    expiryDays === undefined ? undefined : { contactRequestExpiryDays: expiryDays },
  );

async function user(locale: 'ar' | 'fr' | 'en'): Promise<Viewer> {
  const email = `c-${randomBytes(4).toString('hex')}@example.org`;
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, locale, email_verified_at, consent_version, consented_at)
     VALUES ($1, 'x', 'Member', $2, now(), '1', now()) RETURNING id::text AS id`,
    [email, locale],
  );
  return { userId: row.id, email, roles: [], emailVerified: true };
}

const org = (name: string, member: Viewer) =>
  insertOwnedOrganization(db, member.userId, {
    name: { ar: `${name} (ar)`, fr: name, en: name },
    status: 'ACTIVE',
  });

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const e = await run.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const stored = async (id: string) =>
  (
    await db.query<{ status: string; decline_message: string | null; days: number }[]>(
      `SELECT status, decline_message, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days
         FROM contact_request WHERE id = $1`,
      [id],
    )
  )[0];

/** Moves a request's expiry date into the past, as time passing would. */
const age = (id: string) =>
  db.query(`UPDATE contact_request SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);

describe('contact requests: decline message and expiry', () => {
  let asker: Viewer;
  let answerer: Viewer;
  let from: string;
  let to: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url });
    await db.initialize();
    budget = new SenderBudget({
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      queuePrefix: `t${randomBytes(4).toString('hex')}`,
      auth: { senderMails: { perHour: 100, perDay: 100 } },
    } as unknown as AppConfig);
    asker = await user('fr');
    answerer = await user('ar');
    from = await org('Soudure Tlemcen', asker);
    to = await org('Mécanique Sétif', answerer);
  });
  afterAll(async () => {
    budget?.onApplicationShutdown();
    await db?.destroy();
    await database?.drop();
  });
  beforeEach(() => {
    sent.length = 0;
  });

  it('stores a decline message, shows it to the requester and puts it in the declined mail', async () => {
    const contacts = service();
    const request = await contacts.request(asker, from, to, 'Bonjour');
    expect((await stored(request.id)).days).toBe(30);
    expect(sent.map((m) => [m.template, m.to])).toEqual([['contact-request', answerer.email]]);
    sent.length = 0;

    const tooLong = await refusal(contacts.respond(answerer, request.id, false, 'x'.repeat(501)));
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(tooLong.extensions)).toContain('500');
    const withAccept = await refusal(contacts.respond(answerer, request.id, true, 'Avec plaisir'));
    expect(withAccept.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const override = await refusal(contacts.respond(answerer, request.id, false, 'non \u202e merci'));
    expect(override.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await stored(request.id)).status).toBe('PENDING');
    expect(sent).toEqual([]);

    const note = 'Merci, notre carnet de commandes est plein jusqu’en juin.';
    const declined = await contacts.respond(answerer, request.id, false, `  ${note}  `);
    expect(await stored(request.id)).toMatchObject({ status: 'DECLINED', decline_message: note });
    // The requester reads it in the list of sent requests.
    const outgoing = (await contacts.page(from, 'OUTGOING', {})).nodes.map(toContactRequest);
    expect(outgoing.find((r) => r.id === declined.id)).toMatchObject({
      status: 'DECLINED',
      declineMessage: note,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: asker.email,
      userId: asker.userId,
      template: 'contact-request-declined',
      locale: 'fr',
      params: { organization: 'Mécanique Sétif', message: note },
    });
  });

  it('shows each side the other side’s contact persons once a request is accepted, and not before', async () => {
    const outsider = await user('en');
    const third = await org('Fonderie Oran', outsider);
    const contacts = service();
    const access = new AccessService(db);
    // Identity's access rules read the grants through the reader the directory registers.
    expect(await access.forViewer(asker).canSeeContacts(third)).toBe(false);
    const request = await contacts.request(asker, from, third, null);
    expect(await access.forViewer(asker).canSeeContacts(third)).toBe(false);
    await contacts.respond(outsider, request.id, true);
    expect(await access.forViewer(asker).canSeeContacts(third)).toBe(true);
    expect(await access.forViewer(outsider).canSeeContacts(from)).toBe(true);
    expect(await access.forViewer(answerer).canSeeContacts(third)).toBe(false);
    const grants = await db.query<{ source: string; source_id: string }[]>(
      `SELECT source, source_id FROM contact_grant WHERE org_low = least($1::uuid, $2::uuid)
          AND org_high = greatest($1::uuid, $2::uuid)`,
      [from, third],
    );
    expect(grants).toEqual([{ source: 'CONTACT_REQUEST', source_id: request.id }]);
  });

  it('keeps the message empty when a decline gives none, and refuses a second answer', async () => {
    const contacts = service();
    const request = await contacts.request(asker, from, to, null);
    await contacts.respond(answerer, request.id, false, '   ');
    expect(await stored(request.id)).toMatchObject({ status: 'DECLINED', decline_message: null });
    const again = await refusal(contacts.respond(answerer, request.id, false, 'Non'));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('expires a pending request past its date, tells the requester, and lets it be sent again', async () => {
    const contacts = service(3);
    const request = await contacts.request(asker, from, to, 'Rencontre ?');
    expect((await stored(request.id)).days).toBe(3);
    // Not due yet: the job leaves it alone.
    expect(await contacts.expireDue()).toBe(0);
    // A second request while one is pending is refused.
    const twice = await refusal(contacts.request(asker, from, to, null));
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT' });

    await age(request.id);
    // Before the job runs, the request already reads as expired and can no longer be answered.
    const incoming = (await contacts.page(to, 'INCOMING', {})).nodes.map(toContactRequest);
    expect(incoming.find((r) => r.id === request.id)?.status).toBe('EXPIRED');
    const late = await refusal(contacts.respond(answerer, request.id, true));
    expect(late.extensions).toMatchObject({ code: 'CONFLICT' });
    const cancelLate = await refusal(contacts.cancel(asker, request.id));
    expect(cancelLate.extensions).toMatchObject({ code: 'CONFLICT' });

    sent.length = 0;
    expect(await contacts.expireDue()).toBe(1);
    expect((await stored(request.id)).status).toBe('EXPIRED');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: asker.email,
      userId: asker.userId,
      template: 'contact-request-expired',
      locale: 'fr',
      ids: { contactRequestId: request.id, toOrganizationId: to },
      params: { organization: 'Mécanique Sétif' },
    });
    const [audit] = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [request.id],
    );
    expect(audit.action).toBe('contact-request.expire');
    // Once done, the job finds nothing more.
    expect(await contacts.expireDue()).toBe(0);

    // Sent again: a new pending request.
    const again = await contacts.request(asker, from, to, 'Rencontre ?');
    expect(again.id).not.toBe(request.id);
    expect((await stored(again.id)).status).toBe('PENDING');
    await contacts.cancel(asker, again.id);
  });

  it('lets a request be sent again at once when the previous one is past its date but not yet marked', async () => {
    const contacts = service();
    const first = await contacts.request(asker, from, to, null);
    await age(first.id);
    const second = await contacts.request(asker, from, to, null);
    expect((await stored(first.id)).status).toBe('EXPIRED');
    expect((await stored(second.id)).status).toBe('PENDING');
    await contacts.cancel(asker, second.id);
  });

  it('expires by the clock it is given', async () => {
    const contacts = service(7);
    const request = await contacts.request(asker, from, to, null);
    const day = 86_400_000;
    expect(await contacts.expireDue(new Date(Date.now() + 6 * day))).toBe(0);
    expect(await contacts.expireDue(new Date(Date.now() + 7 * day + 60_000))).toBe(1);
    expect((await stored(request.id)).status).toBe('EXPIRED');
  });

  it('erases a decline note, and its copy in the mail to the requester, with the account of who wrote it', async () => {
    const contacts = service();
    const request = await contacts.request(asker, from, to, 'Une offre de moulage');
    const note = 'Nous ne sous-traitons plus le moulage.';
    await contacts.respond(answerer, request.id, false, note);
    await db.query(
      `INSERT INTO mail_outbox (recipient, subject, body, template, locale, params) VALUES ($1, 's', $2, 'contact-request-declined', 'fr', $3)`,
      [asker.email, `Mécanique Sétif a décliné votre demande de contact.\n${note}`, { message: note }],
    );
    const source = personalDataSources().find((p) => p.name === 'contactRequests')!;
    const [exported] = await db.query<{ decline_message: string | null }[]>(
      `SELECT * FROM (${source.exportSql}) e WHERE e.id = $3 AND $2::text IS NOT NULL`,
      [answerer.userId, answerer.email, request.id],
    );
    expect(exported.decline_message).toBe(note);
    // As the privacy service does: the texts copied into mails are read first, their copies erased
    // by the mail outbox's owner, then the source erases; the address ($2) is bound only to
    // statements that use it.
    const bound = (sql: string): [string, unknown[]] => [
      sql,
      [answerer.userId, answerer.email].slice(0, sql.includes('$2') ? 2 : 1),
    ];
    const copied = await db.query<unknown[]>(...bound(source.copiedTextsSql!));
    const mails = personalDataSources().find((p) => p.eraseCopiesSql)!;
    await db.query(mails.eraseCopiesSql!, [JSON.stringify(copied)]);
    await db.query(...bound(source.deleteSql!));
    expect(await stored(request.id)).toMatchObject({ decline_message: null });
    const [kept] = await db.query<{ message: string | null }[]>(
      `SELECT message FROM contact_request WHERE id = $1`,
      [request.id],
    );
    expect(kept.message).toBe('Une offre de moulage');
    const [copy] = await db.query<{ body: string; params: { message: string } }[]>(
      `SELECT body, params FROM mail_outbox WHERE template = 'contact-request-declined' AND recipient = $1`,
      [asker.email],
    );
    expect(copy.body).not.toContain(note);
    expect(copy.params.message).toBe('(message deleted)');
  });
});
