import { registerOwnerLookup, registerPersonalDataSource, type PersonalDataSource } from '#identity';

/*
 * What the forum declares to identity once, when the module loads: the organisation owning a
 * delegate (for access rules on delegate ids) and where delegate registrations hold personal data.
 */

registerOwnerLookup('forum_delegate', `SELECT organization_id FROM forum_delegate WHERE id = $1`);

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
