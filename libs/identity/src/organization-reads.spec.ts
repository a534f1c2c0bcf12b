import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, insertOrganization } from '#testing';
// The directory registers the organisation reads and owner lookups identity uses.
import '#directory';
import { ensureDemoAccounts } from './demo-accounts.js';
import { AccessService } from './access/access.service.js';
import { personalDataSources } from './privacy/personal-data.js';

const CHEAP = { memoryKib: 1024, timeCost: 1 };

describe('identity reads organisations through the directory', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url });
    await db.initialize();
    dir = mkdtempSync(join(tmpdir(), 'demo-accounts-'));
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes the demo owner an owner of the first active SME, and keeps the accounts on the next start', async () => {
    await insertOrganization(db, { name: 'Pending first', status: 'PENDING' });
    await insertOrganization(db, { name: 'Bank', kind: 'FINANCIER', status: 'ACTIVE' });
    const first = await insertOrganization(db, { name: 'First SME', status: 'ACTIVE' });
    await insertOrganization(db, { name: 'Second SME', status: 'ACTIVE' });

    const accounts = await ensureDemoAccounts(db, dir, CHEAP);
    const rows = await db.query<{ email: string; organization_id: string; role: string }[]>(
      `SELECT u.email, m.organization_id::text, m.role FROM membership m JOIN user_account u ON u.id = m.user_id`,
    );
    expect(rows).toEqual([{ email: 'owner@tashbik.test', organization_id: first, role: 'OWNER' }]);
    expect(await ensureDemoAccounts(db, dir, CHEAP)).toEqual(accounts);
  });

  it('answers the owner lookups of organisations: any for organisers, active ones for everyone', async () => {
    const active = await insertOrganization(db, { status: 'ACTIVE' });
    const pending = await insertOrganization(db, { status: 'PENDING' });
    const access = new AccessService(db).forViewer(null);
    expect(await access.organizationOf('organization', active.toUpperCase())).toBe(active);
    expect(await access.organizationOf('organization', pending)).toBe(pending);
    expect(await access.organizationOf('organization.public', active)).toBe(active);
    expect(await access.organizationOf('organization.public', pending)).toBeNull();
    expect(await access.organizationOf('organization', '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it("exports an account's memberships with the names of their organisations", async () => {
    const org = await insertOrganization(db, { name: { fr: 'Fonderie', en: 'Foundry', ar: null } });
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO user_account (email, password_hash, display_name, consent_version, consented_at)
       VALUES ('member@example.org', 'x', 'Member', 'test', now()) RETURNING id`,
    );
    await db.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      id,
      org,
    ]);
    const source = personalDataSources().find((s) => s.name === 'memberships')!;
    const rows = await source.completeExport!(db, await db.query(source.exportSql, [id]));
    expect(rows).toEqual([
      {
        organization_id: org,
        organization_name: { fr: 'Fonderie', en: 'Foundry', ar: null },
        role: 'MEMBER',
        created_at: expect.any(Date),
      },
    ]);
  });
});
