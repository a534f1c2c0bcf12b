import type { Model } from './model.js';

/** Max-cardinality bipartite matching of items to slots, each slot used once (augmenting paths). */
export function matchIntoSlots(doms: number[][], allowed: (t: number) => boolean, T: number): number {
  const owner = new Int32Array(T).fill(-1);
  let matched = 0;
  const seen = new Int32Array(T).fill(-1);
  const augment = (i: number, stamp: number): boolean => {
    for (const t of doms[i]) {
      if (!allowed(t) || seen[t] === stamp) continue;
      seen[t] = stamp;
      if (owner[t] < 0 || augment(owner[t], stamp)) {
        owner[t] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < doms.length; i++) if (augment(i, i)) matched++;
  return matched;
}

/** Max flow of meetings into slots with capacities (Dinic on a small bipartite network). */
export function maxMeetingsIntoSlots(model: Model, meetings: number[]): number {
  const { T, cap, dom } = model;
  const n = meetings.length;
  // nodes: 0 source, 1..n meetings, n+1..n+T slots, n+T+1 sink
  const N = n + T + 2;
  const S = 0;
  const K = N - 1;
  const head = new Int32Array(N).fill(-1);
  const to: number[] = [];
  const capE: number[] = [];
  const next: number[] = [];
  const add = (u: number, v: number, c: number) => {
    for (const [x, y, z] of [
      [u, v, c],
      [v, u, 0],
    ]) {
      to.push(y);
      capE.push(z);
      next.push(head[x]);
      head[x] = to.length - 1;
    }
  };
  meetings.forEach((m, i) => {
    add(S, 1 + i, 1);
    for (const t of dom[m]) add(1 + i, 1 + n + t, 1);
  });
  for (let t = 0; t < T; t++) add(1 + n + t, K, cap[t]);
  const level = new Int32Array(N);
  const it = new Int32Array(N);
  const bfs = () => {
    level.fill(-1);
    level[S] = 0;
    const q = [S];
    for (let qi = 0; qi < q.length; qi++) {
      const u = q[qi];
      for (let e = head[u]; e >= 0; e = next[e])
        if (capE[e] > 0 && level[to[e]] < 0) {
          level[to[e]] = level[u] + 1;
          q.push(to[e]);
        }
    }
    return level[K] >= 0;
  };
  const dfs = (u: number, f: number): number => {
    if (u === K) return f;
    for (; it[u] >= 0; it[u] = next[it[u]]) {
      const e = it[u];
      const v = to[e];
      if (capE[e] > 0 && level[v] === level[u] + 1) {
        const d = dfs(v, Math.min(f, capE[e]));
        if (d > 0) {
          capE[e] -= d;
          capE[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  };
  let flow = 0;
  while (bfs()) {
    it.set(head);
    let f: number;
    while ((f = dfs(S, Infinity)) > 0) flow += f;
  }
  return flow;
}

/**
 * Fewest breaks participant p can have if all its meetings take place, looking at p alone
 * (its meetings' domains, one meeting per slot). A valid lower bound on p's breaks in any full schedule.
 * The search enumerates sets of busy slots made of k runs for k = 1, 2, ... and stops at `maxBreaks`.
 */
export function participantBreakBound(model: Model, p: number, maxBreaks: number): number {
  const { T, dom } = model;
  const ms = model.meetingsOf[p];
  const n = ms.length;
  if (n <= 1) return 0;
  const doms = ms.map((m) => dom[m]);
  const allowedU = new Uint8Array(T);
  for (const d of doms) for (const t of d) allowedU[t] = 1;
  const busy = new Uint8Array(T);
  const allowed = (t: number) => busy[t] === 1;
  let budget = 200_000;
  // Place k runs with total length `left`, the next run starting at `from` or later.
  const place = (k: number, left: number, from: number): boolean => {
    if (k === 0) {
      if (left !== 0) return false;
      if (--budget < 0) throw new Error('budget');
      return matchIntoSlots(doms, allowed, T) === n;
    }
    for (let s = from; s < T; s++) {
      if (!allowedU[s]) continue;
      for (let len = 1; len <= left - (k - 1) && s + len <= T; len++) {
        const e = s + len - 1;
        if (!allowedU[e]) break;
        for (let t = s; t <= e; t++) busy[t] = 1;
        const ok = place(k - 1, left - len, e + 2);
        for (let t = s; t <= e; t++) busy[t] = 0;
        if (ok) return true;
      }
    }
    return false;
  };
  for (let k = 1; k <= maxBreaks + 1; k++) {
    try {
      if (place(k, n, 0)) return k - 1;
    } catch {
      return k - 1;
    }
  }
  return maxBreaks + 1;
}

export interface Analysis {
  /** Set when the input cannot have a schedule with every meeting: the first reason found. */
  infeasible?: string;
  /** Lower bound per participant on breaks when every meeting is scheduled. */
  participantBounds: Int32Array;
  lowerBound: number;
}

function findCycle(model: Model): number[] | null {
  const { M, succs } = model;
  const color = new Uint8Array(M);
  const parent = new Int32Array(M).fill(-1);
  for (let r = 0; r < M; r++) {
    if (color[r]) continue;
    const stack: [number, number][] = [[r, 0]];
    color[r] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [u, i] = top;
      if (i < succs[u].length) {
        top[1]++;
        const v = succs[u][i];
        if (color[v] === 0) {
          color[v] = 1;
          parent[v] = u;
          stack.push([v, 0]);
        } else if (color[v] === 1) {
          const cyc = [v];
          for (let x = u; x !== v; x = parent[x]) cyc.push(x);
          return cyc.reverse();
        }
      } else {
        color[u] = 2;
        stack.pop();
      }
    }
  }
  return null;
}

/**
 * Narrows domains by precedences (only sound when every meeting must take place) and looks for simple,
 * explainable reasons why no schedule with all meetings exists. Reasons name participants and slots so an
 * organiser can act on them.
 */
export function analyse(model: Model, requireAll: boolean): Analysis {
  const { P, M, T, dom, cap, mIds, pIds, ma, mb, meetingsOf, fixedSlot } = model;
  const reasons: string[] = [];
  for (let m = 0; m < M; m++) if (model.blocked[m]) reasons.push(model.blocked[m]!);

  const cycle = findCycle(model);
  if (cycle)
    reasons.push(`precedences form a cycle: ${[...cycle, cycle[0]].map((m) => mIds[m]).join(' before ')}`);
  else if (requireAll && model.preds.some((p) => p.length)) {
    // Earliest/latest slots along precedence chains.
    const order: number[] = [];
    const indeg = new Int32Array(M);
    for (let m = 0; m < M; m++) indeg[m] = model.preds[m].length;
    for (let m = 0; m < M; m++) if (!indeg[m]) order.push(m);
    for (let i = 0; i < order.length; i++)
      for (const s of model.succs[order[i]]) if (--indeg[s] === 0) order.push(s);
    for (const m of order) {
      if (!dom[m].length) continue;
      let lo = -1;
      for (const p of model.preds[m]) lo = Math.max(lo, dom[p].length ? dom[p][0] : T);
      const before = dom[m].length;
      dom[m] = dom[m].filter((t) => t > lo);
      if (!dom[m].length && before)
        reasons.push(
          `meeting ${mIds[m]} must come after ${model.preds[m].map((p) => mIds[p]).join(', ')}, which leaves it no slot`,
        );
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const m = order[i];
      if (!dom[m].length) continue;
      let hi = T;
      for (const s of model.succs[m]) hi = Math.min(hi, dom[s].length ? dom[s][dom[s].length - 1] : -1);
      const before = dom[m].length;
      dom[m] = dom[m].filter((t) => t < hi);
      if (!dom[m].length && before)
        reasons.push(
          `meeting ${mIds[m]} must come before ${model.succs[m].map((s) => mIds[s]).join(', ')}, which leaves it no slot`,
        );
    }
  }

  // Pinned meetings that collide with each other.
  const pinnedAt = new Map<number, number>();
  const pinnedCount = new Int32Array(T);
  for (let m = 0; m < M; m++) {
    const t = fixedSlot[m];
    if (t < 0 || !dom[m].length) continue;
    pinnedCount[t]++;
    for (const p of [ma[m], mb[m]]) {
      const other = pinnedAt.get(p * T + t);
      if (other !== undefined)
        reasons.push(
          `meetings ${mIds[other]} and ${mIds[m]} are both pinned to slot ${t} and both involve ${pIds[p]}`,
        );
      else pinnedAt.set(p * T + t, m);
    }
  }
  for (let t = 0; t < T; t++)
    if (pinnedCount[t] > cap[t])
      reasons.push(`slot ${t} has ${pinnedCount[t]} pinned meetings but only ${cap[t]} places`);
  const tableAt = new Map<string, number>();
  for (let m = 0; m < M; m++) {
    const tb = model.fixedTable[m];
    if (tb === undefined || fixedSlot[m] < 0) continue;
    const key = `${fixedSlot[m]}\u0000${tb}`;
    const other = tableAt.get(key);
    if (other !== undefined)
      reasons.push(
        `meetings ${mIds[other]} and ${mIds[m]} are both pinned to table ${tb} in slot ${fixedSlot[m]}`,
      );
    else tableAt.set(key, m);
  }

  // Each participant's meetings need distinct slots they can attend.
  for (let p = 0; p < P; p++) {
    const ms = meetingsOf[p].filter((m) => dom[m].length);
    if (ms.length <= 1) continue;
    const union = new Set<number>();
    for (const m of ms) for (const t of dom[m]) union.add(t);
    if (ms.length > union.size) {
      reasons.push(`participant ${pIds[p]} has ${ms.length} meetings but only ${union.size} available slots`);
      continue;
    }
    let done = false;
    for (const s of ['AM', 'PM'] as const) {
      const only = ms.filter((m) => dom[m].every((t) => (model.morning[t] === 1) === (s === 'AM')));
      const slots = new Set<number>();
      for (const m of only) for (const t of dom[m]) slots.add(t);
      if (only.length > slots.size) {
        const label = s === 'AM' ? 'morning' : 'afternoon';
        reasons.push(
          `participant ${pIds[p]} has ${only.length} ${label}-only meetings but only ${slots.size} available ${label} slots`,
        );
        done = true;
      }
    }
    if (done) continue;
    const matched = matchIntoSlots(
      ms.map((m) => dom[m]),
      () => true,
      T,
    );
    if (matched < ms.length)
      reasons.push(
        `participant ${pIds[p]} has ${ms.length} meetings but at most ${matched} of them can get distinct slots`,
      );
  }

  // Places per slot.
  const live = Array.from({ length: M }, (_, m) => m).filter((m) => dom[m].length);
  let places = 0;
  for (let t = 0; t < T; t++) places += cap[t];
  if (live.length > places)
    reasons.push(`slot capacity: ${live.length} meetings but only ${places} places in all slots`);
  else {
    for (const s of [1, 0]) {
      const only = live.filter((m) => dom[m].every((t) => model.morning[t] === s));
      let sp = 0;
      for (let t = 0; t < T; t++) if (model.morning[t] === s) sp += cap[t];
      const label = s ? 'morning' : 'afternoon';
      if (only.length > sp)
        reasons.push(`slot capacity: ${only.length} ${label}-only meetings but ${sp} ${label} places`);
    }
    const fit = maxMeetingsIntoSlots(model, live);
    if (fit < live.length)
      reasons.push(
        `slot capacity: only ${fit} of ${live.length} meetings fit in the slots their participants can attend`,
      );
  }

  const participantBounds = new Int32Array(P);
  let lowerBound = 0;
  if (!reasons.length) {
    const d = model.fairness;
    let minMax = Infinity;
    let minMaxWho = -1;
    for (let p = 0; p < P; p++) {
      const most = Math.max(0, meetingsOf[p].length - 1);
      if (most < minMax) {
        minMax = most;
        minMaxWho = p;
      }
    }
    const cutoff = Math.min(T, (Number.isFinite(minMax) ? minMax : 0) + d + 1);
    for (let p = 0; p < P; p++) {
      participantBounds[p] = participantBreakBound(model, p, cutoff);
      lowerBound += participantBounds[p];
      if (minMaxWho >= 0 && participantBounds[p] > minMax + d)
        reasons.push(
          `participant ${pIds[p]} needs at least ${participantBounds[p]} break${participantBounds[p] > 1 ? 's' : ''} with its meetings and available slots, ` +
            `but participant ${pIds[minMaxWho]} can have at most ${minMax} and the fairness limit is ${d}`,
        );
    }
  }
  return { infeasible: requireAll && reasons.length ? reasons[0] : undefined, participantBounds, lowerBound };
}

/** Where a participant's meetings can be when it has no break. */
export interface BreakFreeRuns {
  /** First slot of each run of consecutive slots that can hold all its meetings → per meeting (in
   * `meetingsOf` order) the slots it can take in that run. */
  runs: Map<number, Set<number>[]>;
  /** Per meeting, the first and the last slot it can take in any of those runs. */
  window: [number, number][];
}

/**
 * Participant p without a break has its meetings in one run of consecutive slots, so each meeting can only
 * take a slot of a run that can hold all of them at once (one meeting per slot, each in its domain).
 * Null when no run can: p always has a break.
 */
export function breakFreeRuns(model: Model, p: number): BreakFreeRuns | null {
  const { T, dom } = model;
  const ms = model.meetingsOf[p];
  const n = ms.length;
  const doms = ms.map((m) => dom[m]);
  const runs = new Map<number, Set<number>[]>();
  const window: [number, number][] = ms.map(() => [T, -1]);
  for (let st = 0; st + n <= T; st++) {
    const inRun = (t: number) => t >= st && t < st + n;
    if (matchIntoSlots(doms, inRun, T) < n) continue;
    const slots = ms.map(() => new Set<number>());
    for (let i = 0; i < n; i++) {
      const others = doms.filter((_, j) => j !== i);
      for (const s of doms[i]) {
        if (!inRun(s) || matchIntoSlots(others, (t) => inRun(t) && t !== s, T) < n - 1) continue;
        slots[i].add(s);
        window[i] = [Math.min(window[i][0], s), Math.max(window[i][1], s)];
      }
    }
    runs.set(st, slots);
  }
  return runs.size ? { runs, window } : null;
}

/** "At least `need` of `partners` have a break": more of hub's meetings than its free slots in a span. */
export interface HallSet {
  hub: number;
  first: number;
  last: number;
  partners: number[];
  need: number;
}

/**
 * Hall's condition on each participant's slots: when more of its meetings must fall between two slots,
 * because their partners have no break, than it has slots there, enough of those partners have a break.
 * `runs[q]` is q's `breakFreeRuns` (null: q always has a break; undefined: q never has one, its meetings
 * keep their whole domain). A set whose `need` exceeds its partners means no complete schedule exists.
 */
export function hallSets(model: Model, runs: (BreakFreeRuns | null | undefined)[]): HallSet[] {
  const { P, T, dom, ma, mb, meetingsOf } = model;
  const out: HallSet[] = [];
  for (let h = 0; h < P; h++) {
    const spans: { lo: number; hi: number; q: number | null }[] = [];
    const slotsOfH = new Uint8Array(T);
    for (const m of meetingsOf[h]) {
      for (const t of dom[m]) slotsOfH[t] = 1;
      const q = ma[m] === h ? mb[m] : ma[m];
      const r = runs[q];
      if (r === null) continue;
      if (r === undefined) spans.push({ lo: Math.min(...dom[m]), hi: Math.max(...dom[m]), q: null });
      else {
        const [lo, hi] = r.window[meetingsOf[q].indexOf(m)];
        spans.push({ lo, hi, q });
      }
    }
    if (spans.length < 2) continue;
    const los = [...new Set(spans.map((w) => w.lo))];
    const his = [...new Set(spans.map((w) => w.hi))];
    for (const first of los)
      for (const last of his) {
        if (last < first) continue;
        const inside = spans.filter((w) => w.lo >= first && w.hi <= last);
        let room = 0;
        for (let t = first; t <= last; t++) room += slotsOfH[t];
        const need = inside.length - room;
        if (need <= 0) continue;
        const partners = inside.map((w) => w.q).filter((q): q is number => q !== null);
        out.push({ hub: h, first, last, partners, need });
      }
  }
  return out;
}
