/**
 * The organisation an outbox row (aliased `x`) belongs to, as SQL: an opportunity's owner, or the
 * organisation itself. Consumers that share their work out by organisation shard on it, so an
 * organisation and its opportunities always land in the same shard.
 */
export const OUTBOX_ROW_ORGANIZATION = `coalesce(
  (SELECT p.organization_id FROM opportunity p WHERE x.entity_type = 'opportunity' AND p.id = x.entity_id),
  x.entity_id)`;
