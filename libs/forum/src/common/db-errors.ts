import { QueryFailedError } from 'typeorm';
import { AppError } from '#platform';

/** Unique indexes that make a double booking impossible, and what a refusal means to a client. */
const CONSTRAINT_ERRORS: Record<string, () => AppError> = {
  forum_participant_slot_idx: () =>
    new AppError('SLOT_TAKEN', 'a participant already has a meeting in this slot', {
      reason: 'PARTICIPANT_BUSY',
    }),
  forum_meeting_table_slot_idx: () =>
    new AppError('SLOT_TAKEN', 'the table is already taken in this slot', { reason: 'TABLE_BUSY' }),
  forum_meeting_request_live_idx: () =>
    new AppError('CONFLICT', 'this meeting request already has a meeting', { reason: 'ALREADY_SCHEDULED' }),
  forum_request_open_idx: () =>
    new AppError('CONFLICT', 'this delegate already has an open or accepted request with that organisation', {
      reason: 'DUPLICATE_REQUEST',
    }),
  forum_delegate_edition_org_email_key: () =>
    new AppError(
      'CONFLICT',
      'the organisation already registered a delegate with this email for the edition',
      {
        reason: 'DUPLICATE_DELEGATE',
      },
    ),
  forum_table_edition_id_label_key: () =>
    new AppError('CONFLICT', 'a table with this label already exists in the edition', {
      reason: 'DUPLICATE_TABLE',
    }),
  forum_group_edition_id_code_key: () =>
    new AppError('CONFLICT', 'a group with this code already exists in the edition', {
      reason: 'DUPLICATE_GROUP',
    }),
};

/** The Postgres error behind a TypeORM failure, when there is one. */
export function pgError(e: unknown): { code?: string; constraint?: string } | null {
  if (e instanceof QueryFailedError) return e.driverError as { code?: string; constraint?: string };
  if (e && typeof e === 'object' && 'code' in e) return e as { code?: string; constraint?: string };
  return null;
}

/** Turns a unique violation of a known forum index into the client error it stands for; rethrows anything else. */
export function mapForumDbError(e: unknown): never {
  const pg = pgError(e);
  if (pg?.code === '23505' && pg.constraint && CONSTRAINT_ERRORS[pg.constraint])
    throw CONSTRAINT_ERRORS[pg.constraint]();
  throw e;
}

/** Runs `fn`, translating unique violations of forum indexes into AppErrors. */
export async function withForumErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    return mapForumDbError(e);
  }
}

const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs a transaction again when Postgres aborted it as a deadlock victim or a serialisation failure:
 * two bookings racing for the same keys can deadlock, and the retry then meets the winner's row
 * (and reports SLOT_TAKEN) instead of an opaque failure.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !RETRYABLE.has(pgError(e)?.code ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}
