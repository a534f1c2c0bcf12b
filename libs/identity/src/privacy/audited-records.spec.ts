import { DataSource } from 'typeorm';
import { createTestDatabase } from '#testing';
import { personalDataSources, registerAuditedRecords } from './personal-data.js';

describe('audited records declared as personal data', () => {
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

  it('refuses an entity type that is not a plain name', () => {
    expect(() =>
      registerAuditedRecords({ name: 'bad', entityType: "x' OR '1'='1", idsSql: 'SELECT 1 AS id' }),
    ).toThrow(/plain entity type/);
    expect(personalDataSources().some((s) => s.name === 'bad')).toBe(false);
  });

  it("erases the values of the selected records' audit entries, keeping which fields changed, and exports nothing", async () => {
    registerAuditedRecords({
      name: 'testWidgets',
      entityType: 'test_widget',
      idsSql: `SELECT x.id FROM (VALUES ('w1', $1::text), ('w2', $2::text)) x(id, owner) WHERE x.owner IS NOT NULL`,
    });
    const source = personalDataSources().find((s) => s.name === 'testWidgets')!;
    expect(source.exportSql).toBe('');
    const entry = (entityType: string, entityId: string) =>
      db.query(
        `INSERT INTO audit_log (action, entity_type, entity_id, fields, before, after)
         VALUES ('test.update', $1, $2, '{name}', '{"name": "a"}', '{"name": "b"}')`,
        [entityType, entityId],
      );
    await entry('test_widget', 'w1');
    await entry('test_widget', 'w2');
    await entry('test_widget', 'w3');
    await entry('other_kind', 'w1');
    // The account's address is not verified ($2 NULL): only w1 is selected.
    await db.query(source.deleteSql!, ['someone', null]);
    const rows = await db.query<
      { entity_type: string; entity_id: string; fields: string[]; before: unknown }[]
    >(`SELECT entity_type, entity_id, fields, before FROM audit_log ORDER BY entity_type, entity_id`);
    expect(rows).toEqual([
      { entity_type: 'other_kind', entity_id: 'w1', fields: ['name'], before: { name: 'a' } },
      { entity_type: 'test_widget', entity_id: 'w1', fields: ['name'], before: null },
      { entity_type: 'test_widget', entity_id: 'w2', fields: ['name'], before: { name: 'a' } },
      { entity_type: 'test_widget', entity_id: 'w3', fields: ['name'], before: { name: 'a' } },
    ]);
  });
});
