import { defineConfig } from '@playwright/test';
import { e2ePort, stackCount } from './e2e/stack';

/*
 * End-to-end tests of the web app in Debian's Chromium against the real stack `npm start` runs
 * (api + worker + bundled Meilisearch on its own database), booted by e2e/stack.ts: one stack per
 * worker (TASHBIK_E2E_WORKERS, default 2), a test file's journeys in one worker. The first port is
 * chosen once here, in the runner's process; its workers inherit it through the environment, and
 * each worker's baseURL is its own stack's.
 * TASHBIK_WEB_URL (with TASHBIK_E2E_DATABASE_URL) runs the tests against a stack already running.
 */
// Below Linux's ephemeral range (32768 and up), where the api processes Jest boots beside this run listen.
process.env.TASHBIK_WEB_PORT ??= String(20000 + Math.floor(Math.random() * 12000));

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.e2e.ts',
  globalSetup: './e2e/stack.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: stackCount(),
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../reports/playwright.json' }]],
  outputDir: '../../reports/playwright',
  use: {
    baseURL: process.env.TASHBIK_WEB_URL ?? `http://127.0.0.1:${e2ePort()}`,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    // axe-core is injected as a script, which the app's Content-Security-Policy rightly refuses;
    // one test runs without this bypass to check the app itself under the policy.
    bypassCSP: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
});
