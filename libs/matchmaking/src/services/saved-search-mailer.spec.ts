import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource, type AppConfig } from '#platform';
import { createTestDatabase, insertMembership, insertOrganization, type OrganizationSeed } from '#testing';
import { OutboxMailer, NotificationService, type EventBus } from '#notifications';
import { SavedSearchMailer } from './saved-search-mailer.js';

/*
 * Saved-search alerts as mail, against a real database: one mail per person and search per round,
 * a digest when several organisations matched, a notice in the app, an unsubscribe link.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let mailer: SavedSearchMailer;

const hex = () => randomBytes(4).toString('hex');
const one = async <T>(sql: string, params: unknown[]) => (await db.query<T[]>(sql, params))[0];

const organization = (name: string, kind: OrganizationSeed['kind'] = 'SME') =>
  insertOrganization(db, { name: { ar: `${name} (ar)`, fr: name, en: name }, kind, status: 'ACTIVE' });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url }, []);
  await db.initialize();
  const config = {
    publicUrl: 'https://tashbik.test',
    auth: { jwtSecret: 'saved-search-mailer-secret-0123456789' },
  } as AppConfig;
  const inApp = new NotificationService(db, { publish: () => Promise.resolve() } as unknown as EventBus);
  mailer = new SavedSearchMailer(db, new OutboxMailer(db, config, undefined, inApp));
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

it('mails one alert alone, several of one round as one digest, each alert once', async () => {
  const email = `analyst-${hex()}@banque.example`;
  const user = await one<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, display_name, locale, email_verified_at, consent_version, consented_at)
     VALUES ($1, 'x', 'Analyst', 'en', now(), '1', now()) RETURNING id::text AS id`,
    [email],
  );
  const bank = await organization('Banque Test', 'FINANCIER');
  await insertMembership(db, user.id, bank, 'OWNER');
  const search = await one<{ id: string }>(
    `INSERT INTO saved_search (organization_id, name, criteria, created_by) VALUES ($1, 'Mécanique DZ', '{}', $2)
     RETURNING id::text AS id`,
    [bank, user.id],
  );
  const alert = async (name: string) =>
    db.query(
      `INSERT INTO saved_search_alert (saved_search_id, organization_id, organization_version, score)
       VALUES ($1, $2, 1, 0.8)`,
      [search.id, await organization(name)],
    );
  const mails = () =>
    db.query<{ template: string; subject: string; body: string }[]>(
      `SELECT template, subject, body FROM mail_outbox WHERE recipient = $1 ORDER BY id`,
      [email],
    );

  await alert('Usinage Setif');
  expect(await mailer.sendPending()).toBe(1);
  await alert('Forge Oran');
  await alert('Fonderie Annaba');
  await alert('Tôlerie Blida');
  expect(await mailer.sendPending()).toBe(3);
  expect(await mailer.sendPending()).toBe(0);

  const sent = await mails();
  expect(sent.map((m) => [m.template, m.subject])).toEqual([
    ['saved-search-alert', 'New match for "Mécanique DZ"'],
    ['saved-search-digest', '3 new matches for "Mécanique DZ"'],
  ]);
  for (const name of ['Forge Oran', 'Fonderie Annaba', 'Tôlerie Blida'])
    expect(sent[1].body).toContain(`• ${name}`);
  expect(sent[1].body).toContain('https://tashbik.test/searches');
  expect(sent[1].body).toContain('https://tashbik.test/unsubscribe?token=[hidden]');
  // Each mail is a notice in the app too, naming the saved search.
  const notices = await db.query<{ kind: string; search: string }[]>(
    `SELECT kind, payload->>'savedSearchId' AS search FROM notification WHERE user_id = $1 ORDER BY id`,
    [user.id],
  );
  expect(notices).toEqual([
    { kind: 'saved-search-alert', search: search.id },
    { kind: 'saved-search-digest', search: search.id },
  ]);
});

it('mails the member who saved the search, and once they left the organisation, its owners', async () => {
  const account = async (name: string, locale: string) =>
    one<{ id: string; email: string }>(
      `INSERT INTO user_account (email, password_hash, display_name, locale, email_verified_at, consent_version, consented_at)
       VALUES ($1, 'x', $2, $3, now(), '1', now()) RETURNING id::text AS id, email`,
      [`${name}-${hex()}@firm.example`, name, locale],
    );
  const [author, owner, other] = [
    await account('author', 'fr'),
    await account('owner', 'ar'),
    await account('member', 'en'),
  ];
  const firm = await organization('Groupe Test');
  for (const [who, role] of [
    [author, 'MEMBER'],
    [owner, 'OWNER'],
    [other, 'MEMBER'],
  ] as const)
    await insertMembership(db, who.id, firm, role);
  const search = await one<{ id: string }>(
    `INSERT INTO saved_search (organization_id, name, criteria, created_by) VALUES ($1, 'Sous-traitance', '{}', $2)
     RETURNING id::text AS id`,
    [firm, author.id],
  );
  const alert = async (name: string) =>
    db.query(
      `INSERT INTO saved_search_alert (saved_search_id, organization_id, organization_version, score)
       VALUES ($1, $2, 1, 0.8)`,
      [search.id, await organization(name)],
    );
  const recipients = async () =>
    (
      await db.query<{ recipient: string }[]>(
        `SELECT recipient FROM mail_outbox WHERE recipient = ANY($1::text[]) ORDER BY id`,
        [[author.email, owner.email, other.email]],
      )
    ).map((r) => r.recipient);

  await alert('Chaudronnerie Bejaia');
  expect(await mailer.sendPending()).toBe(1);
  expect(await recipients()).toEqual([author.email]);

  await db.query(`DELETE FROM membership WHERE user_id = $1 AND organization_id = $2`, [author.id, firm]);
  await alert('Plasturgie Tizi');
  await alert('Emballage Blida');
  expect(await mailer.sendPending()).toBe(2);
  // The owner alone gets the round's digest (one mail for both alerts); the other member nothing.
  expect(await recipients()).toEqual([author.email, owner.email]);
});
