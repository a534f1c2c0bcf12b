import type { ForumSlot, ForumTable, GridMeeting } from '../../../../api/consoleForum';
import { buildGrid } from '../grid';

/*
 * What the printed pages and the venue desk's board show, from the published schedule: one agenda
 * per delegate, one sheet per table, badges in pages, and the round on now. Pure functions of the
 * api's data, tested in printData.test.ts.
 */

export interface Person {
  delegateId: string;
  name: string;
  organization: string;
}

export interface AgendaLine {
  meetingId: string;
  slot: ForumSlot;
  tableLabel: string | null;
  counterpart: Person;
}

export interface DelegateAgenda extends Person {
  lines: AgendaLine[];
}

const live = (m: GridMeeting) => m.status !== 'CANCELLED';

/**
 * Every listed delegate's agenda (in the order given), each meeting in slot order, whichever side
 * of the meeting the api listed it from.
 */
export function delegateAgendas(
  people: Person[],
  meetings: GridMeeting[],
  slots: ForumSlot[],
): DelegateAgenda[] {
  const slotOf = new Map(slots.map((s) => [s.id, s]));
  const lines = new Map<string, AgendaLine[]>(people.map((p) => [p.delegateId, []]));
  for (const m of meetings.filter(live)) {
    const slot = slotOf.get(m.slotId);
    if (!slot) continue;
    const a = { delegateId: m.delegateId, name: m.delegateName, organization: m.organizationName };
    const b = {
      delegateId: m.counterpartDelegateId,
      name: m.counterpartDelegateName,
      organization: m.counterpartOrganizationName,
    };
    lines.get(a.delegateId)?.push({ meetingId: m.meetingId, slot, tableLabel: m.tableLabel, counterpart: b });
    lines.get(b.delegateId)?.push({ meetingId: m.meetingId, slot, tableLabel: m.tableLabel, counterpart: a });
  }
  return people.map((p) => ({
    ...p,
    lines: (lines.get(p.delegateId) ?? []).sort((x, y) => x.slot.startsAt.localeCompare(y.slot.startsAt)),
  }));
}

export interface TableSheet {
  table: ForumTable;
  rows: { slot: ForumSlot; meeting: GridMeeting | null }[];
}

/** One sheet per active table (labels in natural order: T2 before T10), a row per meeting slot. */
export function tableSheets(tables: ForumTable[], meetings: GridMeeting[], slots: ForumSlot[]): TableSheet[] {
  const active = tables
    .filter((t) => t.active)
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  const grid = buildGrid(slots, active, meetings);
  return active.map((table, i) => ({
    table,
    rows: grid.rows.map((r) => ({ slot: r.slot, meeting: r.cells[i] })),
  }));
}

/** `items` in groups of `size` (the last one shorter), e.g. badges by printed page. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type RoundState = 'NOW' | 'NEXT' | 'OVER';

/** The round the desk watches: the meeting slot on now, else the next one, else the last one. */
export function currentRound(slots: ForumSlot[], now: Date): { slot: ForumSlot; state: RoundState } | null {
  const rounds = slots.filter((s) => !s.isBreak).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (!rounds.length) return null;
  const t = now.getTime();
  const on = rounds.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt));
  if (on) return { slot: on, state: 'NOW' };
  const next = rounds.find((s) => Date.parse(s.startsAt) > t);
  if (next) return { slot: next, state: 'NEXT' };
  return { slot: rounds[rounds.length - 1], state: 'OVER' };
}
