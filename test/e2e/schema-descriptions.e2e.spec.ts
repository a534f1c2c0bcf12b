import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { createTestDatabase, startProcess } from '#testing';

/*
 * Every type, field, argument and enum value of the public GraphQL schema carries a description,
 * read by API clients in introspection and by the web app's generated types. The schema is the
 * one `npm run schema` prints: the CLI built in dist/ boots the api on a test database and writes
 * it out.
 *
 * PENDING lists, one schema coordinate a line, the elements still without a description. The test
 * fails on a missing description that is not listed (a new one) and on a listed element that now
 * has one or no longer exists (the list only shrinks).
 */

const PENDING = resolve('test/e2e/schema-descriptions.pending.txt');

/** Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`) without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) out.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        if ('args' in field)
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    if (isEnumType(type))
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    for (const arg of directive.args) check(`@${directive.name}(${arg.name}:)`, arg.description);
  }
  return out.sort();
}

function pending(): string[] {
  return readFileSync(PENDING, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

let schema: GraphQLSchema;

beforeAll(async () => {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'tashbik-schema-'));
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  try {
    const out = join(dir, 'schema.graphql');
    const cli = await startProcess(
      'cli',
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        MEILI_HOST: process.env.MEILI_HOST ?? '',
        MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
        MEILI_INDEX_PREFIX: prefix,
        QUEUE_PREFIX: `tashbik-${prefix}`,
        PORT: '0',
      },
      null,
      ['schema', '--out', out],
      50_000,
    );
    if (cli.child.exitCode !== 0)
      throw new Error(`schema exited with ${cli.child.exitCode}:\n${cli.output.join('\n')}`);
    schema = buildSchema(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
});

describe('descriptions of the public GraphQL schema', () => {
  it('finds an element without a description (the check itself)', () => {
    const probe = buildSchema(`
      "A probe." type Query { "Described." a(x: Int, "Described." y: Int): E, b: Int }
      enum E { "Described." ONE TWO }
    `);
    expect(undescribed(probe)).toEqual(['E', 'E.TWO', 'Query.a(x:)', 'Query.b']);
  });

  it('describes every type, field, argument and enum value, except those still pending', () => {
    const allowed = new Set(pending());
    const missing = undescribed(schema);
    // New elements must come with their description.
    expect(missing.filter((c) => !allowed.has(c))).toEqual([]);
    // A pending element that was described (or removed) leaves the list.
    const stillMissing = new Set(missing);
    expect([...allowed].filter((c) => !stillMissing.has(c))).toEqual([]);
  });

  it('keeps the pending list sorted and free of repeats', () => {
    const list = pending();
    expect(list).toEqual([...new Set(list)].sort());
  });
});
