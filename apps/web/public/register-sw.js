/* global window */
/*
 * Registers the service worker that keeps the app shell for offline use (vite.config.ts), once the
 * page has loaded and then been idle for a while: installing it downloads every chunk of the app,
 * which on a slow phone connection would compete with the first page's own requests. A file of its
 * own, since the Content-Security-Policy allows no inline script.
 */
if ('serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (the development server) or a browser that refuses it: the app works online.
    });
  const whenIdle = (run) =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: 10000 })
      : setTimeout(run, 2000);
  // Already controlled (a later visit): the browser checks for an update as it registers again.
  if (navigator.serviceWorker.controller) register();
  else window.addEventListener('load', () => setTimeout(() => whenIdle(register), 3000), { once: true });
}
