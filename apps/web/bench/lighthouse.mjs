/*
 * Lighthouse's mobile scores (its default: a phone screen, simulated Slow 4G and 4x CPU) for the
 * search home (`/`) and the demo owner's agenda, against a running stack (TASHBIK_WEB_URL;
 * TASHBIK_E2E_DATA_DIR holds the demo passwords). Targets: performance ≥ 90, accessibility ≥ 95.
 * Run by `npm run bench:web` after the cold-load timing; Lighthouse 12.2 runs on Node 20 (13 asks
 * for Node 22). Prints one JSON line per page (scores, the metrics, the LCP element, render-blocking
 * files, bytes) and writes each full report to reports/lighthouse-<page>.json; exits non-zero when a
 * score is under its target.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const base = process.env.TASHBIK_WEB_URL;
if (!base) throw new Error('TASHBIK_WEB_URL names no running stack');
const dataDir =
  process.env.TASHBIK_E2E_DATA_DIR ?? fileURLToPath(new URL('../../../.data/web-e2e/', import.meta.url));
const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8'));
const password = accounts.find((a) => a.email === 'owner@tashbik.test').password;
const TARGETS = { performance: 90, accessibility: 95 };
const reports = fileURLToPath(new URL('../../../reports/', import.meta.url));
mkdirSync(reports, { recursive: true });

const gql = (query, variables, headers = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });

// The session cookie the api sets at sign-in: the agenda page resumes the session with it.
const login = await gql(
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
  { e: 'owner@tashbik.test', p: password },
  { 'x-tashbik-session': 'cookie' },
);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { data } = await (await gql('{ forumEditions { id publishedAt } }', {})).json();
const edition = data.forumEditions.find((e) => e.publishedAt);
if (!edition) throw new Error('no published edition: the stack is not seeded');

const pages = [
  { name: 'search', path: '/', headers: {} },
  { name: 'agenda', path: `/agenda/${edition.id}`, headers: { Cookie: cookie } },
];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
let failed = false;
try {
  for (const page of pages) {
    const result = await lighthouse(`${base}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: page.headers,
    });
    const { categories, audits, environment } = result.lhr;
    writeFileSync(join(reports, `lighthouse-${page.name}.json`), JSON.stringify(result.lhr));
    const scores = {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
    };
    const ok = scores.performance >= TARGETS.performance && scores.accessibility >= TARGETS.accessibility;
    failed ||= !ok;
    const ms = (id) => Math.round(audits[id]?.numericValue ?? NaN);
    const items = (id) => audits[id]?.details?.items ?? [];
    const kB = (n) => Math.round(n / 100) / 10;
    const requests = items('network-requests');
    console.log(
      JSON.stringify({
        bench: 'lighthouse-mobile',
        page: page.name,
        ...scores,
        targets: TARGETS,
        ok,
        // Lighthouse's own CPU score of the machine (higher is faster; a desktop is about 1000+)
        // and the load average: its CPU slowdown multiplies whatever contention there is.
        benchmarkIndex: Math.round(environment.benchmarkIndex),
        loadAverage1m: +loadavg()[0].toFixed(1),
        firstContentfulPaintMs: ms('first-contentful-paint'),
        largestContentfulPaintMs: ms('largest-contentful-paint'),
        speedIndexMs: ms('speed-index'),
        totalBlockingTimeMs: ms('total-blocking-time'),
        cumulativeLayoutShift: +(audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
        largestContentfulPaintElement: items('largest-contentful-paint-element')[0]?.items?.[0]?.node
          ?.selector,
        renderBlocking: items('render-blocking-resources').map((r) => r.url.replace(base, '')),
        transferKB: kB(requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)),
        fontKB: kB(
          requests
            .filter((r) => r.resourceType === 'Font')
            .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
        ),
        requests: requests.length,
        mainThreadMs: ms('mainthread-work-breakdown'),
        failedAccessibilityAudits: Object.values(audits)
          .filter((a) => categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0)
          .map((a) => a.id),
      }),
    );
  }
} finally {
  chrome.kill();
}
process.exitCode = failed ? 1 : 0;
