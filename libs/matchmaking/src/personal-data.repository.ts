import { registerKeptColumns, registerPersonalDataSource } from '#identity';

/*
 * Personal data matchmaking holds, declared to identity for the export and the erasure of an
 * account (docs/PRIVACY.md). $1 is the account id. The links to the account (`user_id`,
 * `updated_by`, `created_by`) are cut by their foreign keys when the account is deleted.
 */

registerPersonalDataSource({
  name: 'suggestionFeedback',
  covers: ['suggestion_feedback.user_id', 'suggestion_feedback.comment'],
  exportSql: `SELECT organization_id, kind, counterpart_organization_id, cluster_key, verdict, reason, comment, created_at
                FROM suggestion_feedback WHERE user_id = $1 ORDER BY created_at`,
  // The verdict stays with the organisation (it steers its suggestions); the user's own words go.
  deleteSql: `UPDATE suggestion_feedback SET comment = NULL WHERE user_id = $1 AND comment IS NOT NULL`,
});

registerPersonalDataSource({
  name: 'financierChanges',
  covers: ['financier_criteria.updated_by', 'saved_search.created_by'],
  exportSql: `SELECT 'screening criteria' AS what, organization_id, NULL::uuid AS saved_search_id, updated_at AS at
                FROM financier_criteria WHERE updated_by = $1
              UNION ALL
              SELECT 'saved search', organization_id, id, created_at FROM saved_search WHERE created_by = $1
              ORDER BY at`,
});

registerKeptColumns({
  'saved_search.name': "the title a financier gave a saved search: the organisation's data, not a person",
});
