/* global window */
/*
 * Starts resuming the session (the api's `refreshSession`, through its HttpOnly cookie) while the
 * app's scripts are still downloading: on a slow connection the page's first requests wait for the
 * access token it answers. src/auth/session.tsx takes the pending answer
 * (`window.tashbikSessionRefresh`) instead of asking again. When the app has started before this
 * script ran (its scripts cached, this one not), the app has claimed the refresh (the property is
 * null) and this script does nothing: the refresh token works once. A file of its own, since the
 * Content-Security-Policy allows no inline script.
 */
if (window.tashbikSessionRefresh === undefined) {
  const pending = fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-tashbik-session': 'cookie',
    },
    body: JSON.stringify({
      query: 'mutation Refresh { refreshSession { accessToken accessTokenExpiresAt } }',
    }),
  });
  // Offline, the app reads the failure itself; nothing is reported if it never does.
  pending.catch(() => undefined);
  window.tashbikSessionRefresh = pending;
}
