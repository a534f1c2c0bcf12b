import core from './messages/fr.json';
import account from './messages/account/fr.json';
import organization from './messages/organization/fr.json';
import inbox from './messages/inbox/fr.json';
import forum from './messages/forum/fr.json';
import type { MessageKey } from './catalogue.ar';

/*
 * The French messages: the shared ones (messages/fr.json) and one file per area of the app, merged.
 * One module per locale, so a page loads only its own language (LocaleProvider); catalogues.ts
 * gathers the three for the tests.
 */
export const areas = [core, account, organization, inbox, forum];

const messages = Object.assign({}, ...areas) as Record<MessageKey, string>;
export default messages;
