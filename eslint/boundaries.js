/**
 * The architecture rule of the lint: every import is resolved to the file it names (relative paths)
 * or read as the entry point it names (`#directory`, `#forum/scheduler`, ...), then checked against
 * where the importing file lives.
 *
 * - A library (`libs/<name>`) never imports an app (`apps/<name>`).
 * - Nothing reaches into a library except through an entry point of package.json "imports":
 *   a relative path from outside a library into it is refused.
 * - Entry points reserved to the CLI (seed, bench, evaluation) are refused elsewhere, except in tests;
 *   test fixtures are refused outside tests.
 * - Pure modules (the engines and the vocabularies they share) import only other pure modules, the
 *   pure entry points and packages that are not the framework or a store client.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `libs/forum/src/x.ts` → `{ kind: 'libs', name: 'forum' }`; test/ and root files → a kind alone. */
function unitOf(relative) {
  const match = /^(apps|libs)\/([^/]+)\//.exec(relative);
  if (match) return { kind: match[1], name: match[2] };
  if (relative.startsWith('test/')) return { kind: 'test', name: 'test' };
  return { kind: 'other', name: '' };
}

/** An entry ending with '/' names a folder, any other a file (with or without its extension). */
function matchesAny(relative, entries) {
  const bare = relative.replace(/\.(ts|tsx|js)$/, '');
  return entries.some((entry) =>
    entry.endsWith('/') ? relative.startsWith(entry) : bare === entry.replace(/\.(ts|tsx|js)$/, ''),
  );
}

const isTestFile = (relative) => /\.(spec|test)\.tsx?$/.test(relative) || relative.startsWith('test/');

/** `@nestjs/common` is named by `@nestjs/`; `pg` names `pg` and `pg/lib/...`, not `pg-copy-streams`. */
function namesPackage(specifier, name) {
  if (name.endsWith('/')) return specifier.startsWith(name);
  return specifier === name || specifier.startsWith(`${name}/`);
}

export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps apps, libraries, entry points and pure engines apart.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          pure: { type: 'array', items: { type: 'string' } },
          pureEntries: { type: 'array', items: { type: 'string' } },
          frameworkPackages: { type: 'array', items: { type: 'string' } },
          cliOnlyEntries: { type: 'array', items: { type: 'string' } },
          testOnlyEntries: { type: 'array', items: { type: 'string' } },
          cliApp: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      libraryImportsApp: "A library never imports an app: '{{specifier}}' is inside apps/{{app}}.",
      deepImport:
        "'{{specifier}}' reaches into libs/{{library}} past its entry point: import '#{{library}}' or one of its subpaths in package.json \"imports\".",
      cliOnly: "'{{specifier}}' is for the CLI ({{cliApp}}) and tests only.",
      testOnly: "'{{specifier}}' is for tests only (*.spec.ts, test/).",
      pureImportsFramework: "A pure module does not import '{{specifier}}' (framework or store client).",
      pureImportsImpure:
        "A pure module imports only pure modules and pure entry points ({{entries}}); '{{specifier}}' is neither.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ?? defaultRoot;
    const pure = options.pure ?? [];
    const pureEntries = options.pureEntries ?? [];
    const frameworkPackages = options.frameworkPackages ?? [];
    const cliOnlyEntries = options.cliOnlyEntries ?? [];
    const testOnlyEntries = options.testOnlyEntries ?? [];
    const cliApp = options.cliApp ?? 'apps/cli/';

    const filename = context.filename ?? context.getFilename();
    const fromRelative = path.relative(root, filename).split(path.sep).join('/');
    if (fromRelative.startsWith('..')) return {};
    const from = unitOf(fromRelative);
    const fromTest = isTestFile(fromRelative);
    const fromPure = !fromTest && matchesAny(fromRelative, pure);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const report = (messageId, data = {}) =>
        context.report({ node, messageId, data: { specifier, ...data } });

      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(filename), specifier);
        const toRelative = path.relative(root, target).split(path.sep).join('/');
        const to = unitOf(toRelative);
        if (from.kind === 'libs' && to.kind === 'apps') return report('libraryImportsApp', { app: to.name });
        if (to.kind === 'libs' && !(from.kind === 'libs' && from.name === to.name)) {
          return report('deepImport', { library: to.name });
        }
        if (fromPure && !matchesAny(toRelative, pure)) {
          return report('pureImportsImpure', { entries: pureEntries.join(', ') });
        }
        return;
      }

      if (specifier.startsWith('#')) {
        if (testOnlyEntries.includes(specifier) && !fromTest) return report('testOnly');
        if (
          cliOnlyEntries.includes(specifier) &&
          !fromTest &&
          !fromRelative.startsWith(cliApp) &&
          // a library may use its own reserved entry point's code (it lives there)
          !(from.kind === 'libs' && specifier.startsWith(`#${from.name}/`))
        ) {
          return report('cliOnly', { cliApp });
        }
        if (fromPure && !pureEntries.includes(specifier)) {
          return report('pureImportsImpure', { entries: pureEntries.join(', ') });
        }
        return;
      }

      if (fromPure && frameworkPackages.some((name) => namesPackage(specifier, name))) {
        report('pureImportsFramework');
      }
    }

    const fromSource = (node) => {
      if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      TSImportType(node) {
        const argument = node.argument;
        const literal = argument && argument.type === 'TSLiteralType' ? argument.literal : argument;
        if (literal && literal.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

export default { meta: { name: 'tashbik' }, rules: { boundaries: boundariesRule } };
