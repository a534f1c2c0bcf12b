import type { SchedulerInput, SchedulerOptions, SchedulerResult } from './types.js';

/**
 * Independent check of a schedule against the input: written from the problem statement, sharing no code
 * with the solver. Returns one message per violated constraint (empty when the schedule is valid), and
 * also checks that the reported break counts are right.
 */
export function checkSchedule(
  input: SchedulerInput,
  result: Pick<
    SchedulerResult,
    'assignments' | 'unscheduled' | 'totalBreaks' | 'breaksByParticipant' | 'status'
  >,
  options: Pick<SchedulerOptions, 'requireAll' | 'existing' | 'allowMoves'> = {},
): string[] {
  const v: string[] = [];
  const T = input.slots.length;
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const slotOf = new Map<string, number>();
  const tableOf = new Map<string, string | undefined>();
  for (const a of result.assignments) {
    if (!meetings.has(a.meetingId)) v.push(`unknown meeting ${a.meetingId} in the schedule`);
    if (slotOf.has(a.meetingId)) v.push(`meeting ${a.meetingId} is scheduled twice`);
    if (!Number.isInteger(a.slot) || a.slot < 0 || a.slot >= T)
      v.push(`meeting ${a.meetingId} has invalid slot ${a.slot}`);
    slotOf.set(a.meetingId, a.slot);
    tableOf.set(a.meetingId, a.table);
  }
  const unscheduled = new Set(result.unscheduled.map((u) => u.meetingId));
  for (const m of input.meetings) {
    if (!slotOf.has(m.id) && !unscheduled.has(m.id))
      v.push(`meeting ${m.id} is neither scheduled nor reported unscheduled`);
    if (slotOf.has(m.id) && unscheduled.has(m.id))
      v.push(`meeting ${m.id} is both scheduled and unscheduled`);
  }
  if (options.requireAll && result.status !== 'INFEASIBLE' && result.status !== 'UNKNOWN' && unscheduled.size)
    v.push(`${unscheduled.size} meetings unscheduled although all are required`);

  const unavailable = new Map(input.participants.map((p) => [p.id, new Set(p.unavailable ?? [])]));
  const busy = new Map<string, Map<number, string>>();
  for (const p of input.participants) busy.set(p.id, new Map());
  const perSlot = new Array<number>(T).fill(0);
  const tablesInSlot = new Map<string, string>();
  const tableDefs = new Map((input.tables ?? []).map((t) => [t.id, t]));
  for (const [id, s] of slotOf) {
    const m = meetings.get(id);
    if (!m || s < 0 || s >= T) continue;
    perSlot[s]++;
    for (const p of [m.a, m.b]) {
      const b = busy.get(p);
      if (!b) {
        v.push(`meeting ${id} involves unknown participant ${p}`);
        continue;
      }
      if (b.has(s)) v.push(`participant ${p} has meetings ${b.get(s)} and ${id} in slot ${s}`);
      b.set(s, id);
      if (unavailable.get(p)?.has(s)) v.push(`participant ${p} is unavailable in slot ${s} (meeting ${id})`);
    }
    const session = input.slots[s].session;
    if (m.session === 'AM' && session !== 'morning') v.push(`meeting ${id} is morning-only but in slot ${s}`);
    if (m.session === 'PM' && session !== 'afternoon')
      v.push(`meeting ${id} is afternoon-only but in slot ${s}`);
    if (m.pinned && m.pinned.slot !== s)
      v.push(`pinned meeting ${id} moved from slot ${m.pinned.slot} to ${s}`);
    if (m.pinned?.table !== undefined && tableOf.get(id) !== m.pinned.table)
      v.push(`pinned meeting ${id} is not at table ${m.pinned.table}`);
    for (const before of m.after ?? []) {
      const bs = slotOf.get(before);
      if (bs !== undefined && bs >= s)
        v.push(`meeting ${before} must come before ${id} (slots ${bs} and ${s})`);
    }
    if (input.tables?.length) {
      const tb = tableOf.get(id);
      if (tb === undefined) v.push(`meeting ${id} has no table`);
      else {
        const def = tableDefs.get(tb);
        if (!def) v.push(`meeting ${id} is at unknown table ${tb}`);
        else if ((def.unavailable ?? []).includes(s))
          v.push(`table ${tb} is closed in slot ${s} (meeting ${id})`);
        const key = `${s}|${tb}`;
        if (tablesInSlot.has(key))
          v.push(`table ${tb} holds meetings ${tablesInSlot.get(key)} and ${id} in slot ${s}`);
        tablesInSlot.set(key, id);
      }
    }
  }
  for (let s = 0; s < T; s++) {
    let cap = input.slots[s].capacity ?? input.capacity ?? Infinity;
    if (input.tables?.length) cap = Math.min(cap, input.tables.length);
    if (perSlot[s] > cap) v.push(`slot ${s} holds ${perSlot[s]} meetings but has ${cap} places`);
  }
  if (options.existing && !options.allowMoves)
    for (const e of options.existing) {
      if (!meetings.has(e.meetingId)) continue;
      if (slotOf.get(e.meetingId) !== e.slot) v.push(`published meeting ${e.meetingId} left slot ${e.slot}`);
      if (e.table !== undefined && tableOf.get(e.meetingId) !== e.table)
        v.push(`published meeting ${e.meetingId} left table ${e.table}`);
    }

  // Breaks: maximal idle runs between two meetings of a participant; fairness over every participant.
  let total = 0;
  let hi = -Infinity;
  let lo = Infinity;
  for (const p of input.participants) {
    const slots = [...busy.get(p.id)!.keys()].sort((x, y) => x - y);
    let breaks = 0;
    for (let i = 1; i < slots.length; i++) if (slots[i] > slots[i - 1] + 1) breaks++;
    total += breaks;
    hi = Math.max(hi, breaks);
    lo = Math.min(lo, breaks);
    if ((result.breaksByParticipant[p.id] ?? 0) !== breaks)
      v.push(`participant ${p.id} has ${breaks} breaks, reported ${result.breaksByParticipant[p.id] ?? 0}`);
  }
  const d = input.fairness ?? 2;
  if (input.participants.length && hi - lo > d)
    v.push(`fairness: breaks range from ${lo} to ${hi}, more than ${d} apart`);
  if (total !== result.totalBreaks) v.push(`total breaks are ${total}, reported ${result.totalBreaks}`);
  return v;
}
