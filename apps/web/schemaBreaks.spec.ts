import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatedDocuments, webBreaks } from './schemaBreaks';

/*
 * The breaking-change check of the web's documents (schemaBreaks.ts), on the committed schema and on
 * deliberate breaks of it: a field a document reads removed, a field retyped, an argument's type
 * changed, and a break elsewhere that the web does not feel.
 */
const schema = readFileSync(resolve('apps/web/schema.graphql'), 'utf8');
const documents = generatedDocuments(readFileSync(resolve('apps/web/src/gql/graphql.ts'), 'utf8'));

/** The schema with one line of a type's body replaced (the test fails if the line is not there). */
function edit(type: string, line: RegExp, replacement: string): string {
  const start = schema.search(new RegExp(`^type ${type} \\{`, 'm'));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = schema.indexOf('\n}', start);
  const body = schema.slice(start, end);
  expect(body).toMatch(line);
  return schema.slice(0, start) + body.replace(line, replacement) + schema.slice(end);
}

describe('the web documents against a changed schema', () => {
  it('finds the generated documents', () => {
    expect(documents.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Me', 'UnreadNotificationCount', 'SearchOrganizations', 'MyOrganization']),
    );
  });

  it('reports nothing when the schema is unchanged', async () => {
    expect(await webBreaks(schema, schema, documents)).toEqual({ invalid: [], breaking: [], elsewhere: [] });
  });

  it('fails on a removed field that a document reads', async () => {
    const result = await webBreaks(
      schema,
      edit(
        'Query',
        /\n\s*"""How many of your notifications are unread"""\n\s*unreadNotificationCount: Int!\n/,
        '\n',
      ),
      documents,
    );
    // Both documents that read the count: the badge's and the inbox's list.
    expect(result.invalid.map((d) => d.name).sort()).toEqual(['Notifications', 'UnreadNotificationCount']);
    for (const d of result.invalid) expect(d.errors.join()).toContain('unreadNotificationCount');
    expect(result.breaking.join('\n')).toContain('Query.unreadNotificationCount');
  });

  it('fails on a retyped field that a document reads', async () => {
    const result = await webBreaks(
      schema,
      edit('Organization', /^(\s*)foundedYear: Int\b/m, '$1foundedYear: String'),
      documents,
    );
    // Still valid GraphQL for the documents, but not the type the web was generated for.
    expect(result.breaking.join('\n')).toContain('Organization.foundedYear');
  });

  it('fails on an argument retyped under a document', async () => {
    const result = await webBreaks(
      schema,
      edit('Query', /(\n\s*organization\(\n\s*"""The organisation"""\n\s*)id: ID!/, '$1id: Int!'),
      documents,
    );
    expect(result.invalid.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Organization', 'MyOrganization']),
    );
    expect(result.breaking.join('\n')).toContain('Query.organization.id');
  });

  it('leaves a break the web does not depend on out of its list', async () => {
    const unused =
      /\n\s*"""Request, meeting and table statistics[^\n]*\n\s*forumStatistics\([\s\S]*?\): ForumStatistics!\n/;
    const result = await webBreaks(schema, edit('Query', unused, '\n'), documents);
    expect(result.invalid).toEqual([]);
    expect(result.breaking).toEqual([]);
    expect(result.elsewhere.join('\n')).toContain('Query.forumStatistics');
  });
});
