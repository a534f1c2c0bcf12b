import {
  arg,
  Custom,
  isOrganiser,
  registerOwnerLookup,
  registerPersonalDataSource,
  verdict,
  type PersonalDataSource,
  type Rule,
} from '#identity';

/*
 * What the forum declares to identity once, when the module loads: the organisation owning a
 * delegate (for access rules on delegate ids) and where delegate registrations hold personal data.
 */

registerOwnerLookup('forum_delegate', `SELECT organization_id FROM forum_delegate WHERE id = $1`);

/*
 * A lookup takes a single id, so this one answers for an organisation with the editions it takes part
 * in (space-separated ids): those where it is active and has a delegate registered. An organisation
 * registers in few editions, and the answer is cached for the request.
 */
const PARTICIPATING_EDITIONS = 'forum.participating_editions';
registerOwnerLookup(
  PARTICIPATING_EDITIONS,
  `SELECT string_agg(DISTINCT d.edition_id::text, ' ') AS organization_id
     FROM forum_delegate d JOIN organization o ON o.id = d.organization_id
    WHERE d.organization_id = $1 AND d.status = 'REGISTERED' AND o.status = 'ACTIVE'`,
);

/**
 * Organisers, and members of an organisation that has a delegate registered in the edition whose id
 * sits at `path`: the people who may browse that edition's participants.
 */
export const ParticipantOf = (path: string): Rule =>
  Custom(
    'organisers, and members of an organisation with a delegate registered in the edition',
    async ({ viewer, args, access }) => {
      if (!viewer) return verdict.deny('UNAUTHENTICATED', 'sign in to do this');
      if (isOrganiser(viewer)) return verdict.allow();
      const editionId = (await arg(path)(args, access))?.toLowerCase();
      if (!editionId) return verdict.deny('NOT_FOUND', 'no such forum edition');
      for (const org of await access.organizations()) {
        const editions = await access.organizationOf(PARTICIPATING_EDITIONS, org);
        if (editions?.split(' ').includes(editionId)) return verdict.allow();
      }
      return verdict.deny(
        'FORBIDDEN',
        'only organisations with a delegate registered in this edition may see its participants',
      );
    },
  );

// A registration is the person's if it is linked to their account or made with their address.
export const FORUM_PERSONAL_DATA: PersonalDataSource = {
  name: 'forumRegistrations',
  exportSql: `SELECT d.edition_id, d.organization_id, d.name, d.email, d.languages, d.goals, d.status,
                     d.checked_in_at, d.created_at
                FROM forum_delegate d WHERE d.user_id = $1 OR d.email = $2 ORDER BY d.created_at`,
  // Anonymised rather than deleted: the other side's meetings and the edition's figures stay whole.
  deleteSql: `WITH gone AS (
                UPDATE forum_delegate
                   SET name = 'deleted', email = 'deleted-' || id || '@invalid', user_id = NULL,
                       languages = '{}', updated_at = now()
                 WHERE user_id = $1 OR email = $2
                RETURNING id)
              DELETE FROM forum_agenda_feed WHERE delegate_id IN (SELECT id FROM gone)`,
};
registerPersonalDataSource(FORUM_PERSONAL_DATA);
