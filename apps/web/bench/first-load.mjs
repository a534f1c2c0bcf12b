/*
 * `npm run bench:web`: the JavaScript a cold first load of the search home (`/`) and of a delegate's
 * agenda (`/agenda/<edition>`) fetches, gzip, against the issue's 180 kB target. Counted: the entry
 * chunk (with the shared Arabic messages), every chunk it imports statically, the route's own lazy
 * chunk with its static imports, and the Arabic messages of the areas the route declares in
 * src/router.tsx (`page(…, [areas])`, fetched beside the route's chunk).
 *
 * Builds the app with a manifest into dist/web-bench (not the served dist/web) when that build is
 * missing or older than a source file. Then, when TASHBIK_WEB_URL names a running stack, runs the
 * browser timing (bench/agenda-load.bench.ts) and Lighthouse's mobile scores (bench/lighthouse.mjs).
 * Not part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const web = join(repo, 'apps/web');
const out = join(repo, 'dist/web-bench');
const manifestFile = join(out, '.vite/manifest.json');
const TARGET_KB = 180;

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'bench' || name === 'e2e') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

if (!existsSync(manifestFile) || statSync(manifestFile).mtimeMs < newest(web)) {
  console.log('building the web app into dist/web-bench …');
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'error',
      '--outDir',
      out,
      '--manifest',
    ],
    { cwd: repo, stdio: 'inherit' },
  );
}

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;

/** The chunk files of a manifest entry and of everything it imports statically. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const i of chunk.imports ?? []) closure(i, files);
  return files;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
// The areas each route asks for, read from the router as the app does.
const router = readFileSync(join(web, 'src/router.tsx'), 'utf8');
function areasOf(module) {
  const spec = `./${module.replace(/^src\//, '').replace(/\.tsx$/, '')}`;
  const m = new RegExp(
    `page\\(\\(\\) => import\\('${spec.replace(/[./]/g, '\\$&')}'\\),\\s*'\\w+',\\s*\\[([^\\]]*)\\]`,
  ).exec(router);
  if (!m) throw new Error(`no page(…) route for ${module} in src/router.tsx`);
  return [...m[1].matchAll(/'(\w+)'/g)].map((a) => `src/i18n/messages/${a[1]}/ar.json`);
}
const routes = [
  { path: '/', module: 'src/routes/SearchPage.tsx' },
  { path: '/agenda/<edition>', module: 'src/routes/AgendaPage.tsx' },
];

const kB = (n) => (n / 1000).toFixed(1);
console.log(`\nJavaScript of a cold first load, gzip level 9 (target ≤ ${TARGET_KB} kB)`);
let failed = false;
for (const route of routes) {
  const files = closure(entry);
  const areas = areasOf(route.module);
  for (const k of [route.module, ...areas]) {
    if (!manifest[k]) throw new Error(`${k} is not a chunk of the build`);
    closure(k, files);
  }
  const lazy = manifest[route.module] ? 'lazy chunk' : 'in the entry';
  const total = [...files].reduce((sum, f) => sum + gz(f), 0);
  const ok = total <= TARGET_KB * 1000;
  failed ||= !ok;
  console.log(
    `  ${route.path.padEnd(18)} ${kB(total).padStart(6)} kB in ${files.size} files (route ${lazy}, messages: shared${areas.map((a) => ` + ${a.split('/').at(-2)}`).join('')})  ${ok ? 'ok' : 'OVER'}`,
  );
  for (const f of [...files].sort()) console.log(`      ${kB(gz(f)).padStart(6)} kB  ${f}`);
}

if (process.env.TASHBIK_WEB_URL && existsSync(join(web, 'bench/agenda-load.bench.ts'))) {
  console.log('\nTime until the agenda is visible (Playwright, Chromium) …');
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'apps/web/playwright.bench.config.ts', 'agenda-load'],
    { cwd: repo, stdio: 'inherit' },
  );
  failed ||= run.status !== 0;
  console.log('\nLighthouse, mobile (performance ≥ 90, accessibility ≥ 95) …');
  const lh = spawnSync(process.execPath, [join(web, 'bench/lighthouse.mjs')], {
    cwd: repo,
    stdio: 'inherit',
  });
  failed ||= lh.status !== 0;
} else
  console.log(
    '\n(set TASHBIK_WEB_URL to a running stack to time the agenda under Slow 4G and 4x CPU, and for Lighthouse)',
  );
process.exitCode = failed ? 1 : 0;
