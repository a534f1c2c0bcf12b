import core from './messages/en.json';

/*
 * The shared English messages (messages/en.json): a chunk of its own, fetched when the language is chosen
 * or detected. Each area's messages come with the pages that use them (areas.ts).
 */
export default core as Record<string, string>;
