import type { CodegenConfig } from '@graphql-codegen/cli';

/*
 * `npm run codegen`: GraphQL Code Generator's client preset turns the web's operations (the
 * `graphql(`…`)` documents in src/api) into result and variable types checked against
 * apps/web/schema.graphql, written to src/gql/ (committed; src/api/codegen.test.ts fails when they
 * are stale). documentMode 'string': the documents stay strings, no graphql library reaches the
 * browser, and src/api/client.ts imports the generated `graphql` signature as a type only, so the
 * generated map of every document is not shipped either (see docs/WEB.md, "Typed GraphQL").
 */
export const DOCUMENTS = [
  'apps/web/src/api/account.ts',
  'apps/web/src/api/organization.ts',
  'apps/web/src/api/operations.ts',
  'apps/web/src/api/inboxLive.ts',
  'apps/web/src/api/consoleStats.ts',
  'apps/web/src/api/forum.ts',
  'apps/web/src/api/inbox.ts',
  'apps/web/src/api/consoleRequests.ts',
  'apps/web/src/api/consoleDesk.ts',
  'apps/web/src/api/console.ts',
  'apps/web/src/api/consoleForum.ts',
];

const config: CodegenConfig = {
  schema: 'apps/web/schema.graphql',
  documents: DOCUMENTS,
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        onlyOperationTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
