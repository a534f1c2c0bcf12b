import type { SchedulerInput, SchedulerMeeting, SchedulerOptions } from '../scheduler/index.js';

/** What the scheduler input is built from, as loaded from the database. */
export interface EditionSnapshot {
  fairness: number;
  /** Meeting slots (breaks excluded), in time order. */
  slots: { id: string; session: 'MORNING' | 'AFTERNOON' }[];
  tables: { id: string; organizationId: string | null }[];
  delegates: { id: string; organizationId: string; unavailableSlotIds: string[] }[];
  /** Accepted requests whose two delegates are still registered. */
  requests: {
    id: string;
    fromDelegateId: string;
    toDelegateId: string;
    priority: number;
    session: 'ANY' | 'MORNING' | 'AFTERNOON';
  }[];
  /** Organisers' "A before B": the meeting of `beforeRequestId` takes an earlier slot than that of `afterRequestId`. */
  precedences?: { beforeRequestId: string; afterRequestId: string }[];
  /** Live meetings (not cancelled). */
  meetings: {
    id: string;
    requestId: string | null;
    slotId: string;
    tableId: string | null;
    status: 'DRAFT' | 'PUBLISHED';
    pinned: boolean;
    delegateIds: string[];
  }[];
}

export interface BuiltInput {
  input: SchedulerInput;
  options: Pick<SchedulerOptions, 'existing' | 'allowMoves'>;
  /** Slot index → slot id. */
  slotIds: string[];
  /** Scheduler meeting id → request id (meetings without a request are fixed and never written back). */
  requestOf: Map<string, string>;
  /** Fixed meetings that could not be represented (e.g. pinned into a break), with why. */
  ignored: { meetingId: string; reason: string }[];
}

const SESSION = { ANY: 'ANY', MORNING: 'AM', AFTERNOON: 'PM' } as const;

/**
 * Maps an edition to the pure scheduler's input: one scheduler meeting per accepted request (weight =
 * priority, morning/afternoon preference as a session restriction), delegates' unavailable slots,
 * tables (a stand table prefers its organisation's delegate), pinned meetings as pins, published ones
 * as existing assignments (kept in place unless moves are allowed) and meetings without a request
 * (walk-ins) as pins, and organisers' precedences between accepted requests as `after`. Draft
 * meetings that are not pinned are ignored: the run replaces them.
 */
export function buildSchedulerInput(s: EditionSnapshot, allowMoves: boolean): BuiltInput {
  const slotIndex = new Map(s.slots.map((sl, i) => [sl.id, i]));
  const tableIds = new Set(s.tables.map((t) => t.id));
  const meetingByRequest = new Map(s.meetings.filter((m) => m.requestId).map((m) => [m.requestId!, m]));
  const used = new Set<string>();
  const meetings: SchedulerMeeting[] = [];
  const existing: NonNullable<SchedulerOptions['existing']> = [];
  const requestOf = new Map<string, string>();
  const ignored: BuiltInput['ignored'] = [];

  const place = (m: EditionSnapshot['meetings'][number]) => {
    const slot = slotIndex.get(m.slotId);
    if (slot === undefined) {
      ignored.push({ meetingId: m.id, reason: 'its slot is a break or no longer exists' });
      return null;
    }
    return { slot, table: m.tableId && tableIds.has(m.tableId) ? m.tableId : undefined };
  };

  for (const r of s.requests) {
    const mt: SchedulerMeeting = {
      id: r.id,
      a: r.fromDelegateId,
      b: r.toDelegateId,
      weight: r.priority,
      session: SESSION[r.session],
    };
    const live = meetingByRequest.get(r.id);
    if (live && (live.pinned || live.status === 'PUBLISHED')) {
      const at = place(live);
      if (at && live.pinned) mt.pinned = at;
      else if (at) existing.push({ meetingId: r.id, ...at });
    }
    meetings.push(mt);
    requestOf.set(r.id, r.id);
    used.add(r.fromDelegateId).add(r.toDelegateId);
  }
  // Precedences between two requests that are both being scheduled; others no longer bind anyone.
  const byId = new Map(meetings.map((mt) => [mt.id, mt]));
  for (const p of s.precedences ?? []) {
    const later = byId.get(p.afterRequestId);
    if (!later || !byId.has(p.beforeRequestId)) continue;
    (later.after ??= []).push(p.beforeRequestId);
  }
  // Meetings outside the requests (walk-ins) still hold their participants and table.
  for (const m of s.meetings) {
    if (m.requestId && requestOf.has(m.requestId)) continue;
    if (m.delegateIds.length !== 2) continue;
    const at = place(m);
    if (!at) continue;
    meetings.push({ id: `meeting:${m.id}`, a: m.delegateIds[0], b: m.delegateIds[1], pinned: at });
    used.add(m.delegateIds[0]).add(m.delegateIds[1]);
  }

  const participants = s.delegates
    .filter((d) => used.has(d.id))
    .map((d) => ({
      id: d.id,
      unavailable: d.unavailableSlotIds
        .map((x) => slotIndex.get(x))
        .filter((x): x is number => x !== undefined),
    }));
  const standOf = new Map<string, string>();
  for (const d of participants) {
    const org = s.delegates.find((x) => x.id === d.id)!.organizationId;
    if (!standOf.has(org)) standOf.set(org, d.id);
  }
  const input: SchedulerInput = {
    participants,
    slots: s.slots.map((sl) => ({ session: sl.session === 'MORNING' ? 'morning' : 'afternoon' })),
    meetings,
    fairness: s.fairness,
  };
  if (s.tables.length)
    input.tables = s.tables.map((t) => {
      const owner = t.organizationId ? standOf.get(t.organizationId) : undefined;
      return owner ? { id: t.id, standOf: owner } : { id: t.id };
    });
  return {
    input,
    options: { existing, allowMoves },
    slotIds: s.slots.map((sl) => sl.id),
    requestOf,
    ignored,
  };
}
