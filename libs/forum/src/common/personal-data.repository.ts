import type { PersonalDataSource } from '#identity';

/*
 * The SQL of the personal data the forum holds, declared to identity for the export and the erasure
 * of an account (common/personal-data.ts, docs/PRIVACY.md). $1 is the account id, $2 its address
 * once verified (NULL before). The audit log is read through identity's identity_audit_entry_v.
 */

/** The person's delegate registrations: linked to their account, or made with their verified address. */
export const MY_REGISTRATIONS_SQL = `SELECT id FROM forum_delegate WHERE user_id = $1 OR email = $2`;
const MINE = MY_REGISTRATIONS_SQL;

export const FORUM_REGISTRATIONS_DATA: PersonalDataSource = {
  name: 'forumRegistrations',
  covers: [
    'forum_delegate.user_id',
    'forum_delegate.name',
    'forum_delegate.email',
    'forum_delegate_unavailable.delegate_id',
    'forum_delegate_unavailable.slot_id',
    'forum_agenda_feed.delegate_email',
  ],
  exportSql: `SELECT d.id, d.edition_id, d.organization_id, d.name, d.email, d.languages, d.goals, d.status,
                     d.checked_in_at, d.created_at,
                     coalesce((SELECT jsonb_agg(jsonb_build_object('slotId', s.id, 'startsAt', s.starts_at,
                                                                   'endsAt', s.ends_at) ORDER BY s.starts_at)
                                 FROM forum_delegate_unavailable u JOIN forum_slot s ON s.id = u.slot_id
                                WHERE u.delegate_id = d.id), '[]'::jsonb) AS unavailable,
                     coalesce((SELECT jsonb_agg(jsonb_build_object('at', a.at, 'action', a.action, 'fields', a.fields,
                                                                   'before', a.before, 'after', a.after) ORDER BY a.id)
                                 FROM identity_audit_entry_v a
                                WHERE a.entity_type = 'forum_delegate' AND a.entity_id = d.id::text), '[]'::jsonb) AS history
                FROM forum_delegate d WHERE d.id IN (${MINE}) ORDER BY d.created_at`,
  /*
   * Anonymised rather than deleted, so the other side's meetings and the edition's figures stay
   * whole: the name, address, account link and languages go, with the delegate's
   * unavailability, calendar feed, the messages of the requests it sent (and their copies in the
   * mails that told the other side) and the notes on its meetings' outcomes; the values of its
   * audit entries go just before, through identity (registerAuditedRecords in personal-data.ts).
   * One statement: every part sees the registrations as they were before.
   */
  // The copies of those messages in the notices that told the other side, for the mail outbox's owner.
  copiedTextsSql: `SELECT 'meeting-request' AS template, r.message AS text, r.id::text AS request_id
                     FROM forum_meeting_request r
                    WHERE r.from_delegate_id IN (${MINE}) AND r.message <> ''`,
  deleteSql: `WITH mine AS (${MINE}),
                unavailable AS (DELETE FROM forum_delegate_unavailable WHERE delegate_id IN (SELECT id FROM mine)),
                feeds AS (DELETE FROM forum_agenda_feed WHERE delegate_id IN (SELECT id FROM mine) OR delegate_email = $2),
                notes AS (UPDATE forum_meeting_participant SET outcome_note = NULL
                           WHERE delegate_id IN (SELECT id FROM mine) AND outcome_note IS NOT NULL),
                messages AS (UPDATE forum_meeting_request SET message = NULL
                              WHERE from_delegate_id IN (SELECT id FROM mine) AND message IS NOT NULL)
              UPDATE forum_delegate
                 SET name = 'deleted', email = 'deleted-' || id || '@invalid', user_id = NULL,
                     languages = '{}', updated_at = now()
               WHERE id IN (SELECT id FROM mine)`,
};

/** Meeting requests the person sent, received, wrote, answered or cancelled. */
export const FORUM_MEETING_REQUESTS_DATA: PersonalDataSource = {
  name: 'forumMeetingRequests',
  covers: [
    'forum_meeting_request.message',
    'forum_meeting_request.requested_by',
    'forum_meeting_request.responded_by',
    'forum_meeting_request.reason',
  ],
  exportSql: `SELECT id, edition_id, from_delegate_id, to_delegate_id, from_organization_id, to_organization_id,
                     message, status, reason, source, created_at, responded_at,
                     requested_by = $1 AS requested_by_you, responded_by = $1 AS answered_by_you
                FROM forum_meeting_request
               WHERE from_delegate_id IN (${MINE}) OR to_delegate_id IN (${MINE})
                  OR requested_by = $1 OR responded_by = $1
               ORDER BY created_at`,
  /*
   * Messages sent from the person's registrations go with them (above); here those the account
   * wrote for another delegate, and the reasons it gave to decline or cancel (cancellations are
   * known by the audit log's author, which is forgotten after every other source ran), with their
   * copies in the notices that told the other side.
   */
  copiedTextsSql: `WITH cancelled AS (SELECT entity_id FROM identity_audit_entry_v
                                     WHERE actor_id = $1 AND entity_type = 'meeting_request'
                                       AND action = 'meeting_request.cancel'),
                      erased AS (SELECT r.id,
                                        CASE WHEN r.requested_by = $1 THEN r.message END AS message,
                                        CASE WHEN r.responded_by = $1 OR r.id::text IN (SELECT entity_id FROM cancelled)
                                             THEN r.reason END AS reason
                                   FROM forum_meeting_request r
                                  WHERE r.requested_by = $1 OR r.responded_by = $1
                                     OR r.id::text IN (SELECT entity_id FROM cancelled))
                    SELECT 'meeting-request' AS template, e.message AS text, e.id::text AS request_id
                      FROM erased e WHERE e.message <> ''
                    UNION ALL
                    SELECT t.template, e.reason, e.id::text
                      FROM erased e
                      CROSS JOIN (VALUES ('meeting-request-declined'), ('meeting-request-cancelled')) AS t(template)
                     WHERE e.reason <> ''`,
  deleteSql: `UPDATE forum_meeting_request r
                 SET message = CASE WHEN r.requested_by = $1 THEN NULL ELSE r.message END,
                     reason = CASE WHEN r.responded_by = $1 OR EXISTS (
                                SELECT 1 FROM identity_audit_entry_v a
                                 WHERE a.actor_id = $1 AND a.entity_type = 'meeting_request'
                                   AND a.action = 'meeting_request.cancel' AND a.entity_id = r.id::text)
                              THEN NULL ELSE r.reason END
               WHERE (r.requested_by = $1 AND r.message IS NOT NULL)
                  OR (r.reason IS NOT NULL AND (r.responded_by = $1 OR r.id::text IN (
                        SELECT entity_id FROM identity_audit_entry_v
                         WHERE actor_id = $1 AND entity_type = 'meeting_request' AND action = 'meeting_request.cancel')))`,
};

/** Outcomes of the person's meetings and those they reported. */
export const FORUM_MEETING_OUTCOMES_DATA: PersonalDataSource = {
  name: 'forumMeetingOutcomes',
  covers: ['forum_meeting_participant.outcome_note', 'forum_meeting_participant.outcome_reported_by'],
  exportSql: `SELECT meeting_id, delegate_id, status, outcome, outcome_note, outcome_reported_at,
                     outcome_reported_by = $1 AS reported_by_you
                FROM forum_meeting_participant
               WHERE delegate_id IN (${MINE}) OR outcome_reported_by = $1
               ORDER BY meeting_id, delegate_id`,
  // Notes on the person's own meetings go with the registration (above); who reported another's is cut.
};

/** What the person did as an organiser: feeds asked, precedences set, schedule runs started. */
export const FORUM_ORGANISER_ACTIONS_DATA: PersonalDataSource = {
  name: 'forumOrganiserActions',
  covers: [
    'forum_agenda_feed.created_by',
    'forum_request_precedence.created_by',
    'forum_schedule_run.requested_by',
  ],
  exportSql: `SELECT 'agenda feed' AS what, delegate_id::text AS id, created_at FROM forum_agenda_feed WHERE created_by = $1
              UNION ALL
              SELECT 'request precedence', before_request_id || ' before ' || after_request_id, created_at
                FROM forum_request_precedence WHERE created_by = $1
              UNION ALL
              SELECT 'schedule run', id, created_at FROM forum_schedule_run WHERE requested_by = $1
              ORDER BY created_at`,
};
