// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.config';

/*
 * The committed types of src/gql/ are what `npm run codegen` writes now from apps/web/schema.graphql
 * and the documents of src/api: a document edited, or a schema printed again, without running the
 * generator fails here (and usually the typecheck too: an edited document no longer matches a
 * generated signature and its result becomes `unknown`).
 */
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

describe('generated GraphQL types', () => {
  it('are up to date with the schema and the documents (run `npm run codegen`)', async () => {
    const files: { filename: string; content: string }[] = await generate(
      { ...config, cwd: repo, silent: true },
      false,
    );
    expect(files.map((f) => f.filename).sort()).toEqual(
      ['apps/web/src/gql/gql.ts', 'apps/web/src/gql/graphql.ts', 'apps/web/src/gql/index.ts'].sort(),
    );
    for (const f of files) expect(readFileSync(join(repo, f.filename), 'utf8'), f.filename).toBe(f.content);
  }, 60_000);

  it('would see a changed document (the check can fail)', async () => {
    const document = join(repo, 'apps/web/src/api/inboxLive.ts');
    const text = readFileSync(document, 'utf8');
    const changed = text.replace(/unreadNotificationCount\n/, 'unreadNotificationCount\n    me { id }\n');
    expect(changed).not.toBe(text);
    const copy = join(mkdtempSync(join(tmpdir(), 'codegen-')), 'inboxLive.ts');
    writeFileSync(copy, changed);
    const documents = (config.documents as string[]).map((d) => (d.endsWith('inboxLive.ts') ? copy : d));
    const files: { filename: string; content: string }[] = await generate(
      { ...config, cwd: repo, silent: true, documents },
      false,
    );
    const types = files.find((f) => f.filename.endsWith('graphql.ts'))!.content;
    expect(types).not.toBe(readFileSync(join(repo, 'apps/web/src/gql/graphql.ts'), 'utf8'));
    expect(types).toContain('UnreadNotificationCountQuery = { unreadNotificationCount: number, me:');
  }, 60_000);
});
