import { describe, expect, it } from 'vitest';
import type { ForumSlot, ForumTable, GridMeeting } from '../../../../api/consoleForum';
import { chunk, currentRound, delegateAgendas, tableSheets } from './printData';

const slot = (id: string, position: number, start: string, end: string, isBreak = false): ForumSlot => ({
  id,
  day: '2031-03-14',
  position,
  session: 'MORNING',
  startsAt: `2031-03-14T${start}:00.000Z`,
  endsAt: `2031-03-14T${end}:00.000Z`,
  isBreak,
});
const SLOTS = [
  slot('s2', 2, '08:20', '08:40'),
  slot('s1', 1, '08:00', '08:20'),
  slot('br', 3, '08:40', '09:00', true),
  slot('s3', 4, '09:00', '09:20'),
];
const table = (id: string, label: string, active = true): ForumTable => ({
  id,
  label,
  capacity: 2,
  interpreter: false,
  languages: [],
  active,
  organizationId: null,
});
const TABLES = [table('t10', 'T10'), table('t2', 'T2'), table('tx', 'T3', false)];
const meeting = (
  id: string,
  slotId: string,
  tableId: string | null,
  a: [string, string, string],
  b: [string, string, string],
  status: GridMeeting['status'] = 'PUBLISHED',
): GridMeeting => ({
  meetingId: id,
  status,
  pinned: false,
  requestId: null,
  slotId,
  tableId,
  tableLabel: tableId === 't2' ? 'T2' : tableId === 't10' ? 'T10' : null,
  delegateId: a[0],
  delegateName: a[1],
  organizationName: a[2],
  counterpartDelegateId: b[0],
  counterpartDelegateName: b[1],
  counterpartOrganizationName: b[2],
});
const AMINA = ['da', 'Amina', 'Atelier'] as [string, string, string];
const BILAL = ['db', 'Bilal', 'Banque'] as [string, string, string];
const CHADI = ['dc', 'Chadi', 'Cimenterie'] as [string, string, string];
const MEETINGS = [
  meeting('m2', 's2', 't2', CHADI, AMINA),
  meeting('m1', 's1', 't10', AMINA, BILAL),
  meeting('mx', 's3', 't2', AMINA, CHADI, 'CANCELLED'),
];

describe('delegate agendas', () => {
  it('lists each meeting on both sides, in slot order, without cancelled ones', () => {
    const people = [
      { delegateId: 'da', name: 'Amina', organization: 'Atelier' },
      { delegateId: 'dd', name: 'Dalia', organization: 'Dune' },
      { delegateId: 'db', name: 'Bilal', organization: 'Banque' },
    ];
    const agendas = delegateAgendas(people, MEETINGS, SLOTS);
    expect(
      agendas.map((a) => [
        a.delegateId,
        a.lines.map((l) => [l.meetingId, l.slot.id, l.tableLabel, l.counterpart.name]),
      ]),
    ).toEqual([
      [
        'da',
        [
          ['m1', 's1', 'T10', 'Bilal'],
          ['m2', 's2', 'T2', 'Chadi'],
        ],
      ],
      ['dd', []],
      ['db', [['m1', 's1', 'T10', 'Amina']]],
    ]);
    expect(agendas[0].lines[1].counterpart).toEqual({
      delegateId: 'dc',
      name: 'Chadi',
      organization: 'Cimenterie',
    });
  });
});

describe('table sheets', () => {
  it('gives each active table, in natural label order, a row per meeting slot', () => {
    const sheets = tableSheets(TABLES, MEETINGS, SLOTS);
    expect(
      sheets.map((s) => [s.table.label, s.rows.map((r) => [r.slot.id, r.meeting?.meetingId ?? null])]),
    ).toEqual([
      [
        'T2',
        [
          ['s1', null],
          ['s2', 'm2'],
          ['s3', null],
        ],
      ],
      [
        'T10',
        [
          ['s1', 'm1'],
          ['s2', null],
          ['s3', null],
        ],
      ],
    ]);
  });
});

describe('pages and rounds', () => {
  it('cuts badges into pages', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 8)).toEqual([]);
  });

  it('watches the slot on now, else the next one, else the last one', () => {
    const at = (hm: string) => new Date(`2031-03-14T${hm}:00.000Z`);
    expect(currentRound(SLOTS, at('08:25'))).toMatchObject({ slot: { id: 's2' }, state: 'NOW' });
    expect(currentRound(SLOTS, at('08:20'))).toMatchObject({ slot: { id: 's2' }, state: 'NOW' });
    expect(currentRound(SLOTS, at('07:00'))).toMatchObject({ slot: { id: 's1' }, state: 'NEXT' });
    expect(currentRound(SLOTS, at('08:50'))).toMatchObject({ slot: { id: 's3' }, state: 'NEXT' });
    expect(currentRound(SLOTS, at('10:00'))).toMatchObject({ slot: { id: 's3' }, state: 'OVER' });
    expect(currentRound([], at('10:00'))).toBeNull();
  });
});
