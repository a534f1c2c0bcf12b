/** What an outbox row (table `outbox`, see the Directory migration) refers to. */
export type OutboxEntityType = 'organization' | 'opportunity';

/**
 * Consumers of the outbox; each change gets one row per topic. `search` feeds the Meilisearch drain,
 * `match` the matchmaking recompute. Order matters: a change's search row is written before its match
 * row, and the matchmaking drain waits for search to have indexed everything before it.
 */
export const OUTBOX_TOPICS = ['search', 'match'] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];
