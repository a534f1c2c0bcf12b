import core from './messages/en.json';
import account from './messages/account/en.json';
import organization from './messages/organization/en.json';
import inbox from './messages/inbox/en.json';
import forum from './messages/forum/en.json';
import type { MessageKey } from './catalogue.ar';

/*
 * The English messages: the shared ones (messages/en.json) and one file per area of the app, merged.
 * One module per locale, so a page loads only its own language (LocaleProvider); catalogues.ts
 * gathers the three for the tests.
 */
export const areas = [core, account, organization, inbox, forum];

const messages = Object.assign({}, ...areas) as Record<MessageKey, string>;
export default messages;
