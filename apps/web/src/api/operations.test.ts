// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

/*
 * The web's operations against the schema the api prints (`npm run schema`): a field the web uses
 * that the api removes, renames or retypes fails here, before any browser runs.
 */
const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
/** Every module of src/api (one per area of the app) except the client and the tests. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./client.ts'], {
  eager: true,
});
/** The typed documents (`graphql(…)`: at run time, their text). */
const documents = Object.values(modules)
  .flatMap((m) => Object.entries(m))
  .flatMap(([name, value]): [string, string][] =>
    typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value) ? [[name, value]] : [],
  );

describe('GraphQL operations', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });
  it('include the typed documents of the converted modules', () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'ME',
        'UNREAD_COUNT',
        'MY_SESSIONS',
        'FORUM_PARTICIPANTS',
        'SUGGESTIONS',
        'CONSOLE_COUNTS',
        'EDITION_SETUP',
        'SCHEDULE_RUN_PROGRESS',
        'EDITION_BADGES',
        'CONSOLE_REQUESTS',
      ]),
    );
  });
  it.each(documents)('%s is valid against apps/web/schema.graphql', (_name, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });
  it('catches a field the schema does not have', () => {
    const errors = validate(schema, parse('{ searchOrganizations { hits { nameThatDoesNotExist } } }'));
    expect(errors.length).toBeGreaterThan(0);
  });
});
