import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tashbik from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The architecture: libraries never import apps, nothing reaches past a library's entry points,
  // seed/bench/evaluation code serves the CLI only, and the pure modules stay free of the framework
  // and store clients (docs/ARCHITECTURE.md, "Rules that keep it sound").
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'],
    ignores: ['apps/web/**'],
    plugins: { tashbik },
    rules: {
      'tashbik/boundaries': [
        'error',
        {
          pure: [
            'libs/forum/src/scheduler/',
            'libs/forum/src/agenda/',
            'libs/forum/src/stats/',
            'libs/forum/src/bench/',
            'libs/matchmaking/src/engine/',
            'libs/matchmaking/src/evaluation/',
            'libs/search/src/text/',
            'libs/directory/src/taxonomy/index.ts',
            'libs/directory/src/taxonomy/codes.ts',
            'libs/directory/src/taxonomy/taxonomy.ts',
            'libs/directory/src/taxonomy/labels.ts',
            'libs/directory/src/taxonomy/data/',
            'libs/platform/src/random.ts',
            'libs/platform/src/lang.ts',
          ],
          pureEntries: [
            '#platform/random',
            '#platform/lang',
            '#directory/taxonomy',
            '#forum/scheduler',
            '#matchmaking/engine',
          ],
          frameworkPackages: ['@nestjs/', 'typeorm', 'pg', 'bullmq', 'ioredis'],
          cliOnlyEntries: ['#directory/seed', '#forum/seed', '#forum/bench', '#matchmaking/evaluation'],
          testOnlyEntries: ['#forum/testing'],
        },
      ],
    },
  },
  // The web app runs in browsers; its config files and Playwright tests run in Node.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
