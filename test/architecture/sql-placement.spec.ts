import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * SQL lives in repositories: a library's SQL text, its `.query()` calls and its query builders are
 * written in `*.repository.ts` files (one per aggregate), so a schema change touches one file per
 * table, and services, resolvers, loaders and jobs speak of rows through them. Migrations and the
 * database plumbing of platform (libs/platform/src/database: the data source, the outbox, the
 * migration runner) are the other places SQL may be written.
 *
 * PENDING lists the production files still holding SQL outside a repository; the test fails on a
 * file that is not listed and on a listed one that holds none any more, so the list only shrinks.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PENDING = join(root, 'test/architecture/sql-placement.pending.txt');

/** Folders of code that is not the product's runtime: seeds, benchmarks, evaluations, tests. */
const NOT_PRODUCTION = new Set(['e2e', 'seed', 'bench', 'evaluation', 'migrations']);

function productionSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!NOT_PRODUCTION.has(entry.name)) walk(path);
      } else if (
        /\.ts$/.test(entry.name) &&
        !/\.(spec|test)\.ts$|\.test-fixtures\.ts$|\.d\.ts$/.test(entry.name)
      ) {
        out.push(relative(root, path));
      }
    }
  };
  for (const kind of ['libs', 'apps'])
    for (const unit of readdirSync(join(root, kind))) {
      if (unit === 'testing' || unit === 'web') continue;
      walk(join(root, kind, unit));
    }
  return out.sort();
}

/** Where SQL belongs. */
export const mayHoldSql = (path: string): boolean =>
  /\.repository\.ts$/.test(path) || path.startsWith('libs/platform/src/database/');

const STATEMENT =
  /^\s*\(?\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+"?[a-z_][a-z0-9_]*"?\s+(?:[a-z_][a-z0-9_]*\s+)?SET\s|DELETE\s+FROM\s|WITH\s+(?:RECURSIVE\s+)?[a-z_][a-z0-9_]*\s+(?:\([^)]*\)\s+)?AS\s|TRUNCATE\s|LOCK\s+TABLE\s)/;

/** What in a source is SQL: statements in string and template literals, `.query()` and query builders. */
export function sqlIn(source: string): string[] {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const line = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && STATEMENT.test(node.text))
      found.push(`line ${line(node)}: SQL text`);
    else if (ts.isTemplateExpression(node) && STATEMENT.test(node.head.text))
      found.push(`line ${line(node)}: SQL text`);
    else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['query', 'createQueryBuilder'].includes(node.expression.name.text)
    )
      found.push(`line ${line(node)}: .${node.expression.name.text}()`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function pending(): string[] {
  return readFileSync(PENDING, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('SQL lives in repositories', () => {
  it('finds SQL text, .query() and query builders, and not prose or GraphQL (the scan itself)', () => {
    const source = [
      'const a = `SELECT id FROM organization WHERE id = ${1}`;',
      "const b = 'INSERT INTO outbox (entity) VALUES ($1)';",
      "const c = `UPDATE forum_meeting m SET status = 'HELD'`;",
      "const d = 'DELETE FROM contact_person WHERE id = $1';",
      'const e = `WITH picked AS (SELECT 1) SELECT * FROM picked`;',
      'await manager.query(sql, []);',
      'const qb = repo.createQueryBuilder("o");',
      "const prose = 'Select a language'; const label = 'update the profile';",
      "const gql = 'query Me { me { id } }'; const word = 'SELECT';",
    ].join('\n');
    expect(sqlIn(source)).toEqual([
      'line 1: SQL text',
      'line 2: SQL text',
      'line 3: SQL text',
      'line 4: SQL text',
      'line 5: SQL text',
      'line 6: .query()',
      'line 7: .createQueryBuilder()',
    ]);
    expect(mayHoldSql('libs/forum/src/meeting/meeting.repository.ts')).toBe(true);
    expect(mayHoldSql('libs/platform/src/database/outbox-feed.ts')).toBe(true);
    expect(mayHoldSql('libs/forum/src/meeting/meeting.service.ts')).toBe(false);
  });

  it('holds SQL only in repositories and the database plumbing, except the files still pending', () => {
    const holding = productionSources().filter(
      (path) => !mayHoldSql(path) && sqlIn(readFileSync(join(root, path), 'utf8')).length > 0,
    );
    const allowed = new Set(pending());
    // New SQL goes into the aggregate's repository.
    expect(
      holding
        .filter((p) => !allowed.has(p))
        .map((p) => `${p}: ${sqlIn(readFileSync(join(root, p), 'utf8')).join(', ')}`),
    ).toEqual([]);
    // A file cleared of SQL leaves the list.
    const still = new Set(holding);
    expect([...allowed].filter((p) => !still.has(p))).toEqual([]);
  });

  it('keeps the pending list sorted and free of repeats', () => {
    const list = pending();
    expect(list).toEqual([...new Set(list)].sort());
  });
});
