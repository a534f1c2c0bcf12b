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
const documents = Object.values(modules)
  .flatMap((m) => Object.entries(m))
  .filter(
    (e): e is [string, { document: string }] =>
      typeof e[1] === 'object' && e[1] !== null && 'document' in e[1],
  );

describe('GraphQL operations', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });
  it.each(documents)('%s is valid against apps/web/schema.graphql', (_name, op) => {
    expect(validate(schema, parse(op.document)).map((e) => e.message)).toEqual([]);
  });
  it('catches a field the schema does not have', () => {
    const errors = validate(schema, parse('{ searchOrganizations { hits { nameThatDoesNotExist } } }'));
    expect(errors.length).toBeGreaterThan(0);
  });
});
