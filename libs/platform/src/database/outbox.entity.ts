/** What an outbox row (table `outbox`, see the Directory migration) refers to. */
export type OutboxEntityType = 'organization' | 'opportunity';
