import { directoryFacts } from '#directory';
import { registerSuggestionFeed } from '#notifications';
import { SuggestionRepository } from './suggestion.repository.js';

/*
 * What matchmaking declares to notifications once, when the module loads: the partners currently
 * suggested to organisations, for the weekly suggestions digest (matchmaking owns `suggestion`),
 * with the names the directory holds; a counterpart no longer active is left out.
 */
const suggestions = new SuggestionRepository();

registerSuggestionFeed(async (db, organizationIds, kinds) => {
  const rows = await suggestions.counterpartsOf(db, organizationIds, kinds);
  if (!rows.length) return [];
  const orgs = await directoryFacts.organizations(db, [
    ...rows.map((r) => r.organizationId),
    ...rows.map((r) => r.counterpartId),
  ]);
  return rows.flatMap((r) => {
    const organization = orgs.get(r.organizationId);
    const counterpart = orgs.get(r.counterpartId);
    return organization && counterpart?.status === 'ACTIVE'
      ? [{ ...r, organization: organization.name, counterpart: counterpart.name }]
      : [];
  });
});
