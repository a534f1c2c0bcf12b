import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREAS, type Area } from './areas';

/*
 * The entry chunk carries the shared messages only (messages/<locale>.json); each area's messages
 * (account, organization, inbox, forum) are fetched with the pages that declare them in
 * src/router.tsx (`page(() => import(...), 'Name', [areas])`). This test reads the sources: every
 * message key a module uses, as a literal ('inbox.bell') or a template prefix (`inbox.kind.${k}`),
 * must belong to the shared messages or to an area its route declares, through every module it
 * imports. A page that forgets an area would show message ids in production.
 */

const src = dirname(dirname(fileURLToPath(import.meta.url)));
const messages = join(src, 'i18n/messages');

/** Key → where it lives ('core' for messages/ar.json, else the area folder). */
const owner = new Map<string, string>();
for (const [key] of Object.entries(JSON.parse(readFileSync(join(messages, 'ar.json'), 'utf8'))))
  owner.set(key, 'core');
for (const dir of readdirSync(messages, { withFileTypes: true }))
  if (dir.isDirectory())
    for (const key of Object.keys(JSON.parse(readFileSync(join(messages, dir.name, 'ar.json'), 'utf8'))))
      owner.set(key, dir.name);

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** The relative modules a file imports: static imports always, dynamic ones when `dynamic`. */
function importsOf(file: string, dynamic: boolean): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]);
  if (dynamic) specs.push(...[...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1]));
  return specs.map((s) => resolveModule(file, s!)).filter((f): f is string => !!f);
}

/** Where each message key a file names lives (unknown strings are not keys and are skipped). */
function areasUsedBy(file: string): Map<string, string> {
  const text = readFileSync(file, 'utf8');
  const used = new Map<string, string>();
  for (const [, key] of text.matchAll(/['"]([a-zA-Z]+\.[\w.-]+)['"]/g)) {
    const area = owner.get(key!);
    if (area) used.set(key!, area);
  }
  for (const [, prefix] of text.matchAll(/`([a-zA-Z]+\.[\w.-]*)\$\{/g))
    for (const [key, area] of owner) if (key.startsWith(prefix!)) used.set(`${prefix}…`, area);
  return used;
}

/**
 * Every module reachable from `start`: static imports, and dynamic ones inside pages (a page's own
 * lazy parts render after its areas have arrived). `stop` cuts the walk (the console, which loads
 * every area itself).
 */
function closure(start: string, stop: (file: string) => boolean, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file) || stop(file)) return;
    seen.add(file);
    for (const next of importsOf(file, dynamic)) walk(next);
  };
  walk(start);
  return seen;
}

function missing(files: Set<string>, allowed: Set<string>): string[] {
  const out: string[] = [];
  for (const file of files)
    for (const [key, area] of areasUsedBy(file))
      if (!allowed.has(area)) out.push(`${file.slice(src.length + 1)}: ${key} (${area})`);
  return out.sort();
}

const router = join(src, 'router.tsx');
const pages = [
  ...readFileSync(router, 'utf8').matchAll(
    /page\(\s*\(\) => import\('([^']+)'\),\s*'(\w+)',\s*\[([^\]]*)\]/g,
  ),
].map(([, spec, name, list]) => ({
  module: resolveModule(router, spec!)!,
  name: name!,
  areas: [...list!.matchAll(/'(\w+)'/g)].map((m) => m[1]!),
}));
const isConsole = (f: string) =>
  f.includes('/routes/console/') && !/console\/(access|forum\/routes|forum\/desk\/routes)\.ts$/.test(f);

describe('message areas', () => {
  it('reads the participant pages of the router', () => {
    expect(pages.length).toBeGreaterThan(25);
    for (const p of pages) expect(p.module, p.name).toBeTruthy();
    for (const p of pages) for (const a of p.areas) expect(AREAS).toContain(a as Area);
  });

  it('finds keys of areas in a page (the check can fail)', () => {
    const used = [...areasUsedBy(join(src, 'routes/inbox/NotificationsPage.tsx')).values()];
    expect(used).toContain('inbox');
  });

  it('keeps the entry chunk and the header menus to the shared messages', () => {
    const entry = closure(join(src, 'main.tsx'), (f) => f === router || isConsole(f), true);
    // The router's own imports (search parameters, the console gate's tiny helpers), without its pages.
    for (const f of importsOf(router, false)) for (const g of closure(f, isConsole, false)) entry.add(g);
    expect(entry.has(join(src, 'components/Shell.tsx'))).toBe(true);
    expect(missing(entry, new Set(['core']))).toEqual([]);
  });

  it.each(pages.map((p) => [`${p.module.slice(src.length + 1)} ${p.name}`, p] as const))(
    '%s declares every area it uses',
    (_, p) => {
      const files = closure(p.module, (f) => f !== p.module && isConsole(f), true);
      const gaps = missing(files, new Set(['core', ...p.areas]));
      const areas = [...new Set(gaps.map((g) => /\((\w+)\)$/.exec(g)![1]))].sort();
      expect(gaps, `areas to declare: ${areas.join(', ')}`).toEqual([]);
    },
  );
});
