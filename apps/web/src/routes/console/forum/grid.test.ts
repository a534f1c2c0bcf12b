import { describe, expect, it } from 'vitest';
import type { ForumSlot, ForumTable, GridMeeting } from '../../../api/consoleForum';
import { buildGrid, delegatesToNotify, moveWarning } from './grid';

const slot = (id: string, position: number, isBreak = false): ForumSlot => ({
  id,
  position,
  isBreak,
  day: '2031-03-14',
  session: 'MORNING',
  startsAt: '',
  endsAt: '',
});
const table = (id: string): ForumTable => ({
  id,
  label: id.toUpperCase(),
  capacity: 2,
  interpreter: false,
  languages: [],
  active: true,
  organizationId: null,
});
const meeting = (
  id: string,
  slotId: string,
  tableId: string | null,
  a: string,
  b: string,
  status: GridMeeting['status'] = 'DRAFT',
): GridMeeting => ({
  meetingId: id,
  status,
  pinned: false,
  requestId: null,
  slotId,
  tableId,
  tableLabel: tableId,
  delegateId: a,
  delegateName: a,
  organizationName: '',
  counterpartDelegateId: b,
  counterpartDelegateName: b,
  counterpartOrganizationName: '',
});

const slots = [slot('s2', 2), slot('s1', 1), slot('brk', 3, true)];
const tables = [table('t1'), table('t2')];

describe('buildGrid', () => {
  it('puts each meeting in its slot and table cell, slots in order, without breaks or cancelled meetings', () => {
    const m1 = meeting('m1', 's1', 't2', 'a', 'b');
    const m2 = meeting('m2', 's2', 't1', 'c', 'd');
    const gone = meeting('m3', 's1', 't1', 'e', 'f', 'CANCELLED');
    const loose = meeting('m4', 's2', null, 'g', 'h');
    const grid = buildGrid(slots, tables, [m1, m2, gone, loose]);
    expect(grid.rows.map((r) => [r.slot.id, r.cells.map((c) => c?.meetingId ?? null)])).toEqual([
      ['s1', [null, 'm1']],
      ['s2', ['m2', null]],
    ]);
    expect(grid.tableless).toEqual([loose]);
  });
});

describe('moveWarning', () => {
  const m1 = meeting('m1', 's1', 't1', 'a', 'b');
  const m2 = meeting('m2', 's2', 't1', 'c', 'd');
  const m3 = meeting('m3', 's2', 't2', 'b', 'e');
  const all = [m1, m2, m3];
  it('warns when the table or one of the two people is taken in the target slot', () => {
    expect(moveWarning(all, m1, 's2', 't1')).toBe('TABLE_BUSY');
    expect(moveWarning(all, m1, 's2', null)).toBe('PARTICIPANT_BUSY');
    expect(moveWarning(all, m2, 's1', 't2')).toBeNull();
    // Its own cell does not count against it.
    expect(moveWarning(all, m1, 's1', 't1')).toBeNull();
  });
});

describe('delegatesToNotify', () => {
  it('names both sides of new, moved and dropped meetings, not of unchanged ones', () => {
    const published = [
      meeting('m1', 's1', 't1', 'a', 'b', 'PUBLISHED'),
      meeting('m2', 's1', 't2', 'c', 'd', 'PUBLISHED'),
      meeting('m5', 's2', 't2', 'x', 'y', 'PUBLISHED'),
    ];
    const draft = [
      meeting('m1', 's1', 't1', 'a', 'b'),
      meeting('m2', 's2', 't2', 'c', 'd'),
      meeting('m4', 's2', 't1', 'e', 'f'),
    ];
    expect([...delegatesToNotify(draft, published)].sort()).toEqual(['c', 'd', 'e', 'f', 'x', 'y']);
  });
});
