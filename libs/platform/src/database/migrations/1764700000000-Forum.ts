import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum editions and their B2B meetings: sessions and slots, tables, groups with who-may-meet-whom
 * rules, delegate registrations, meeting requests, meetings and their participants, scheduler runs
 * and agenda changes waiting to be announced.
 *
 * Double booking is refused by the database itself: a live (not cancelled) meeting holds its
 * (slot, table) and each participant's (slot, delegate) through partial unique indexes. A
 * participant row mirrors its meeting's slot and status through a composite foreign key with
 * ON UPDATE CASCADE, so moving or cancelling a meeting moves or frees its participants too.
 */
export class Forum1764700000000 implements MigrationInterface {
  name = 'Forum1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forum_edition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL,
        venue text,
        timezone text NOT NULL DEFAULT 'Africa/Algiers',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED')),
        slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
        request_expiry_hours int NOT NULL DEFAULT 72 CHECK (request_expiry_hours > 0),
        max_meetings_per_delegate int CHECK (max_meetings_per_delegate > 0),
        max_requests_per_delegate int CHECK (max_requests_per_delegate > 0),
        fairness int NOT NULL DEFAULT 2 CHECK (fairness >= 0),
        published_version int NOT NULL DEFAULT 0,
        published_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CONSTRAINT forum_edition_name_present CHECK (coalesce(name->>'ar', name->>'fr', name->>'en') IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE forum_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MORNING','AFTERNOON')),
        starts_at time NOT NULL,
        ends_at time NOT NULL,
        breaks jsonb NOT NULL DEFAULT '[]',
        CHECK (ends_at > starts_at),
        UNIQUE (edition_id, day, kind)
      )`);
    await q.query(`
      CREATE TABLE forum_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES forum_session(id) ON DELETE CASCADE,
        position int NOT NULL,
        day date NOT NULL,
        session text NOT NULL CHECK (session IN ('MORNING','AFTERNOON')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        is_break boolean NOT NULL DEFAULT false,
        CHECK (ends_at > starts_at),
        UNIQUE (edition_id, position),
        UNIQUE (edition_id, starts_at)
      )`);
    await q.query(`
      CREATE TABLE forum_table (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        label text NOT NULL,
        capacity int NOT NULL DEFAULT 2 CHECK (capacity >= 2),
        languages text[] NOT NULL DEFAULT '{}',
        interpreter boolean NOT NULL DEFAULT false,
        organization_id uuid REFERENCES organization(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (edition_id, label)
      )`);
    await q.query(`
      CREATE TABLE forum_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        code text NOT NULL,
        name jsonb NOT NULL,
        max_meetings int CHECK (max_meetings > 0),
        max_requests int CHECK (max_requests > 0),
        UNIQUE (edition_id, code),
        UNIQUE (edition_id, id)
      )`);
    // A group with rules meets only the groups listed; a group without rules meets anyone who may meet it.
    await q.query(`
      CREATE TABLE forum_group_rule (
        edition_id uuid NOT NULL,
        group_id uuid NOT NULL,
        may_meet_group_id uuid NOT NULL,
        PRIMARY KEY (group_id, may_meet_group_id),
        FOREIGN KEY (edition_id, group_id) REFERENCES forum_group(edition_id, id) ON DELETE CASCADE,
        FOREIGN KEY (edition_id, may_meet_group_id) REFERENCES forum_group(edition_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE forum_delegate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        user_id uuid REFERENCES user_account(id) ON DELETE SET NULL,
        name text NOT NULL,
        email citext NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        goals text[] NOT NULL DEFAULT '{}' CHECK (goals <@ ARRAY['FIND_SUBCONTRACTORS','FIND_CLIENTS',
          'FIND_FINANCING','FIND_TECHNOLOGY','JOIN_CLUSTER']::text[]),
        group_id uuid,
        status text NOT NULL DEFAULT 'REGISTERED' CHECK (status IN ('REGISTERED','WITHDRAWN')),
        checked_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (edition_id, email),
        FOREIGN KEY (edition_id, group_id) REFERENCES forum_group(edition_id, id)
      )`);
    await q.query(`CREATE INDEX forum_delegate_org_idx ON forum_delegate (organization_id, edition_id)`);
    await q.query(`
      CREATE TABLE forum_delegate_unavailable (
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES forum_slot(id) ON DELETE CASCADE,
        PRIMARY KEY (delegate_id, slot_id)
      )`);
    await q.query(`
      CREATE TABLE forum_meeting_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        from_delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        from_organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        -- Set at request time, or by the receiving organisation when it accepts a request addressed to it.
        to_delegate_id uuid REFERENCES forum_delegate(id) ON DELETE CASCADE,
        to_organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        message text,
        priority int NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        session text NOT NULL DEFAULT 'ANY' CHECK (session IN ('ANY','MORNING','AFTERNOON')),
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING','ACCEPTED','DECLINED','CANCELLED','EXPIRED')),
        source text NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL','SUGGESTION','ORGANISER')),
        expires_at timestamptz NOT NULL,
        requested_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        responded_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        responded_at timestamptz,
        cancelled_by_organization_id uuid,
        reason text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_organization_id <> to_organization_id),
        CHECK (status <> 'ACCEPTED' OR to_delegate_id IS NOT NULL)
      )`);
    // One open or accepted request per delegate and counterpart organisation.
    await q.query(
      `CREATE UNIQUE INDEX forum_request_open_idx ON forum_meeting_request (from_delegate_id, to_organization_id)
       WHERE status IN ('PENDING','ACCEPTED')`,
    );
    await q.query(`CREATE INDEX forum_request_edition_idx ON forum_meeting_request (edition_id, status)`);
    await q.query(`CREATE INDEX forum_request_to_idx ON forum_meeting_request (to_organization_id, status)`);
    await q.query(`CREATE INDEX forum_request_to_delegate_idx ON forum_meeting_request (to_delegate_id)`);
    await q.query(
      `CREATE INDEX forum_request_expiry_idx ON forum_meeting_request (expires_at) WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE TABLE forum_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        request_id uuid REFERENCES forum_meeting_request(id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES forum_slot(id),
        table_id uuid REFERENCES forum_table(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','CANCELLED')),
        pinned boolean NOT NULL DEFAULT false,
        -- What delegates were last shown (iCalendar SEQUENCE rises whenever it changes).
        published_slot_id uuid REFERENCES forum_slot(id),
        published_table_id uuid REFERENCES forum_table(id),
        sequence int NOT NULL DEFAULT 0,
        uid text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, slot_id, status)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX forum_meeting_table_slot_idx ON forum_meeting (slot_id, table_id)
       WHERE status <> 'CANCELLED' AND table_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX forum_meeting_request_live_idx ON forum_meeting (request_id)
       WHERE status <> 'CANCELLED' AND request_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX forum_meeting_edition_idx ON forum_meeting (edition_id, status)`);
    await q.query(`
      CREATE TABLE forum_meeting_participant (
        meeting_id uuid NOT NULL,
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        slot_id uuid NOT NULL,
        status text NOT NULL,
        outcome text CHECK (outcome IN ('HELD','NO_SHOW','FOLLOW_UP')),
        PRIMARY KEY (meeting_id, delegate_id),
        FOREIGN KEY (meeting_id, slot_id, status) REFERENCES forum_meeting(id, slot_id, status)
          ON UPDATE CASCADE ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX forum_participant_slot_idx ON forum_meeting_participant (slot_id, delegate_id)
       WHERE status <> 'CANCELLED'`,
    );
    await q.query(`CREATE INDEX forum_participant_delegate_idx ON forum_meeting_participant (delegate_id)`);
    await q.query(`
      CREATE TABLE forum_schedule_run (
        id text PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        allow_moves boolean NOT NULL DEFAULT false,
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED')),
        result text CHECK (result IN ('OPTIMAL','FEASIBLE','INFEASIBLE','UNKNOWN')),
        progress real NOT NULL DEFAULT 0,
        phase text,
        reason text,
        summary jsonb,
        requested_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX forum_schedule_run_edition_idx ON forum_schedule_run (edition_id, created_at)`,
    );
    // Delegates whose published agenda changed, waiting for the notification step.
    await q.query(`
      CREATE TABLE forum_agenda_change (
        id bigserial PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        published_version int NOT NULL,
        meeting_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        notified_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX forum_agenda_change_pending_idx ON forum_agenda_change (id) WHERE notified_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'forum_agenda_change',
      'forum_schedule_run',
      'forum_meeting_participant',
      'forum_meeting',
      'forum_meeting_request',
      'forum_delegate_unavailable',
      'forum_delegate',
      'forum_group_rule',
      'forum_group',
      'forum_table',
      'forum_slot',
      'forum_session',
      'forum_edition',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
