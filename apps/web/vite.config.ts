import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react-swc';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The api `npm run dev:web` proxies to (a running `npm start`). */
const api = process.env.TASHBIK_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The default polyfill is injected as a module script; every browser the app targets has modulepreload.
    modulePreload: { polyfill: false },
    // One entry chunk of about 710 kB (215 kB gzipped): React, Mantine, react-intl and the routes.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
      '/forum': api,
    },
  },
});
