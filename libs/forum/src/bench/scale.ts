import { maxMeetingsIntoSlots } from '../scheduler/analysis.js';
import { buildModel } from '../scheduler/model.js';
import { Rng } from '../scheduler/rng.js';
import type {
  SchedulerInput,
  SchedulerMeeting,
  SchedulerParticipant,
  SchedulerResult,
  SchedulerTable,
} from '../scheduler/types.js';

export interface ScaleEditionOptions {
  delegates?: number;
  /** Accepted meeting requests. */
  requests?: number;
  days?: number;
  slotsPerDay?: number;
  tables?: number;
  seed?: number;
  /** Most meetings requested for one delegate (keeps every delegate's own meetings placeable). */
  maxPerDelegate?: number;
  fairness?: number;
}

export interface ScaleEdition {
  input: SchedulerInput;
  /** Meetings per slot summed over all slots: no schedule holds more meetings than this. */
  places: number;
  options: Required<ScaleEditionOptions>;
}

type Kind = 'SME' | 'LARGE' | 'FINANCIER' | 'INSTITUTION';

/**
 * A generated forum edition, the same for the same options: delegates of four kinds (SMEs ask large
 * firms and financiers most), skewed popularity, one-day attendees and scattered unavailable slots,
 * some morning- or afternoon-only requests, priorities 1..3, and stands for a few large firms.
 */
export function generateScaleEdition(opts: ScaleEditionOptions = {}): ScaleEdition {
  const o: Required<ScaleEditionOptions> = {
    delegates: opts.delegates ?? 1500,
    requests: opts.requests ?? 12_000,
    days: opts.days ?? 2,
    slotsPerDay: opts.slotsPerDay ?? 16,
    tables: opts.tables ?? 150,
    seed: opts.seed ?? 1,
    maxPerDelegate: opts.maxPerDelegate ?? 0,
    fairness: opts.fairness ?? 2,
  };
  const rng = new Rng(o.seed);
  const T = o.days * o.slotsPerDay;
  const half = Math.ceil(o.slotsPerDay / 2);
  const slots = Array.from({ length: T }, (_, t) => ({
    session: (t % o.slotsPerDay < half ? 'morning' : 'afternoon') as 'morning' | 'afternoon',
  }));
  const maxPer = o.maxPerDelegate || Math.max(1, T - 4);

  const kinds: Kind[] = [];
  const participants: SchedulerParticipant[] = [];
  const popularity: number[] = [];
  for (let i = 0; i < o.delegates; i++) {
    const r = rng.next();
    const kind: Kind = r < 0.6 ? 'SME' : r < 0.75 ? 'LARGE' : r < 0.85 ? 'FINANCIER' : 'INSTITUTION';
    kinds.push(kind);
    const unavailable: number[] = [];
    const a = rng.next();
    if (o.days > 1 && a < 0.1) {
      // attends one day only
      const day = rng.int(o.days);
      for (let t = 0; t < T; t++) if (Math.floor(t / o.slotsPerDay) !== day) unavailable.push(t);
    } else if (a < 0.3) {
      const n = 1 + rng.int(3);
      const set = new Set<number>();
      while (set.size < n) set.add(rng.int(T));
      unavailable.push(...[...set].sort((x, y) => x - y));
    }
    participants.push(unavailable.length ? { id: `d${i}`, unavailable } : { id: `d${i}` });
    const base = kind === 'SME' ? 1 : kind === 'INSTITUTION' ? 2 : 4;
    // heavy-tailed popularity within a kind
    popularity.push(base / Math.pow(1 - rng.next() * 0.95, 0.7));
  }
  const available = participants.map((p) => T - (p.unavailable?.length ?? 0));
  const cap = participants.map((_, i) => Math.min(maxPer, available[i]));

  // Requesters are mostly SMEs; requested delegates drawn by popularity.
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of popularity) cumulative.push((acc += w));
  const drawTarget = () => {
    const x = rng.next() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const load = new Int32Array(o.delegates);
  const pairs = new Set<number>();
  const meetings: SchedulerMeeting[] = [];
  let attempts = 0;
  while (meetings.length < o.requests && attempts++ < o.requests * 50) {
    let a = rng.int(o.delegates);
    if (kinds[a] !== 'SME' && rng.next() < 0.6) a = rng.int(o.delegates);
    const b = drawTarget();
    if (a === b || load[a] >= cap[a] || load[b] >= cap[b]) continue;
    if (kinds[a] === 'FINANCIER' && kinds[b] === 'FINANCIER') continue;
    const key = Math.min(a, b) * o.delegates + Math.max(a, b);
    if (pairs.has(key)) continue;
    pairs.add(key);
    load[a]++;
    load[b]++;
    const s = rng.next();
    const m: SchedulerMeeting = { id: `r${meetings.length}`, a: `d${a}`, b: `d${b}` };
    if (s < 0.1) m.session = 'AM';
    else if (s < 0.15) m.session = 'PM';
    const w = rng.next();
    m.weight = w < 0.6 ? 1 : w < 0.9 ? 2 : 3;
    meetings.push(m);
  }

  const tables: SchedulerTable[] = [];
  const large = kinds.flatMap((k, i) => (k === 'LARGE' ? [i] : []));
  const stands = Math.min(large.length, Math.floor(o.tables / 8));
  for (let k = 0; k < o.tables; k++)
    tables.push(
      k < stands
        ? { id: `S${k + 1}`, standOf: `d${large[k]}` }
        : { id: `T${String(k + 1).padStart(3, '0')}` },
    );
  return {
    input: { participants, slots, tables, meetings, fairness: o.fairness },
    places: T * o.tables,
    options: o,
  };
}

/**
 * Greedy first-fit baseline: meetings by priority (then input order), each in the first slot where both
 * delegates are free and a table is left, at the first free table. No break or fairness reasoning.
 */
export function greedyFirstFit(
  input: SchedulerInput,
): Pick<
  SchedulerResult,
  | 'status'
  | 'assignments'
  | 'unscheduled'
  | 'totalBreaks'
  | 'breaksByParticipant'
  | 'maxBreaks'
  | 'minBreaks'
  | 'scheduledWeight'
  | 'totalWeight'
> {
  const T = input.slots.length;
  const tables = input.tables ?? [];
  const capOf = (t: number) => {
    let c = input.slots[t].capacity ?? input.capacity ?? Infinity;
    if (tables.length) c = Math.min(c, tables.filter((tb) => !(tb.unavailable ?? []).includes(t)).length);
    return c;
  };
  const caps = Array.from({ length: T }, (_, t) => capOf(t));
  const busy = new Map<string, Uint8Array>();
  for (const p of input.participants) {
    const row = new Uint8Array(T);
    for (const s of p.unavailable ?? []) row[s] = 2;
    busy.set(p.id, row);
  }
  const used = new Array<number>(T).fill(0);
  const tableUsed = tables.map(() => new Uint8Array(T));
  const order = input.meetings.map((_, i) => i);
  order.sort((x, y) => (input.meetings[y].weight ?? 1) - (input.meetings[x].weight ?? 1) || x - y);
  const assignments: SchedulerResult['assignments'] = [];
  const unscheduled: SchedulerResult['unscheduled'] = [];
  const slotOf = new Map<string, number>();
  let scheduledWeight = 0;
  let totalWeight = 0;
  for (const i of order) {
    const m = input.meetings[i];
    totalWeight += m.weight ?? 1;
    const ra = busy.get(m.a)!;
    const rb = busy.get(m.b)!;
    let placed = false;
    for (let t = 0; t < T && !placed; t++) {
      if (m.pinned && m.pinned.slot !== t) continue;
      const morning = input.slots[t].session === 'morning';
      if ((m.session === 'AM' && !morning) || (m.session === 'PM' && morning)) continue;
      if (ra[t] || rb[t] || used[t] >= caps[t]) continue;
      if (m.after?.some((id) => (slotOf.get(id) ?? T) >= t)) continue;
      let table: string | undefined;
      if (tables.length) {
        const k = tables.findIndex((tb, j) => !tableUsed[j][t] && !(tb.unavailable ?? []).includes(t));
        if (k < 0) continue;
        tableUsed[k][t] = 1;
        table = tables[k].id;
      }
      ra[t] = rb[t] = 1;
      used[t]++;
      slotOf.set(m.id, t);
      assignments.push(
        table === undefined ? { meetingId: m.id, slot: t } : { meetingId: m.id, slot: t, table },
      );
      scheduledWeight += m.weight ?? 1;
      placed = true;
    }
    if (!placed) unscheduled.push({ meetingId: m.id, reason: 'no free slot in first-fit order' });
  }
  const breaksByParticipant: Record<string, number> = {};
  let total = 0;
  let hi = 0;
  let lo = input.participants.length ? Infinity : 0;
  for (const p of input.participants) {
    const row = busy.get(p.id)!;
    let runs = 0;
    for (let t = 0; t < T; t++) if (row[t] === 1 && (t === 0 || row[t - 1] !== 1)) runs++;
    const b = Math.max(0, runs - 1);
    breaksByParticipant[p.id] = b;
    total += b;
    hi = Math.max(hi, b);
    lo = Math.min(lo, b);
  }
  return {
    status: 'FEASIBLE',
    assignments,
    unscheduled,
    totalBreaks: total,
    breaksByParticipant,
    maxBreaks: hi,
    minBreaks: lo,
    scheduledWeight,
    totalWeight,
  };
}

/**
 * Upper bounds on what any schedule can hold: meetings (a max flow of meetings into the slots both
 * delegates can attend, within each slot's places; it ignores that a delegate meets one person at a
 * time, so it may be above the true optimum) and priority weight (the heaviest that many meetings).
 */
export function scheduleUpperBound(input: SchedulerInput): { meetings: number; weight: number } {
  const model = buildModel(input);
  const live: number[] = [];
  for (let m = 0; m < model.M; m++) if (model.dom[m].length) live.push(m);
  const meetings = maxMeetingsIntoSlots(model, live);
  const weights = live.map((m) => model.weight[m]).sort((x, y) => y - x);
  let weight = 0;
  for (let i = 0; i < meetings; i++) weight += weights[i];
  return { meetings, weight };
}
