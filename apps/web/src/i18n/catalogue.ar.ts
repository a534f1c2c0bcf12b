import core from './messages/ar.json';

/*
 * The shared Arabic messages (messages/ar.json), in the entry chunk: the shell and its menus, search,
 * sign-in, the agenda's own strings. Each area's messages (messages/<area>/ar.json) and the console's
 * (catalogue-console.ar.ts) are chunks of their own, fetched with the pages that use them
 * (areas.ts); catalogues.ts gathers everything for the tests.
 */

/** Every message key (the Arabic catalogue is the reference; catalogues.test.ts checks the others agree). */
export type MessageKey =
  | keyof typeof core
  | keyof typeof import('./messages/account/ar.json')
  | keyof typeof import('./messages/organization/ar.json')
  | keyof typeof import('./messages/inbox/ar.json')
  | keyof typeof import('./messages/forum/ar.json')
  | keyof typeof import('./messages/console/ar.json')
  | keyof typeof import('./messages/desk/ar.json');

export default core as Record<string, string>;
