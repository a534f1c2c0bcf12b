import core from './messages/ar.json';
import account from './messages/account/ar.json';
import organization from './messages/organization/ar.json';
import inbox from './messages/inbox/ar.json';
import forum from './messages/forum/ar.json';

/*
 * The Arabic messages: the shared ones (messages/ar.json) and one file per area of the app, merged.
 * One module per locale, so a page loads only its own language (LocaleProvider); catalogues.ts
 * gathers the three for the tests. The console's areas are a chunk of their own (catalogue-console.ar.ts);
 * their keys are part of MessageKey all the same.
 */
export const areas = [core, account, organization, inbox, forum];

/** Every message key (the Arabic catalogue is the reference; catalogues.test.ts checks the others agree). */
export type MessageKey =
  | keyof typeof core
  | keyof typeof account
  | keyof typeof organization
  | keyof typeof inbox
  | keyof typeof forum
  | keyof typeof import('./messages/console/ar.json')
  | keyof typeof import('./messages/desk/ar.json');

const messages = Object.assign({}, ...areas) as Record<MessageKey, string>;
export default messages;
