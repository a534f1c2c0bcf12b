import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

/*
 * Production builds only: the message catalogues (src/i18n/messages/**.json) are shipped already
 * parsed (ICU ASTs, which react-intl formats as they are), and the ICU parser is replaced by its
 * no-parser build, so the first load does not carry the parser (about 8 kB gzip saved; the ASTs
 * gzip about 1 kB larger than the strings). Tests and `npm run dev:web` keep the strings.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'tashbik:precompile-messages',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
          },
        ],
      },
    }),
    transform(code, id) {
      if (!/\/src\/i18n\/messages\/.*\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const parsed = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text)]));
      return { code: JSON.stringify(parsed), map: null };
    },
  };
}
