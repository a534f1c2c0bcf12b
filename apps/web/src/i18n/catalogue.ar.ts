import core from './messages/ar.json';
import account from './messages/account/ar.json';
import organization from './messages/organization/ar.json';
import inbox from './messages/inbox/ar.json';
import forum from './messages/forum/ar.json';
import consoleArea from './messages/console/ar.json';
import desk from './messages/desk/ar.json';

/*
 * The Arabic messages: the shared ones (messages/ar.json) and one file per area of the app, merged.
 * One module per locale, so a page loads only its own language (LocaleProvider); catalogues.ts
 * gathers the three for the tests.
 */
export const areas = [core, account, organization, inbox, forum, consoleArea, desk];

/** Every message key (the Arabic catalogue is the reference; catalogues.test.ts checks the others agree). */
export type MessageKey =
  | keyof typeof core
  | keyof typeof account
  | keyof typeof organization
  | keyof typeof inbox
  | keyof typeof forum
  | keyof typeof consoleArea
  | keyof typeof desk;

const messages = Object.assign({}, ...areas) as Record<MessageKey, string>;
export default messages;
