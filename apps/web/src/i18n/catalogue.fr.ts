import core from './messages/fr.json';

/*
 * The shared French messages (messages/fr.json): a chunk of its own, fetched when the language is chosen
 * or detected. Each area's messages come with the pages that use them (areas.ts).
 */
export default core as Record<string, string>;
