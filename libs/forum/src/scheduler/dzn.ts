import type { SchedulerInput, SchedulerMeeting, SessionRestriction } from './types.js';

type DznValue = number | DznValue[] | { set: number[] } | { rows: number[][] };

/** Tokens of the MiniZinc data subset used by the B2B instances: ints, ranges, arrays, 2-D arrays, sets. */
function tokenize(text: string): string[] {
  const noComments = text.replace(/%[^\n]*/g, '');
  return noComments.match(/\[\||\|\]|\.\.|-?\d+|[[\]{}|,;=]|[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

/** Parses `name = value;` items of a MiniZinc .dzn file into plain values. */
export function parseDznValues(text: string): Map<string, DznValue> {
  const tokens = tokenize(text);
  let i = 0;
  const expect = (tok: string) => {
    if (tokens[i] !== tok)
      throw new Error(`dzn: expected "${tok}" but found "${tokens[i] ?? 'end of file'}"`);
    i++;
  };
  const int = (): number => {
    const t = tokens[i++];
    if (t === undefined || !/^-?\d+$/.test(t))
      throw new Error(`dzn: expected a number but found "${t ?? 'end'}"`);
    return Number(t);
  };
  const value = (): DznValue => {
    const t = tokens[i];
    if (t === '[|') {
      i++;
      const rows: number[][] = [];
      let row: number[] = [];
      while (tokens[i] !== '|]') {
        if (tokens[i] === '|') {
          i++;
          rows.push(row);
          row = [];
        } else if (tokens[i] === ',') i++;
        else row.push(int());
      }
      i++;
      rows.push(row);
      return { rows: rows.filter((r) => r.length) };
    }
    if (t === '[') {
      i++;
      const xs: DznValue[] = [];
      while (tokens[i] !== ']') {
        if (tokens[i] === ',') i++;
        else xs.push(value());
      }
      i++;
      return xs;
    }
    if (t === '{') {
      i++;
      const xs: number[] = [];
      while (tokens[i] !== '}') {
        if (tokens[i] === ',') i++;
        else {
          const a = int();
          if (tokens[i] === '..') {
            i++;
            const b = int();
            for (let k = a; k <= b; k++) xs.push(k);
          } else xs.push(a);
        }
      }
      i++;
      return { set: xs };
    }
    const a = int();
    if (tokens[i] === '..') {
      i++;
      const b = int();
      const xs: number[] = [];
      for (let k = a; k <= b; k++) xs.push(k);
      return { set: xs };
    }
    return a;
  };
  const out = new Map<string, DznValue>();
  while (i < tokens.length) {
    const name = tokens[i++];
    expect('=');
    out.set(name, value());
    if (tokens[i] === ';') i++;
  }
  return out;
}

export interface DznInstance {
  input: SchedulerInput;
  participants: number;
  meetings: number;
  slots: number;
  tables: number;
  morningSlots: number;
}

/**
 * Reads a B2B instance in the JAIR 2022 benchmark format (see the benchmark README): participants and
 * meetings keep their 1-based numbers as ids, slots become 0-based, `nTables` is the capacity of each slot,
 * session codes 1/2/3 are morning only / afternoon only / either.
 */
export function parseDzn(text: string, fairness = 2): DznInstance {
  const v = parseDznValues(text);
  const num = (k: string): number => {
    const x = v.get(k);
    if (typeof x !== 'number') throw new Error(`dzn: ${k} is missing or not a number`);
    return x;
  };
  const P = num('nBusiness');
  const M = num('nMeetings');
  const L = num('nTables');
  const T = num('nTotalSlots');
  const A = v.has('nMorningSlots') ? num('nMorningSlots') : T;
  const req = v.get('requested');
  if (!req || typeof req !== 'object' || !('rows' in req)) throw new Error('dzn: requested is missing');
  if (req.rows.length !== M) throw new Error(`dzn: requested has ${req.rows.length} rows, nMeetings is ${M}`);
  const sets = (k: string): number[][] | undefined => {
    const x = v.get(k);
    if (x === undefined) return undefined;
    if (!Array.isArray(x)) throw new Error(`dzn: ${k} is not an array`);
    return x.map((e) => (typeof e === 'object' && 'set' in e ? e.set : typeof e === 'number' ? [e] : []));
  };
  const forbidden = sets('forbidden') ?? [];
  const fixedRaw = v.get('fixed');
  const fixed = Array.isArray(fixedRaw) ? fixedRaw.map((x) => (typeof x === 'number' ? x : 0)) : [];
  const precedences = sets('precedences') ?? [];
  const code: Record<number, SessionRestriction> = { 1: 'AM', 2: 'PM', 3: 'ANY' };
  const meetings: SchedulerMeeting[] = req.rows.map(([a, b, s], k) => {
    const m: SchedulerMeeting = { id: String(k + 1), a: String(a), b: String(b), session: code[s] ?? 'ANY' };
    if (fixed[k] > 0) m.pinned = { slot: fixed[k] - 1 };
    const after = (precedences[k] ?? []).filter((x) => x >= 1 && x <= M).map(String);
    if (after.length) m.after = after;
    return m;
  });
  const input: SchedulerInput = {
    participants: Array.from({ length: P }, (_, p) => ({
      id: String(p + 1),
      unavailable: (forbidden[p] ?? []).filter((s) => s >= 1 && s <= T).map((s) => s - 1),
    })),
    slots: Array.from({ length: T }, (_, t) => ({
      session: t < A ? ('morning' as const) : ('afternoon' as const),
    })),
    capacity: L,
    meetings,
    fairness,
  };
  return { input, participants: P, meetings: M, slots: T, tables: L, morningSlots: A };
}
