import type { MeetingOutcome } from '../api/forum';

/**
 * Meeting outcomes reported on the phone, kept in localStorage until the api has them: every report is
 * queued first and sent at once when the api can be reached, else when the connection returns (the
 * page flushes on `online` and on load). A report waits while the api is out of reach, is marked sent
 * once accepted, and failed (with the api's code) when refused, so nothing is silently dropped.
 */
export interface OutcomeReport {
  userId: string;
  meetingId: string;
  organizationId: string;
  outcome: MeetingOutcome;
  note: string | null;
}

export type OutcomeState = 'waiting' | 'sent' | 'failed';

export interface QueuedOutcome extends OutcomeReport {
  queuedAt: string;
  state: OutcomeState;
  /** The api's code when it refused the report. */
  error?: string;
}

const KEY = 'tashbik.outcomes';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storage = (): Store | null => globalThis.localStorage ?? null;

export function loadOutcomes(store: Store | null = storage()): QueuedOutcome[] {
  try {
    const raw = store?.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as QueuedOutcome[]) : [];
  } catch {
    return [];
  }
}

function save(list: QueuedOutcome[], store: Store | null) {
  try {
    store?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused: the report is sent now or not at all.
  }
}

const same = (a: OutcomeReport, b: OutcomeReport) =>
  a.userId === b.userId && a.meetingId === b.meetingId && a.organizationId === b.organizationId;

/** Queues a report (a newer one for the same meeting replaces the older); returns the queue. */
export function queueOutcome(
  report: OutcomeReport,
  now: Date = new Date(),
  store: Store | null = storage(),
): QueuedOutcome[] {
  const list = loadOutcomes(store).filter((q) => !same(q, report));
  list.push({ ...report, queuedAt: now.toISOString(), state: 'waiting' });
  save(list, store);
  return list;
}

/** The latest report of one meeting by this user, if any. */
export function outcomeOf(
  list: QueuedOutcome[],
  userId: string,
  meetingId: string,
): QueuedOutcome | undefined {
  return list.filter((q) => q.userId === userId && q.meetingId === meetingId).at(-1);
}

/**
 * Sends this user's waiting reports in the order they were made. A NETWORK failure stops the run and
 * leaves the rest waiting; any other refusal marks that report failed and goes on.
 */
export async function flushOutcomes(
  userId: string,
  send: (report: OutcomeReport) => Promise<void>,
  codeOf: (error: unknown) => string,
  store: Store | null = storage(),
): Promise<QueuedOutcome[]> {
  for (const item of loadOutcomes(store).filter((q) => q.userId === userId && q.state === 'waiting')) {
    let outcome: Pick<QueuedOutcome, 'state' | 'error'>;
    try {
      await send({
        userId: item.userId,
        meetingId: item.meetingId,
        organizationId: item.organizationId,
        outcome: item.outcome,
        note: item.note,
      });
      outcome = { state: 'sent' };
    } catch (e) {
      const code = codeOf(e);
      if (code === 'NETWORK') break;
      outcome = { state: 'failed', error: code };
    }
    // Re-read: another tab or a newer report may have changed the queue while this one was sent.
    const list = loadOutcomes(store).map((q) =>
      same(q, item) && q.queuedAt === item.queuedAt ? { ...q, ...outcome } : q,
    );
    save(list, store);
  }
  return loadOutcomes(store);
}

/** Sign-out erases the queue with the stored agendas. */
export function clearOutcomes(store: Store | null = storage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
