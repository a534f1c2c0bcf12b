import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum privacy: an address registered by one organisation no longer blocks another organisation
 * from registering the same person (delegates are unique per edition, organisation and address),
 * and each calendar feed remembers the delegate's address it was issued for, so that changing the
 * address closes the feed.
 */
export class ForumPrivacy1796596972446 implements MigrationInterface {
  name = 'ForumPrivacy1796596972446';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE forum_delegate
        DROP CONSTRAINT forum_delegate_edition_id_email_key,
        ADD CONSTRAINT forum_delegate_edition_org_email_key UNIQUE (edition_id, organization_id, email)`);
    await q.query(`ALTER TABLE forum_agenda_feed ADD COLUMN delegate_email citext`);
    await q.query(`
      UPDATE forum_agenda_feed f SET delegate_email = d.email FROM forum_delegate d WHERE d.id = f.delegate_id`);
    await q.query(`ALTER TABLE forum_agenda_feed ALTER COLUMN delegate_email SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE forum_agenda_feed DROP COLUMN delegate_email`);
    await q.query(`
      DELETE FROM forum_delegate d USING forum_delegate older
       WHERE older.edition_id = d.edition_id AND older.email = d.email
         AND (older.created_at, older.id) < (d.created_at, d.id)`);
    await q.query(`
      ALTER TABLE forum_delegate
        DROP CONSTRAINT forum_delegate_edition_org_email_key,
        ADD CONSTRAINT forum_delegate_edition_id_email_key UNIQUE (edition_id, email)`);
  }
}
