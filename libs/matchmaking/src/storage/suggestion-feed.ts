import { registerSuggestionFeed, type SuggestedPartner } from '#notifications';

/*
 * What matchmaking declares to notifications once, when the module loads: the partners currently
 * suggested to organisations, for the weekly suggestions digest (matchmaking owns `suggestion`).
 */
registerSuggestionFeed(async (db, organizationIds, kinds) => {
  const rows = (await db.query(
    `SELECT s.organization_id, s.kind, s.counterpart_organization_id AS counterpart_id,
            o.name AS organization, c.name AS counterpart
       FROM suggestion s
       JOIN organization o ON o.id = s.organization_id
       JOIN organization c ON c.id = s.counterpart_organization_id AND c.status = 'ACTIVE'
      WHERE s.organization_id = ANY($1::uuid[]) AND s.kind = ANY($2::text[])
      ORDER BY s.organization_id, s.score DESC, s.id`,
    [organizationIds, kinds],
  )) as {
    organization_id: string;
    kind: string;
    counterpart_id: string;
    organization: SuggestedPartner['organization'];
    counterpart: SuggestedPartner['counterpart'];
  }[];
  return rows.map((r) => ({
    organizationId: r.organization_id,
    kind: r.kind,
    counterpartId: r.counterpart_id,
    organization: r.organization,
    counterpart: r.counterpart,
  }));
});
