import {
  acceptedRequest,
  createEdition,
  createOrganization,
  errorOf,
  forumHarness,
  registerDelegates,
  type ForumHarness,
} from '../forum.test-fixtures.js';
import { buildSchedulerInput } from '../schedule/build-input.js';
import { scheduleMeetings } from '../scheduler/index.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';

/*
 * Double booking is refused by Postgres itself: many bookings fired at once for the same person or
 * table, and a booking racing the scheduler's write, leave exactly one meeting per person and table
 * per slot; every loser gets SLOT_TAKEN.
 */

let h: ForumHarness;
beforeAll(async () => {
  h = await forumHarness(24);
});
afterAll(() => h.close());

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason as { extensions?: { code?: string } }).extensions?.code : 'OK';

/** Live meetings per (slot, delegate) and (slot, table) above one: must always be empty. */
async function doubleBookings(editionId: string): Promise<unknown[]> {
  return h.db.query(
    `SELECT 'delegate' AS what, p.slot_id, p.delegate_id::text AS who, count(*)::int AS n
       FROM forum_meeting_participant p JOIN forum_meeting mt ON mt.id = p.meeting_id
      WHERE mt.edition_id = $1 AND mt.status <> 'CANCELLED'
      GROUP BY p.slot_id, p.delegate_id HAVING count(*) > 1
     UNION ALL
     SELECT 'table', slot_id, table_id::text, count(*)::int FROM forum_meeting
      WHERE edition_id = $1 AND status <> 'CANCELLED' AND table_id IS NOT NULL
      GROUP BY slot_id, table_id HAVING count(*) > 1`,
    [editionId],
  );
}

async function delegates(editionId: string, n: number): Promise<ForumDelegateEntity[]> {
  const out: ForumDelegateEntity[] = [];
  for (let i = 0; i < n; i++)
    out.push((await registerDelegates(h, editionId, await createOrganization(h.db), 1))[0]);
  return out;
}

it('lets one of many simultaneous bookings of the same delegate in a slot win', async () => {
  const e = await createEdition(h);
  const tables = await h.tables.add(
    e.id,
    Array.from({ length: 20 }, (_, i) => ({ label: `T${i + 1}` })),
  );
  const [busy, ...others] = await delegates(e.id, 13);
  const requests = [];
  for (const o of others) requests.push(await acceptedRequest(h, e.id, o, busy));
  const slot = (await h.editions.slots(e.id))[1];
  // Each booking at its own table: only the delegate constraint can refuse them.
  const results = await Promise.allSettled(
    requests.map((r, i) => h.meetings.book(r.id, slot.id, tables[i].id)),
  );
  expect(results.map(codeOf).filter((c) => c === 'OK')).toHaveLength(1);
  expect(results.map(codeOf).filter((c) => c !== 'OK')).toEqual(Array(11).fill('SLOT_TAKEN'));
  const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect((rejected.reason as { extensions: { reason: string } }).extensions.reason).toBe('PARTICIPANT_BUSY');
  expect(await doubleBookings(e.id)).toEqual([]);
});

it('lets one of many simultaneous bookings of the same table in a slot win', async () => {
  const e = await createEdition(h);
  const [table] = await h.tables.add(e.id, [{ label: 'A1' }]);
  const people = await delegates(e.id, 16);
  const requests = [];
  for (let i = 0; i < people.length; i += 2)
    requests.push(await acceptedRequest(h, e.id, people[i], people[i + 1]));
  const slot = (await h.editions.slots(e.id))[0];
  const results = await Promise.allSettled(requests.map((r) => h.meetings.book(r.id, slot.id, table.id)));
  expect(results.map(codeOf).sort()).toEqual(['OK', ...Array(7).fill('SLOT_TAKEN')]);
  expect(await doubleBookings(e.id)).toEqual([]);
});

it('refuses a second live meeting at the database level, whatever the code does', async () => {
  const e = await createEdition(h);
  const [a, b, c] = await delegates(e.id, 3);
  const r1 = await acceptedRequest(h, e.id, a, b);
  const r2 = await acceptedRequest(h, e.id, c, a);
  const [slot] = await h.editions.slots(e.id);
  const m1 = await h.meetings.book(r1.id, slot.id, null);
  const raw = () =>
    h.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, status, uid)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, $3, 'DRAFT', 'raw@test')`,
        [e.id, r2.id, slot.id],
      );
      await m.query(
        `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, 'DRAFT')`,
        [a.id, slot.id],
      );
    });
  await expect(raw()).rejects.toMatchObject({
    driverError: { code: '23505', constraint: 'forum_participant_slot_idx' },
  });
  // A participant row cannot disagree with its meeting's slot either.
  await expect(
    h.db.query(`UPDATE forum_meeting_participant SET slot_id = $2 WHERE meeting_id = $1`, [
      m1.id,
      (await h.editions.slots(e.id))[1].id,
    ]),
  ).rejects.toMatchObject({ driverError: { code: '23503' } });
  // Cancelling the meeting frees the slot for the participants (the status follows the meeting).
  await h.meetings.cancel(m1.id);
  await expect(h.meetings.book(r2.id, slot.id, null)).resolves.toMatchObject({ status: 'PUBLISHED' });
});

it('never double-books when a manual booking races the scheduler writing its draft', async () => {
  const e = await createEdition(h);
  await h.tables.add(
    e.id,
    Array.from({ length: 4 }, (_, i) => ({ label: `T${i + 1}` })),
  );
  const people = await delegates(e.id, 8);
  // Everyone meets everyone in the other half: 16 meetings for 16 slots, 4 tables.
  for (let i = 0; i < 4; i++)
    for (let j = 4; j < 8; j++) await acceptedRequest(h, e.id, people[i], people[j]);
  const outcomes: string[] = [];
  for (let round = 0; round < 6; round++) {
    const built = buildSchedulerInput(await h.runner.snapshot(e.id), false);
    const result = await scheduleMeetings(built.input, {
      ...built.options,
      timeLimitMs: 2000,
      exact: false,
      seed: round + 1,
    });
    // A late meeting for people[0] in the very slot the scheduler gave one of people[0]'s meetings.
    const mine = result.assignments.find(
      (a) => built.input.meetings.find((m) => m.id === a.meetingId)?.a === people[0].id,
    )!;
    const slotId = built.slotIds[mine.slot];
    const late = (await delegates(e.id, 1))[0];
    const req = await acceptedRequest(h, e.id, late, people[0]);
    const [persist, booking] = await Promise.allSettled([
      h.runner.persist(e.id, built, result, false),
      h.meetings.book(req.id, slotId, null),
    ]);
    const codes = [codeOf(persist), codeOf(booking)];
    for (const r of [persist, booking]) if (r.status === 'rejected' && !codeOf(r)) throw r.reason;
    // Exactly one wins; the loser is told the slot is taken.
    expect(codes.sort()).toEqual(['OK', 'SLOT_TAKEN']);
    outcomes.push(codeOf(persist) === 'OK' ? 'scheduler' : 'booking');
    expect(await doubleBookings(e.id)).toEqual([]);
    // Reset for the next round: the late request and every meeting go.
    await h.requests.cancel(req.id, null, null);
    await h.db.query(`DELETE FROM forum_meeting WHERE edition_id = $1`, [e.id]);
  }
  expect(outcomes).toHaveLength(6);
});

it('reports SLOT_TAKEN from the scheduler write when a booking committed first', async () => {
  const e = await createEdition(h);
  const [a, b, c] = await delegates(e.id, 3);
  await acceptedRequest(h, e.id, a, b);
  const built = buildSchedulerInput(await h.runner.snapshot(e.id), false);
  const result = await scheduleMeetings(built.input, { ...built.options, timeLimitMs: 1000 });
  const late = await acceptedRequest(h, e.id, c, a);
  await h.meetings.book(late.id, built.slotIds[result.assignments[0].slot], null);
  const err = await errorOf(h.runner.persist(e.id, built, result, false));
  expect(err.extensions).toMatchObject({ code: 'SLOT_TAKEN', reason: 'PARTICIPANT_BUSY' });
  // The failed write left nothing behind; a fresh run places the meeting around the booking.
  const [{ n }] = await h.db.query(
    `SELECT count(*)::int AS n FROM forum_meeting WHERE edition_id = $1 AND status = 'DRAFT'`,
    [e.id],
  );
  expect(n).toBe(0);
});

it('answers every cancellation racing the scheduler moving published meetings, and keeps them cancelled', async () => {
  const e = await createEdition(h);
  const tables = await h.tables.add(
    e.id,
    Array.from({ length: 4 }, (_, i) => ({ label: `T${i + 1}` })),
  );
  const people = await delegates(e.id, 8);
  // Delegate i (0-3) meets delegate j (4-7) in slot (i + j) % 4 at table i: 16 meetings, no clash.
  const pairs: { requestId: string; slot: number; table: string }[] = [];
  for (let i = 0; i < 4; i++)
    for (let j = 4; j < 8; j++)
      pairs.push({
        requestId: (await acceptedRequest(h, e.id, people[i], people[j])).id,
        slot: (i + j) % 4,
        table: tables[i].id,
      });
  const failures: string[] = [];
  for (let round = 0; round < 12; round++) {
    await h.db.query(`DELETE FROM forum_meeting WHERE edition_id = $1`, [e.id]);
    const first = buildSchedulerInput(await h.runner.snapshot(e.id), false);
    await h.runner.persist(
      e.id,
      first,
      { assignments: pairs.map((p) => ({ meetingId: p.requestId, slot: p.slot, table: p.table })) },
      false,
    );
    await h.publisher.publish(e.id);
    const live = await h.db.query<{ id: string; request_id: string }[]>(
      `SELECT id, request_id FROM forum_meeting WHERE edition_id = $1 ORDER BY id`,
      [e.id],
    );
    expect(live).toHaveLength(16);
    // The scheduler moves every published meeting one slot later while half of them are cancelled.
    const built = buildSchedulerInput(await h.runner.snapshot(e.id), true);
    const later = {
      assignments: pairs.map((p) => ({ meetingId: p.requestId, slot: p.slot + 1, table: p.table })),
    };
    const victims = live.filter((_, i) => i % 2 === round % 2);
    const [save, ...cancels] = await Promise.allSettled([
      h.runner.persist(e.id, built, later, true),
      ...victims.map((v) => h.meetings.cancel(v.id)),
    ]);
    for (const r of [save, ...cancels])
      if (r.status === 'rejected')
        failures.push(`${codeOf(r) ?? 'INTERNAL'}: ${(r.reason as Error).message}`);
    // Cancelled meetings stay cancelled (the save did not bring one back); each participant has the
    // agenda change of the publication and that of the cancellation.
    const rows = await h.db.query<{ id: string; status: string; changes: number }[]>(
      `SELECT mt.id, mt.status,
              (SELECT count(*)::int FROM forum_agenda_change c WHERE mt.id = ANY(c.meeting_ids)
                  AND c.published_version = e.published_version) AS changes
         FROM forum_meeting mt JOIN forum_edition e ON e.id = mt.edition_id
        WHERE mt.id = ANY($1::uuid[])`,
      [victims.map((v) => v.id)],
    );
    expect(rows.map((r) => [r.status, r.changes])).toEqual(victims.map(() => ['CANCELLED', 4]));
    // The others moved one slot later; requests whose meeting was cancelled before the save read the
    // schedule got a new draft there. Nobody is double-booked.
    expect(await doubleBookings(e.id)).toEqual([]);
    const spared = await h.db.query<{ request_id: string; slot_id: string; status: string }[]>(
      `SELECT request_id, slot_id, status FROM forum_meeting WHERE id = ANY($1::uuid[])`,
      [live.filter((l) => !victims.includes(l)).map((l) => l.id)],
    );
    const slotOf = new Map(pairs.map((p) => [p.requestId, built.slotIds[p.slot + 1]]));
    for (const m of spared) expect([m.status, m.slot_id]).toEqual(['PUBLISHED', slotOf.get(m.request_id)]);
  }
  expect(failures).toEqual([]);
});

it('fills the free tables when many bookings without a table hit one slot at once', async () => {
  const e = await createEdition(h);
  await h.tables.add(
    e.id,
    Array.from({ length: 30 }, (_, i) => ({ label: `T${String(i + 1).padStart(2, '0')}` })),
  );
  const people = await delegates(e.id, 48);
  const requests = [];
  for (let i = 0; i < 48; i += 2) requests.push(await acceptedRequest(h, e.id, people[i], people[i + 1]));
  const slot = (await h.editions.slots(e.id))[1];
  const results = await Promise.allSettled(requests.map((r) => h.meetings.book(r.id, slot.id, null)));
  expect(results.map(codeOf)).toEqual(Array(24).fill('OK'));
  const placed = results.map((r) => (r as PromiseFulfilledResult<{ tableId: string }>).value.tableId);
  expect(new Set(placed).size).toBe(24);
  expect(await doubleBookings(e.id)).toEqual([]);
  // With every table taken, one more booking is refused with TABLE_BUSY, not placed without a table.
  const extra = await delegates(e.id, 14);
  const more = [];
  for (let i = 0; i < 14; i += 2) more.push(await acceptedRequest(h, e.id, extra[i], extra[i + 1]));
  const rest = await Promise.allSettled(more.map((r) => h.meetings.book(r.id, slot.id, null)));
  expect(rest.map(codeOf).sort()).toEqual([...Array(6).fill('OK'), 'SLOT_TAKEN']);
  const refused = rest.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect((refused.reason as { extensions: { reason: string } }).extensions.reason).toBe('TABLE_BUSY');
});

it('fills the free tables when many moves without a table hit one slot at once', async () => {
  const e = await createEdition(h);
  const tables = await h.tables.add(
    e.id,
    Array.from({ length: 30 }, (_, i) => ({ label: `M${String(i + 1).padStart(2, '0')}` })),
  );
  const people = await delegates(e.id, 48);
  const [from, to] = (await h.editions.slots(e.id)).filter((s) => !s.isBreak);
  const meetings = [];
  for (let i = 0; i < 48; i += 2) {
    const r = await acceptedRequest(h, e.id, people[i], people[i + 1]);
    meetings.push(await h.meetings.book(r.id, from.id, tables[i / 2].id));
  }
  // Two tables of the target slot are already taken: the moves must fill the other 28.
  const [blockA, blockB] = await delegates(e.id, 2);
  const blocker = await acceptedRequest(h, e.id, blockA, blockB);
  await h.meetings.book(blocker.id, to.id, tables[0].id);
  const results = await Promise.allSettled(meetings.map((mt) => h.meetings.move(mt.id, to.id, null)));
  expect(results.map(codeOf)).toEqual(Array(24).fill('OK'));
  const placed = results.map((r) => (r as PromiseFulfilledResult<{ tableId: string; slotId: string }>).value);
  expect(placed.every((p) => p.slotId === to.id)).toBe(true);
  expect(new Set(placed.map((p) => p.tableId)).size).toBe(24);
  expect(placed.map((p) => p.tableId)).not.toContain(tables[0].id);
  expect(await doubleBookings(e.id)).toEqual([]);
  // Five tables are left free in the target slot: of six more moves, five fit and one is refused.
  const more = [];
  for (let i = 0; i < 6; i++) {
    const [a, b] = await delegates(e.id, 2);
    const r = await acceptedRequest(h, e.id, a, b);
    more.push(await h.meetings.book(r.id, from.id, tables[24 + i].id));
  }
  const rest = await Promise.allSettled(more.map((mt) => h.meetings.move(mt.id, to.id, null)));
  expect(rest.map(codeOf).sort()).toEqual([...Array(5).fill('OK'), 'SLOT_TAKEN']);
  const refused = rest.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect((refused.reason as { extensions: { reason: string } }).extensions.reason).toBe('TABLE_BUSY');
  expect(await doubleBookings(e.id)).toEqual([]);
});

it('answers request cancellations, withdrawals, pins and outcomes racing the scheduler moving meetings', async () => {
  const e = await createEdition(h);
  const tables = await h.tables.add(
    e.id,
    Array.from({ length: 4 }, (_, i) => ({ label: `T${i + 1}` })),
  );
  const failures: string[] = [];
  for (let round = 0; round < 6; round++) {
    // Fresh people each round, since one withdraws.
    const people = await delegates(e.id, 8);
    const pairs: { requestId: string; slot: number; table: string }[] = [];
    for (let i = 0; i < 4; i++)
      for (let j = 4; j < 8; j++)
        pairs.push({
          requestId: (await acceptedRequest(h, e.id, people[i], people[j])).id,
          slot: (i + j) % 4,
          table: tables[i].id,
        });
    await h.db.query(`DELETE FROM forum_meeting WHERE edition_id = $1`, [e.id]);
    const first = buildSchedulerInput(await h.runner.snapshot(e.id), false);
    await h.runner.persist(
      e.id,
      first,
      { assignments: pairs.map((p) => ({ meetingId: p.requestId, slot: p.slot, table: p.table })) },
      false,
    );
    await h.publisher.publish(e.id);
    const live = await h.db.query<{ id: string; request_id: string }[]>(
      `SELECT mt.id, mt.request_id FROM forum_meeting mt WHERE mt.edition_id = $1 AND mt.status <> 'CANCELLED'
        ORDER BY (SELECT bool_or(p.delegate_id = $2) FROM forum_meeting_participant p WHERE p.meeting_id = mt.id),
                 mt.id`,
      [e.id, people[0].id],
    );
    // The last four are people[0]'s meetings, cancelled by the withdrawal.
    const built = buildSchedulerInput(await h.runner.snapshot(e.id), true);
    const later = {
      assignments: pairs.map((p) => ({ meetingId: p.requestId, slot: p.slot + 1, table: p.table })),
    };
    const results = await Promise.allSettled([
      h.runner.persist(e.id, built, later, true),
      h.registrations.withdraw(people[0].id, null),
      h.requests.cancel(live[0].request_id, null, null),
      h.requests.cancel(live[1].request_id, null, null),
      h.meetings.pin(live[2].id, true),
      h.meetings.pin(live[3].id, true),
      h.meetings.reportOutcome(live[4].id, null, 'HELD', null),
      h.meetings.reportOutcome(live[5].id, null, 'HELD', null),
      h.meetings.cancel(live[6].id),
    ]);
    // A pin that lands first can keep a meeting where the save wanted another: SLOT_TAKEN, retried
    // by the job. Nothing else may fail.
    results.forEach((r, k) => {
      if (r.status === 'rejected' && !(k === 0 && codeOf(r) === 'SLOT_TAKEN'))
        failures.push(`${k} ${codeOf(r) ?? 'INTERNAL'}: ${(r.reason as Error).message}`);
    });
    const gone = [live[0], live[1], live[6], ...live.slice(12)].map((l) => l.id);
    const [{ alive }] = await h.db.query<{ alive: number }[]>(
      `SELECT count(*)::int AS alive FROM forum_meeting WHERE id = ANY($1::uuid[]) AND status <> 'CANCELLED'`,
      [gone],
    );
    expect(alive).toBe(0);
    expect(await doubleBookings(e.id)).toEqual([]);
  }
  expect(failures).toEqual([]);
});
