import type { ForumSlot, ForumTable, GridMeeting } from '../../../api/consoleForum';

/*
 * The slots x tables grid of a schedule: which meeting sits in which cell, and what the organiser
 * should know before moving one (the database is what refuses a double booking; this only warns).
 */

export interface GridRow {
  slot: ForumSlot;
  /** One entry per table, in the tables' order: the meeting there, or null. */
  cells: (GridMeeting | null)[];
}

export interface Grid {
  rows: GridRow[];
  /** Meetings of a slot without a table (or at a table not listed), shown beside the grid. */
  tableless: GridMeeting[];
}

/** The grid of the given slots (breaks left out) and tables. */
export function buildGrid(slots: ForumSlot[], tables: ForumTable[], meetings: GridMeeting[]): Grid {
  const column = new Map(tables.map((t, i) => [t.id, i]));
  const byCell = new Map<string, GridMeeting>();
  const tableless: GridMeeting[] = [];
  for (const m of meetings) {
    if (m.status === 'CANCELLED') continue;
    if (m.tableId && column.has(m.tableId)) byCell.set(`${m.slotId} ${m.tableId}`, m);
    else tableless.push(m);
  }
  const rows = slots
    .filter((s) => !s.isBreak)
    .sort((a, b) => a.position - b.position)
    .map((slot) => ({ slot, cells: tables.map((t) => byCell.get(`${slot.id} ${t.id}`) ?? null) }));
  return { rows, tableless };
}

export type MoveWarning = 'TABLE_BUSY' | 'PARTICIPANT_BUSY' | null;

/** What a move of `meeting` to (slot, table) would collide with in the schedule as loaded. */
export function moveWarning(
  meetings: GridMeeting[],
  meeting: GridMeeting,
  slotId: string,
  tableId: string | null,
): MoveWarning {
  const people = new Set([meeting.delegateId, meeting.counterpartDelegateId]);
  const others = meetings.filter(
    (m) => m.meetingId !== meeting.meetingId && m.status !== 'CANCELLED' && m.slotId === slotId,
  );
  if (tableId && others.some((m) => m.tableId === tableId)) return 'TABLE_BUSY';
  if (others.some((m) => people.has(m.delegateId) || people.has(m.counterpartDelegateId)))
    return 'PARTICIPANT_BUSY';
  return null;
}

/** The delegates whose published agenda a publication would change: new, moved or cancelled meetings. */
export function delegatesToNotify(draft: GridMeeting[], published: GridMeeting[]): Set<string> {
  const before = new Map(published.map((m) => [m.meetingId, m]));
  const after = new Map(draft.map((m) => [m.meetingId, m]));
  const changed = new Set<string>();
  const mark = (m: GridMeeting) => {
    changed.add(m.delegateId);
    changed.add(m.counterpartDelegateId);
  };
  for (const m of draft) {
    const p = before.get(m.meetingId);
    if (!p || p.slotId !== m.slotId || p.tableId !== m.tableId) mark(m);
  }
  for (const p of published) if (p.status !== 'CANCELLED' && !after.has(p.meetingId)) mark(p);
  return changed;
}
