import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/*
 * Production builds only: writes `route-preloads.json` beside index.html, the files each page people
 * open cold (from a shared link or the home screen) needs beyond the entry chunk: its lazy chunk and
 * that chunk's static imports, its style sheets, the messages of the areas it declares in
 * src/router.tsx (`page(…, [areas])`) per language, and the French and English shared catalogues.
 * The api names them in `<link rel="modulepreload">` tags of the index.html it serves for that path
 * (apps/api/src/edge/web-app.ts), so the browser fetches them beside the entry chunk instead of after
 * it has run: on a slow phone connection, a round trip or two less before the page shows.
 */

/** The pages preloaded: URL pattern (an app path, no query) and the route module rendering it. */
const ROUTES = [
  { pattern: '^/$', module: 'src/routes/SearchPage.tsx' },
  { pattern: '^/o/[^/]+$', module: 'src/routes/OrganizationPage.tsx' },
  { pattern: '^/agenda(/[^/]+)?$', module: 'src/routes/AgendaPage.tsx' },
  { pattern: '^/events(/[^/]+)?$', module: 'src/routes/forum/EventsPage.tsx' },
];
const LOCALES = ['ar', 'fr', 'en'] as const;

export interface RoutePreloads {
  routes: {
    pattern: string;
    modules: string[];
    styles: string[];
    messages: Record<string, string[]>;
  }[];
  /** The shared catalogue of each language that is not in the entry chunk. */
  catalogues: Record<string, string[]>;
}

const router = () => readFileSync(fileURLToPath(new URL('./src/router.tsx', import.meta.url)), 'utf8');

/** The message areas the route module's `page(…)` declares in src/router.tsx. */
function areasOf(source: string, module: string): string[] {
  const spec = `./${module.replace(/^src\//, '').replace(/\.tsx$/, '')}`.replace(/[./]/g, '\\$&');
  const m = new RegExp(`page\\(\\(\\) => import\\('${spec}'\\),\\s*'\\w+',\\s*\\[([^\\]]*)\\]`).exec(source);
  if (!m) throw new Error(`no page(…) route for ${module} in src/router.tsx`);
  return [...m[1].matchAll(/'(\w+)'/g)].map((a) => a[1]);
}

interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function routePreloads(): Plugin {
  return {
    name: 'tashbik:route-preloads',
    apply: 'build',
    // After Vite's own generateBundle, which drops the chunks that only import style sheets.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter(
          (c): c is Chunk & (typeof bundle)[string] => c.type === 'chunk',
        );
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (chunk: Chunk, files = new Set<string>()): Set<string> => {
          if (files.has(chunk.fileName)) return files;
          files.add(chunk.fileName);
          for (const i of chunk.imports) {
            const next = byFile.get(i);
            if (next) closure(next, files);
          }
          return files;
        };
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return;
        const initial = closure(entry);
        const chunkOf = (module: string) =>
          chunks.find((c) => c.facadeModuleId?.endsWith(`/apps/web/${module}`));
        /** A chunk and its static imports beyond the entry's, as absolute URLs. */
        const beyondEntry = (module: string): string[] => {
          const chunk = chunkOf(module);
          if (!chunk) throw new Error(`${module} is not a chunk of the build`);
          return [...closure(chunk)].filter((f) => !initial.has(f)).map((f) => `/${f}`);
        };
        const source = router();
        const preloads: RoutePreloads = {
          routes: ROUTES.map(({ pattern, module }) => {
            const modules = beyondEntry(module);
            const styles = modules.flatMap((f) => [
              ...(byFile.get(f.slice(1))?.viteMetadata?.importedCss ?? []),
            ]);
            const areas = areasOf(source, module);
            const messages = Object.fromEntries(
              LOCALES.map((l) => [l, areas.flatMap((a) => beyondEntry(`src/i18n/messages/${a}/${l}.json`))]),
            );
            return { pattern, modules, styles: [...new Set(styles)].map((f) => `/${f}`), messages };
          }),
          catalogues: Object.fromEntries(
            LOCALES.filter((l) => l !== 'ar').map((l) => [l, beyondEntry(`src/i18n/catalogue.${l}.ts`)]),
          ),
        };
        this.emitFile({
          type: 'asset',
          fileName: 'route-preloads.json',
          source: JSON.stringify(preloads, null, 2),
        });
      },
    },
  };
}
