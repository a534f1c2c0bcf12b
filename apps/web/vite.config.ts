import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react-swc';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';
import { precompileMessages } from './precompileMessages';
import { routePreloads } from './routePreloads';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The api `npm run dev:web` proxies to (a running `npm start`). */
const api = process.env.TASHBIK_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [
    react(),
    precompileMessages(),
    // route-preloads.json: what the api names in modulepreload links for the pages opened cold.
    routePreloads(),
    // The offline agenda: a Workbox service worker (dist/web/sw.js, same origin, so the CSP's
    // default-src 'self' allows it) precaches the app shell and answers every app route with
    // index.html offline. The agenda's data is kept by the page itself (src/forum/agendaStore.ts):
    // GraphQL POSTs are not cacheable.
    // The worker is registered by public/register-sw.js, a while after the first page has loaded.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        // The api's own pages (the same list as API_PATHS in apps/api/src/edge/web-app.ts): calendar
        // feeds and printouts under /forum, GraphQL, health, mail links, the admins' job queues.
        navigateFallbackDenylist: [/^\/graphql/, /^\/health/, /^\/forum\//, /^\/mail\//, /^\/admin\//],
        cleanupOutdatedCaches: true,
        // The page that installed the worker is served by it at once, so it works offline without a second visit.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    // A Brotli and a gzip copy beside each script, style sheet, page and image the build writes: the
    // api serves the one the browser accepts (apps/api/src/edge/web-app.ts). Fonts are woff2, which
    // is compressed already.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json|webmanifest)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The default polyfill is injected as a module script; every browser the app targets has modulepreload.
    modulePreload: { polyfill: false },
    // The entry chunk (React, Mantine, the router, the shell, the Arabic catalogue): see docs/WEB.md, "First load".
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      // ws: the notifications socket (graphql-ws) shares the path.
      '/graphql': { target: api, ws: true },
      '/health': api,
      '/forum': api,
    },
  },
});
