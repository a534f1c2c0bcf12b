import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import ts from 'typescript';
import { databaseUrl, TEST_ENV } from '#testing';

/*
 * One owner per table: each library names in its SQL only the tables it owns. OWNERS declares the
 * owner of every table of the migrated schema; the scan reads the SQL in the string and template
 * literals of each library's production code (and the apps', which own no table), plus the
 * TypeORM calls given another library's entity class, and lists which unit names which foreign
 * table.
 *
 * PENDING lists, one `unit -> table` a line, the crossings still to remove (the work list of
 * "one writer per table"). The test fails on a crossing that is not listed (a new one) and on a
 * listed one that no longer occurs (the list only shrinks).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PENDING = join(root, 'test/architecture/table-owners.pending.txt');

/** The owner of every table, by library. */
const OWNERS: Record<string, readonly string[]> = {
  platform: ['outbox'],
  directory: [
    'organization',
    'contact_person',
    'opportunity',
    'organization_change',
    'contact_request',
    'contact_grant',
    'organization_claim',
  ],
  identity: [
    'user_account',
    'refresh_token',
    'email_token',
    'membership',
    'audit_log',
    'organization_invitation',
  ],
  forum: [
    'forum_edition',
    'forum_session',
    'forum_slot',
    'forum_table',
    'forum_group',
    'forum_group_rule',
    'forum_delegate',
    'forum_delegate_unavailable',
    'forum_meeting_request',
    'forum_meeting',
    'forum_meeting_participant',
    'forum_schedule_run',
    'forum_agenda_change',
    'forum_agenda_feed',
    'forum_meeting_reminder',
    'forum_request_precedence',
    'forum_follow_up_mail',
  ],
  matchmaking: [
    'suggestion',
    'suggestion_feedback',
    'match_run',
    'cluster_member',
    'cluster_proposal',
    'financier_criteria',
    'saved_search',
    'saved_search_alert',
  ],
  notifications: [
    'mail_outbox',
    'notification',
    'notification_digest',
    'notification_digest_item',
    'notification_preference',
  ],
  search: ['search_state'],
};

/**
 * Read models a library publishes for the others: views over its own tables (created in a
 * migration, with the owner's rules, e.g. which organisations are listed, written once in the
 * view), for queries that must filter, sort or page on another library's columns in one
 * statement. Any library may read them; only the owner names them in a write.
 */
const PUBLISHED: Record<string, readonly string[]> = {
  directory: [
    'directory_listed_organization_v',
    'directory_current_opportunity_v',
    'directory_organization_card_v',
  ],
  identity: ['identity_audit_entry_v'],
};

const ownerOf = new Map(
  Object.entries(OWNERS).flatMap(([lib, tables]) => tables.map((t) => [t, lib] as const)),
);
const publisherOf = new Map(
  Object.entries(PUBLISHED).flatMap(([lib, views]) => views.map((v) => [v, lib] as const)),
);

/** Production sources: not tests, test fixtures, migrations (schema history), the test kit, benchmarks or the web app. */
function productionSources(): Array<{ unit: string; path: string }> {
  const out: Array<{ unit: string; path: string }> = [];
  const walk = (dir: string, unit: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (entry.isDirectory()) {
        if (
          rel === 'libs/platform/src/database/migrations' ||
          rel === 'apps/cli/src/bench' ||
          entry.name === 'e2e'
        )
          continue;
        walk(path, unit);
      } else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$|\.test-fixtures\.ts$/.test(entry.name)) {
        out.push({ unit, path });
      }
    }
  };
  for (const kind of ['libs', 'apps'])
    for (const unit of readdirSync(join(root, kind))) {
      if (unit === 'testing' || unit === 'web') continue;
      walk(join(root, kind, unit), unit);
    }
  return out;
}

const SQL_WRITE =
  /\b(?:INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;
const SQL_TABLE =
  /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|TRUNCATE|REFERENCES)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;
const ENTITY = /@Entity\('([a-z_][a-z0-9_]*)'\)\s*export class (\w+)/g;
const ENTITY_CALLS = new Set([
  'getRepository',
  'createQueryBuilder',
  'find',
  'findOne',
  'findBy',
  'findOneBy',
  'findOneOrFail',
  'findAndCount',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'increment',
  'decrement',
]);

/**
 * The tables a source names: in SQL text, and as the entity class given to a TypeORM call. A
 * published view counts only where it is written (`written`), since reading it is its purpose.
 */
export function tablesNamed(
  source: string,
  entityTables: ReadonlyMap<string, string>,
  written?: Set<string>,
): Set<string> {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, true);
  const named = new Set<string>();
  const sql = (text: string) => {
    for (const match of text.matchAll(SQL_TABLE)) named.add(match[1]);
    if (written) for (const match of text.matchAll(SQL_WRITE)) written.add(match[1]);
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) sql(node.text);
    else if (ts.isTemplateExpression(node))
      sql([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' $ '));
    else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ENTITY_CALLS.has(node.expression.name.text) &&
      node.arguments[0] &&
      ts.isIdentifier(node.arguments[0]) &&
      entityTables.has(node.arguments[0].text)
    )
      named.add(entityTables.get(node.arguments[0].text)!);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return named;
}

/** `unit -> table` for every table a unit names that another library owns. */
function crossings(): string[] {
  const sources = productionSources();
  const entityTables = new Map<string, string>();
  for (const { path } of sources)
    for (const match of readFileSync(path, 'utf8').matchAll(ENTITY)) entityTables.set(match[2], match[1]);
  const out = new Set<string>();
  for (const { unit, path } of sources) {
    const written = new Set<string>();
    for (const table of tablesNamed(readFileSync(path, 'utf8'), entityTables, written)) {
      const owner = ownerOf.get(table);
      if (owner && owner !== unit) out.add(`${unit} -> ${table}`);
    }
    for (const view of written) {
      const publisher = publisherOf.get(view);
      if (publisher && publisher !== unit) out.add(`${unit} -> ${view} (write)`);
    }
  }
  return [...out].sort();
}

function pending(): string[] {
  return readFileSync(PENDING, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('one owner per table', () => {
  it('declares an owner for every table of the migrated schema, and no table that is not there', async () => {
    const client = new pg.Client({ connectionString: databaseUrl(process.env[TEST_ENV.template]!) });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
          ORDER BY table_name`,
      );
      expect([...ownerOf.keys()].sort()).toEqual(rows.map((r) => r.table_name));
      const views = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect([...publisherOf.keys()].sort()).toEqual(views.rows.map((r) => r.table_name));
    } finally {
      await client.end();
    }
  });

  it('finds tables in SQL text and in TypeORM calls given an entity class (the scan itself)', () => {
    const source = [
      "import { OrganizationEntity } from '#directory';",
      'const a = `SELECT o.id FROM organization o JOIN membership m ON m.organization_id = o.id`;',
      "const b = 'INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)';",
      'const c = `UPDATE ${"x"} SET a = 1; DELETE FROM contact_person WHERE id = $1`;',
      'await manager.find(OrganizationEntity, { where: {} });',
      "// FROM forum_meeting in a comment is not SQL; neither is 'data from suggestion files'",
    ].join('\n');
    const named = tablesNamed(source, new Map([['OrganizationEntity', 'organization']]));
    expect([...named].filter((t) => ownerOf.has(t)).sort()).toEqual([
      'contact_person',
      'membership',
      'organization',
      'outbox',
    ]);
  });

  it('tells the writes in SQL text from the reads (a published view may be read, not written)', () => {
    const written = new Set<string>();
    tablesNamed(
      [
        'const a = `SELECT v.name FROM directory_card_v v JOIN forum_delegate d ON d.organization_id = v.id`;',
        "const b = 'UPDATE shown_v SET a = 1'; const c = 'INSERT INTO kept_v (a) VALUES (1)';",
        "const d = 'DELETE FROM gone_v WHERE id = $1';",
      ].join('\n'),
      new Map(),
      written,
    );
    expect([...written].sort()).toEqual(['gone_v', 'kept_v', 'shown_v']);
  });

  it("names in each library's and app's SQL only its own tables, except the crossings still pending", () => {
    const allowed = new Set(pending());
    const found = crossings();
    // A new crossing goes through the owner's service instead.
    expect(found.filter((c) => !allowed.has(c))).toEqual([]);
    // A pending crossing that was removed leaves the list.
    const still = new Set(found);
    expect([...allowed].filter((c) => !still.has(c))).toEqual([]);
  });

  it('keeps the pending list sorted and free of repeats', () => {
    const list = pending();
    expect(list).toEqual([...new Set(list)].sort());
  });
});
