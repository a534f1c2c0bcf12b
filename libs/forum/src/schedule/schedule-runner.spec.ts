import {
  acceptedRequest,
  createEdition,
  createOrganization,
  forumHarness,
  registerDelegates,
  type ForumHarness,
} from '../forum.test-fixtures.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';

/* Scheduler runs against real Postgres: drafts, publication, SEQUENCE, incremental runs, pins. */

let h: ForumHarness;
beforeAll(async () => {
  h = await forumHarness();
});
afterAll(() => h.close());

async function people(editionId: string, n: number): Promise<ForumDelegateEntity[]> {
  const out: ForumDelegateEntity[] = [];
  for (let i = 0; i < n; i++)
    out.push((await registerDelegates(h, editionId, await createOrganization(h.db), 1))[0]);
  return out;
}

const live = (editionId: string) =>
  h.db.query<
    { id: string; request_id: string; slot_id: string; table_id: string; status: string; sequence: number }[]
  >(
    `SELECT id, request_id, slot_id, table_id, status, sequence FROM forum_meeting
      WHERE edition_id = $1 AND status <> 'CANCELLED' ORDER BY request_id`,
    [editionId],
  );

it('schedules accepted requests as a draft, publishes it and tells whose agenda changed', async () => {
  const e = await createEdition(h);
  const tables = await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const p = await people(e.id, 6);
  const morning = await acceptedRequest(h, e.id, p[0], p[1], { session: 'MORNING', priority: 3 });
  await acceptedRequest(h, e.id, p[0], p[2]);
  await acceptedRequest(h, e.id, p[3], p[4], { session: 'AFTERNOON' });
  await acceptedRequest(h, e.id, p[5], p[1]);
  const pending = await h.requests.request(
    { editionId: e.id, organizationId: p[2].organizationId, fromDelegateId: p[2].id, toDelegateId: p[5].id },
    null,
  );
  const slots = await h.editions.slots(e.id);
  // p[0] cannot attend the first morning slot.
  await h.registrations.update({ id: p[0].id, unavailableSlotIds: [slots[0].id] });

  const progress: number[] = [];
  const run = await h.runner.run('run-1', e.id, false, 3000, (x) => progress.push(x.fraction));
  expect(run).toMatchObject({ state: 'DONE', result: 'OPTIMAL' });
  expect(run.summary).toMatchObject({ requests: 4, scheduled: 4, unscheduled: [], totalBreaks: 0 });
  expect(progress.length).toBeGreaterThan(0);
  const draft = await live(e.id);
  expect(draft).toHaveLength(4);
  expect(draft.every((m) => m.status === 'DRAFT')).toBe(true);
  expect(draft.map((m) => m.request_id)).not.toContain(pending.id);
  const bySlot = new Map(slots.map((s) => [s.id, s]));
  const m0 = draft.find((m) => m.request_id === morning.id)!;
  expect(bySlot.get(m0.slot_id)!.session).toBe('MORNING');
  expect(m0.slot_id).not.toBe(slots[0].id);
  expect(draft.every((m) => !bySlot.get(m.slot_id)!.isBreak && tables.some((t) => t.id === m.table_id))).toBe(
    true,
  );

  // Delegates see nothing until the organiser publishes.
  expect(await h.agendas.agenda({ editionId: e.id, delegateId: p[0].id })).toEqual([]);
  const pub = await h.publisher.publish(e.id);
  expect(pub).toMatchObject({ publishedVersion: 1, changedMeetings: 4 });
  expect(pub.changedDelegates).toHaveLength(6);
  expect(h.notified.at(-1)).toMatchObject({ editionId: e.id, version: 1 });
  const agenda = await h.agendas.agenda({ editionId: e.id, delegateId: p[0].id });
  expect(agenda).toHaveLength(2);
  expect(agenda[0]).toMatchObject({
    timezone: 'Africa/Algiers',
    delegateId: p[0].id,
    status: 'PUBLISHED',
    sequence: 0,
  });
  expect(agenda[0].start.getTime()).toBeLessThan(agenda[1].start.getTime());
  expect([p[1].id, p[2].id]).toContain(agenda[0].counterpartDelegateId);
  expect(agenda[0].tableLabel).toMatch(/^T[12]$/);
  expect(agenda[0].uid).toMatch(/@forum\.tashbik$/);

  // Publishing again changes nothing.
  expect((await h.publisher.publish(e.id)).changedMeetings).toBe(0);

  // A cancellation is visible at once as a cancelled meeting with a higher SEQUENCE.
  await h.requests.cancel(morning.id, p[1].organizationId, null);
  const after = await h.agendas.agenda({ editionId: e.id, delegateId: p[0].id });
  expect(after.find((a) => a.requestId === morning.id)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
  const [{ n }] = await h.db.query(
    `SELECT count(*)::int AS n FROM forum_agenda_change WHERE $1 = ANY(meeting_ids)`,
    [m0.id],
  );
  // p0's and p1's rows of publication 1, then one each for the cancellation.
  expect(n).toBe(4);
});

it('keeps published meetings in place in an incremental run and publishes only what changed', async () => {
  const e = await createEdition(h);
  await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const p = await people(e.id, 5);
  for (const [a, b] of [
    [0, 1],
    [0, 2],
    [1, 2],
    [3, 4],
  ])
    await acceptedRequest(h, e.id, p[a], p[b]);
  await h.runner.run('inc-1', e.id, false, 2000);
  await h.publisher.publish(e.id);
  const before = await live(e.id);
  const late = await acceptedRequest(h, e.id, p[3], p[0]);
  const run = await h.runner.run('inc-2', e.id, false, 2000);
  expect(run.summary).toMatchObject({ requests: 5, scheduled: 5 });
  const afterRun = await live(e.id);
  for (const m of before) expect(afterRun.find((x) => x.id === m.id)).toEqual(m);
  expect(afterRun.find((m) => m.request_id === late.id)).toMatchObject({ status: 'DRAFT' });
  const pub = await h.publisher.publish(e.id);
  expect(pub.changedMeetings).toBe(1);
  expect(pub.changedDelegates.sort()).toEqual([p[0].id, p[3].id].sort());
});

it('leaves pinned meetings where the organiser put them', async () => {
  const e = await createEdition(h);
  const [, t2] = await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const p = await people(e.id, 4);
  const r = await acceptedRequest(h, e.id, p[0], p[1]);
  await acceptedRequest(h, e.id, p[0], p[2]);
  await acceptedRequest(h, e.id, p[1], p[3]);
  const slots = (await h.editions.slots(e.id)).filter((s) => !s.isBreak);
  const booked = await h.meetings.book(r.id, slots[5].id, t2.id);
  expect(booked).toMatchObject({ pinned: true, status: 'PUBLISHED' });
  const run = await h.runner.run('pin-1', e.id, true, 2000);
  expect(run.summary).toMatchObject({ scheduled: 3 });
  const after = await live(e.id);
  expect(after.find((m) => m.id === booked.id)).toMatchObject({ slot_id: slots[5].id, table_id: t2.id });
  // The others sit next to it: no idle slot between a person's meetings.
  expect(run.summary!.totalBreaks).toBe(0);
});
