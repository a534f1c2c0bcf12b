import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource, type AppConfig } from '#platform';
import { createTestDatabase, insertMembership, insertOrganization } from '#testing';
import { OutboxMailer } from '../mail/outbox-mailer.js';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service.js';
import { SuggestionsDigestService } from './suggestions-digest.service.js';
// Matchmaking, the owner of suggestions, registers the feed the digest reads.
import '#matchmaking';

/*
 * The weekly new-suggestions digest against a real database: opt-in, at most one per account and
 * week, only with partners no earlier digest named, and nothing more when run again.
 */

const DAY = 24 * 3_600_000;
const config = {
  publicUrl: 'https://tashbik.test',
  auth: { jwtSecret: 'digest-test-secret-0123456789abcdef' },
} as AppConfig;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let digests: SuggestionsDigestService;
let prefs: NotificationPreferencesService;

const hex = () => randomBytes(4).toString('hex');

async function user(locale = 'fr'): Promise<{ id: string; email: string }> {
  const email = `member-${hex()}@example.org`;
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, locale, email_verified_at, consent_version, consented_at)
     VALUES ($1, 'x', 'Member', $2, now(), '1', now()) RETURNING id::text AS id`,
    [email, locale],
  );
  return { id: row.id, email };
}

async function org(name: string, memberId?: string): Promise<string> {
  const id = await insertOrganization(db, {
    name: { ar: `${name} (ar)`, fr: name, en: name },
    status: 'ACTIVE',
  });
  if (memberId) await insertMembership(db, memberId, id, 'OWNER');
  return id;
}

/** Replaces the organisation's suggestions, as a recompute does (rows deleted and written again). */
async function suggest(organizationId: string, counterparts: string[]): Promise<void> {
  await db.query(`DELETE FROM suggestion WHERE organization_id = $1`, [organizationId]);
  for (const [i, c] of counterparts.entries())
    await db.query(
      `INSERT INTO suggestion (organization_id, kind, counterpart_organization_id, score, rank)
       VALUES ($1, 'SUBCONTRACTING', $2, $3, $4)`,
      [organizationId, c, 0.9 - i / 100, i + 1],
    );
}

const digestsOf = (email: string) =>
  db.query<{ subject: string; body: string }[]>(
    `SELECT subject, body FROM mail_outbox WHERE recipient = $1 AND template = 'suggestions-digest' ORDER BY id`,
    [email],
  );

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url }, []);
  await db.initialize();
  prefs = new NotificationPreferencesService(db);
  digests = new SuggestionsDigestService(db, new OutboxMailer(db, config, undefined, undefined, prefs));
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

it('mails opted-in members once a week, listing only partners no earlier digest named', async () => {
  const member = await user();
  const bystander = await user();
  const a = await org('Atelier Alpha', member.id);
  const other = await org('Atelier Autre', bystander.id);
  const [b, c, d] = [await org('Forge Bêta'), await org('Fonderie Gamma'), await org('Découpe Delta')];
  await suggest(a, [b, c]);
  await suggest(other, [b]);
  await prefs.set(member.id, [{ kind: 'SUGGESTIONS_DIGEST', email: true }]);

  const t0 = new Date('2031-03-03T08:00:00Z');
  expect(await digests.run(t0)).toBe(1);
  const [first] = await digestsOf(member.email);
  expect(first.subject).toBe('Nouvelles suggestions pour Atelier Alpha : 2');
  expect(first.body).toContain('• Forge Bêta');
  expect(first.body).toContain('• Fonderie Gamma');
  expect(first.body).toContain('https://tashbik.test/suggestions');
  expect(first.body).toContain('https://tashbik.test/unsubscribe?token=[hidden]');
  // The digest is opt-in: a member who did not ask gets none.
  expect(await digestsOf(bystander.email)).toHaveLength(0);

  // Run again, or a week later with nothing new (the suggestions recomputed): nothing more.
  expect(await digests.run(t0)).toBe(0);
  await suggest(a, [c, b]);
  expect(await digests.run(new Date(t0.getTime() + 8 * DAY))).toBe(0);

  // A new partner: within the week it waits, after it the digest names only the new one.
  await suggest(a, [b, d, c]);
  expect(await digests.run(new Date(t0.getTime() + 3 * DAY))).toBe(0);
  const t1 = new Date(t0.getTime() + 9 * DAY);
  expect(await digests.run(t1)).toBe(1);
  const second = (await digestsOf(member.email))[1];
  expect(second.subject).toBe('Nouvelles suggestions pour Atelier Alpha : 1');
  expect(second.body).toContain('• Découpe Delta');
  expect(second.body).not.toContain('Forge Bêta');
  // Two workers at once send one digest between them.
  await suggest(a, [b, c, d, await org('Usinage Epsilon')]);
  const t2 = new Date(t1.getTime() + 8 * DAY);
  expect((await Promise.all([digests.run(t2), digests.run(t2)])).reduce((x, y) => x + y)).toBe(1);
  expect(await digestsOf(member.email)).toHaveLength(3);

  // Turned off again: nothing, whatever is new.
  await prefs.set(member.id, [{ kind: 'SUGGESTIONS_DIGEST', email: false }]);
  await suggest(a, [await org('Tôlerie Zêta')]);
  expect(await digests.run(new Date(t2.getTime() + 8 * DAY))).toBe(0);
  expect(await digestsOf(member.email)).toHaveLength(3);
});

it('sends no digest to an account whose address is not verified, until it is', async () => {
  const member = await user();
  await db.query(`UPDATE user_account SET email_verified_at = NULL WHERE id = $1`, [member.id]);
  const mine = await org('Atelier Unverified', member.id);
  await suggest(mine, [await org('Forge Iota')]);
  await prefs.set(member.id, [{ kind: 'SUGGESTIONS_DIGEST', email: true }]);
  const t = new Date('2032-01-05T08:00:00Z');
  await digests.run(t);
  expect(await digestsOf(member.email)).toHaveLength(0);
  await db.query(`UPDATE user_account SET email_verified_at = now() WHERE id = $1`, [member.id]);
  await digests.run(t);
  expect(await digestsOf(member.email)).toHaveLength(1);
});
