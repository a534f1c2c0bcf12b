import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

/*
 * The project's own lint configuration, run on small sources placed (by name only) in the tree:
 * each architecture rule fires on a breach and stays quiet on the allowed form next to it.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The boundary messages ESLint reports for `code` as if it were the file at `path`. */
async function boundaryMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages.filter((m) => m.ruleId === 'tashbik/boundaries').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuses a library importing an app, statically, by re-export or dynamically', async () => {
    for (const code of [
      "import { createApi } from '../../../apps/api/src/bootstrap-api.js';\nvoid createApi;\n",
      "export * from '../../../apps/worker/src/bootstrap-worker.js';\n",
      "export const load = () => import('../../../apps/cli/src/commands.js');\n",
    ]) {
      const messages = await boundaryMessages('libs/forum/src/example.ts', code);
      expect(messages).toEqual([expect.stringContaining('A library never imports an app')]);
    }
  });

  it('lets an app import another app (the CLI starts the api and the worker)', async () => {
    const code = "import { createApi } from '../../api/src/bootstrap-api.js';\nvoid createApi;\n";
    expect(await boundaryMessages('apps/cli/src/example.ts', code)).toEqual([]);
  });

  it('refuses a relative path into another library, from a library, an app or a test', async () => {
    const cases: Array<[string, string]> = [
      ['libs/testing/src/example.ts', '../../platform/src/meili/meili.provider.js'],
      ['apps/worker/src/example.spec.ts', '../../../libs/forum/src/forum.test-fixtures.js'],
      ['test/e2e/example.e2e.spec.ts', '../../libs/directory/src/organisation/organisation.service.js'],
    ];
    for (const [path, specifier] of cases) {
      const messages = await boundaryMessages(path, `import * as m from '${specifier}';\nvoid m;\n`);
      expect(messages).toEqual([expect.stringContaining('past its entry point')]);
    }
  });

  it('lets a library reach its own files and others through their entry points', async () => {
    const code = [
      "import { EditionService } from './edition/edition.service.js';",
      "import { OutboxService } from '#platform';",
      "import { scheduleMeetings } from '#forum/scheduler';",
      'void EditionService, OutboxService, scheduleMeetings;',
      '',
    ].join('\n');
    expect(await boundaryMessages('libs/forum/src/example.ts', code)).toEqual([]);
  });

  it('refuses framework and store clients in a pure engine, and keeps test files free', async () => {
    for (const specifier of ['@nestjs/common', 'typeorm', 'pg', 'bullmq', 'ioredis']) {
      const code = `import * as m from '${specifier}';\nvoid m;\n`;
      for (const path of ['libs/forum/src/scheduler/example.ts', 'libs/matchmaking/src/engine/example.ts']) {
        const messages = await boundaryMessages(path, code);
        expect(messages).toEqual([expect.stringContaining(`does not import '${specifier}'`)]);
      }
      expect(await boundaryMessages('libs/forum/src/scheduler/example.spec.ts', code)).toEqual([]);
    }
    // pg-copy-streams is not pg; graphology is a pure library.
    const allowed =
      "import * as a from 'pg-copy-streams';\nimport Graph from 'graphology';\nvoid a, Graph;\n";
    expect(await boundaryMessages('libs/matchmaking/src/engine/example.ts', allowed)).toEqual([]);
  });

  it('refuses an engine importing a full library entry or an impure file of its own library', async () => {
    const full = "import { OutboxService } from '#platform';\nvoid OutboxService;\n";
    expect(await boundaryMessages('libs/matchmaking/src/engine/example.ts', full)).toEqual([
      expect.stringContaining("'#platform' is neither"),
    ]);
    const sibling = "import { RequestService } from '../request/request.service.js';\nvoid RequestService;\n";
    expect(await boundaryMessages('libs/forum/src/scheduler/example.ts', sibling)).toEqual([
      expect.stringContaining("'../request/request.service.js' is neither"),
    ]);
    const pure = [
      "import { seeded } from '#platform/random';",
      "import { SECTOR_CODES } from '#directory/taxonomy';",
      "import { labelsFor } from '../agenda/labels.js';",
      'void seeded, SECTOR_CODES, labelsFor;',
      '',
    ].join('\n');
    expect(await boundaryMessages('libs/forum/src/scheduler/example.ts', pure)).toEqual([]);
  });

  it('keeps seed, bench and evaluation entries to the CLI and tests, fixtures to tests', async () => {
    const seed = "import { generateDirectory } from '#directory/seed';\nvoid generateDirectory;\n";
    expect(await boundaryMessages('apps/api/src/example.ts', seed)).toEqual([
      expect.stringContaining('is for the CLI'),
    ]);
    expect(await boundaryMessages('libs/identity/src/example.ts', seed)).toEqual([
      expect.stringContaining('is for the CLI'),
    ]);
    expect(await boundaryMessages('apps/cli/src/example.ts', seed)).toEqual([]);
    expect(await boundaryMessages('test/e2e/example.e2e.spec.ts', seed)).toEqual([]);

    const fixtures = "import { forumHarness } from '#forum/testing';\nvoid forumHarness;\n";
    expect(await boundaryMessages('apps/worker/src/example.ts', fixtures)).toEqual([
      expect.stringContaining('is for tests only'),
    ]);
    expect(await boundaryMessages('apps/worker/src/example.spec.ts', fixtures)).toEqual([]);
  });
});
