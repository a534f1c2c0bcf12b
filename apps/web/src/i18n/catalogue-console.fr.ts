import consoleArea from './messages/console/fr.json';
import desk from './messages/desk/fr.json';

/*
 * The French messages of the organisers' console (the console and venue desk areas): a chunk of
 * their own, fetched by the console's gate (LocaleProvider's useConsoleMessages), so participants'
 * pages never carry them.
 */
export const areas = [consoleArea, desk];

const messages = Object.assign({}, ...areas) as Record<string, string>;
export default messages;
