import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/*
 * Browser benchmarks of the web app (bench/*.bench.ts), against a stack already running
 * (TASHBIK_WEB_URL, TASHBIK_E2E_DATABASE_URL, TASHBIK_E2E_DATA_DIR): they print figures and
 * assert nothing about time. Not part of `npm test`.
 */
export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '*.bench.ts',
  globalSetup: undefined,
  timeout: 900_000,
  reporter: [['list']],
});
