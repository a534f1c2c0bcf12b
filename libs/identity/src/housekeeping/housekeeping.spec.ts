import { DataSource } from 'typeorm';
import { createTestDatabase } from '#testing';
import { HousekeepingService } from './housekeeping.service.js';
// The mail outbox's owner registers the retention of mail copies (`mails` below).
import '#notifications';

describe('identity housekeeping', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url });
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('deletes expired credentials and old messages past their retention, and nothing still in use', async () => {
    const [{ id: user }] = await db.query<{ id: string }[]>(
      `INSERT INTO user_account (email, password_hash, display_name, consent_version, consented_at)
       VALUES ('keep@example.org', 'x', 'Keep', 'test', now()) RETURNING id`,
    );
    const now = new Date('2027-03-14T12:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const session = (hash: string, expires: Date, revoked: Date | null) =>
      db.query(
        `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, revoked_at)
         VALUES ($1, gen_random_uuid(), $2, $3, $4)`,
        [user, hash, expires, revoked],
      );
    await session('live', new Date(now.getTime() + 86_400_000), null);
    await session('expired-long-ago', ago(30), null);
    await session('expired-yesterday', ago(1), null);
    await session('revoked-long-ago', new Date(now.getTime() + 86_400_000), ago(8));
    await db.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at, used_at) VALUES
       ($1, 'VERIFY_EMAIL', 'used-old', $2, $3), ($1, 'RESET_PASSWORD', 'pending', $4, NULL)`,
      [user, ago(1), ago(3), new Date(now.getTime() + 3_600_000)],
    );
    await db.query(
      `INSERT INTO mail_outbox (recipient, subject, body, template, locale, created_at) VALUES
       ('keep@example.org', 'old', 'b', 'verify-email', 'en', $1), ('keep@example.org', 'new', 'b', 'verify-email', 'en', $2)`,
      [ago(100), ago(10)],
    );

    const counts = await new HousekeepingService(db).purge(now);
    expect(counts).toEqual({ sessions: 2, emailTokens: 1, invitations: 0, mails: 1 });
    const left = async (sql: string) => (await db.query<{ k: string }[]>(sql)).map((r) => r.k).sort();
    expect(await left(`SELECT token_hash AS k FROM refresh_token`)).toEqual(['expired-yesterday', 'live']);
    expect(await left(`SELECT token_hash AS k FROM email_token`)).toEqual(['pending']);
    expect(await left(`SELECT subject AS k FROM mail_outbox`)).toEqual(['new']);
    // Running again finds nothing more: the purge is idempotent.
    expect(await new HousekeepingService(db).purge(now)).toEqual({
      sessions: 0,
      emailTokens: 0,
      invitations: 0,
      mails: 0,
    });
  });
});
