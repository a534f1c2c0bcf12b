import { randomUUID } from 'node:crypto';
import { insertOrganization } from '#testing';
import { acceptedRequest, errorOf, forumHarness, type ForumHarness } from '../forum.test-fixtures.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';

/*
 * Edition statistics and the follow-up of meetings against a real database, on a small edition made
 * by hand: every expected figure below was counted from the data set up here.
 */

let h: ForumHarness;
beforeAll(async () => {
  h = await forumHarness(8);
});
afterAll(() => h.close());

const org = (country: string, sectors: string[]) =>
  insertOrganization(h.db, { name: `Org ${country} ${randomUUID().slice(0, 4)}`, country, sectors });

async function delegate(editionId: string, organizationId: string, groupId?: string) {
  const d = await h.registrations.register({
    editionId,
    organizationId,
    name: `Delegate ${randomUUID().slice(0, 4)}`,
    email: `d${randomUUID().slice(0, 8)}@example.org`,
  });
  return h.registrations.assignGroup(d.id, groupId ?? null);
}

interface World {
  editionId: string;
  a1: ForumDelegateEntity;
  a2: ForumDelegateEntity;
  b1: ForumDelegateEntity;
  c1: ForumDelegateEntity;
  d1: ForumDelegateEntity;
  meetings: Record<'m1' | 'm2' | 'm3' | 'm5' | 'm6', string>;
  slotIds: string[];
}

let w: World;

/*
 * Organisations: A (DZ, division 25 = section C), B (DZ, 64 = K), C (TN, 46 = G), D (MA, no sector).
 * Delegates: a1, a2 of A and d1 of D in group SME; b1 of B in group FIN; c1 of C in no group.
 * Requests (sender first): r1 a1→b1 accepted, r2 a2→b1 accepted, r3 c1→a1 accepted, r4 d1→c1
 * declined, r5 d1→a1 pending, r6 c1→b1 pending past its date, r7 a1→c1 cancelled, r8 a2→c1
 * accepted, r9 b1→c1 accepted. Meetings: m1 (r1) round 1 table T1, m5 (r8) round 2 T1, m2 (r2) round
 * 3 T1, m3 (r3) round 3 T2, m6 (r9) round 4 T1 then cancelled. Outcomes: m1 a1 HELD and b1
 * CONTRACT_SIGNED; m2 a2 NO_SHOW; m5 c1 NEGOTIATION_STARTED; m3 none.
 */
beforeAll(async () => {
  const e = await h.editions.create({
    name: { fr: 'Forum statistique', ar: 'منتدى', en: null },
    startsOn: '2030-05-10',
    endsOn: '2030-05-10',
    slotMinutes: 30,
    sessions: [
      {
        day: '2030-05-10',
        kind: 'MORNING',
        start: '09:00',
        end: '11:15',
        breaks: [{ start: '10:00', end: '10:15' }],
      },
      { day: '2030-05-10', kind: 'AFTERNOON', start: '14:00', end: '16:00' },
    ],
  });
  await h.editions.setStatus(e.id, 'OPEN');
  const [t1, t2] = await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const sme = await h.groups.create(e.id, { code: 'SME', name: { fr: 'PME' } });
  const fin = await h.groups.create(e.id, { code: 'FIN', name: { fr: 'Financeurs' } });
  const [A, B, C, D] = [
    await org('DZ', ['25']),
    await org('DZ', ['64']),
    await org('TN', ['46']),
    await org('MA', []),
  ];
  const a1 = await delegate(e.id, A, sme.id);
  const a2 = await delegate(e.id, A, sme.id);
  const b1 = await delegate(e.id, B, fin.id);
  const c1 = await delegate(e.id, C);
  const d1 = await delegate(e.id, D, sme.id);
  const ask = (from: ForumDelegateEntity, to: ForumDelegateEntity) =>
    h.requests.request(
      { editionId: e.id, organizationId: from.organizationId, fromDelegateId: from.id, toDelegateId: to.id },
      null,
    );
  const r1 = await acceptedRequest(h, e.id, a1, b1);
  const r2 = await acceptedRequest(h, e.id, a2, b1);
  const r3 = await acceptedRequest(h, e.id, c1, a1);
  await h.requests.decline((await ask(d1, c1)).id, C, null, null);
  await ask(d1, a1);
  const r6 = await ask(c1, b1);
  await h.db.query(`UPDATE forum_meeting_request SET expires_at = now() - interval '1 hour' WHERE id = $1`, [
    r6.id,
  ]);
  await h.requests.cancel((await ask(a1, c1)).id, A, null);
  const r8 = await acceptedRequest(h, e.id, a2, c1);
  const r9 = await acceptedRequest(h, e.id, b1, c1);
  const slots = (await h.editions.slots(e.id)).filter((s) => !s.isBreak);
  const m1 = await h.meetings.book(r1.id, slots[0].id, t1.id);
  const m5 = await h.meetings.book(r8.id, slots[1].id, t1.id);
  const m2 = await h.meetings.book(r2.id, slots[2].id, t1.id);
  const m3 = await h.meetings.book(r3.id, slots[2].id, t2.id);
  const m6 = await h.meetings.book(r9.id, slots[3].id, t1.id);
  await h.meetings.cancel(m6.id);
  await h.publisher.publish(e.id);
  // The forum took place: its slots move ten years back, so outcomes can be reported.
  await h.db.query(
    `UPDATE forum_slot SET starts_at = starts_at - interval '10 years', ends_at = ends_at - interval '10 years'
      WHERE edition_id = $1`,
    [e.id],
  );
  await h.meetings.reportOutcome(m1.id, A, 'HELD', null);
  await h.meetings.reportOutcome(m1.id, B, 'CONTRACT_SIGNED', 'order of 200 parts');
  await h.meetings.reportOutcome(m2.id, A, 'NO_SHOW', null);
  await h.meetings.reportOutcome(m5.id, C, 'NEGOTIATION_STARTED', null);
  w = {
    editionId: e.id,
    a1,
    a2,
    b1,
    c1,
    d1,
    meetings: { m1: m1.id, m2: m2.id, m3: m3.id, m5: m5.id, m6: m6.id },
    slotIds: slots.map((s) => s.id),
  };
});

const row = (
  key: string,
  delegates: number,
  [requestsSent, accepted, declined, pending, expired, cancelled]: number[],
  acceptanceRate: number | null,
  [meetingsScheduled, meetingsHeld, noShows]: number[],
) => ({
  key,
  delegates,
  requestsSent,
  accepted,
  declined,
  pending,
  expired,
  cancelled,
  acceptanceRate,
  meetingsScheduled,
  meetingsHeld,
  noShows,
});

describe('editionStatistics', () => {
  it('counts requests by status and meetings by outcome for the whole edition', async () => {
    const s = await h.editionStats.statistics(w.editionId);
    expect(s.totals).toEqual(row('all', 5, [9, 5, 1, 1, 1, 1], 5 / 7, [4, 2, 1]));
  });

  it('breaks down by country, ISIC section and group, requests by sender, meetings by either side', async () => {
    const s = await h.editionStats.statistics(w.editionId);
    expect(s.byCountry).toEqual([
      row('DZ', 3, [5, 4, 0, 0, 0, 1], 1, [4, 2, 1]),
      row('MA', 1, [2, 0, 1, 1, 0, 0], 0, [0, 0, 0]),
      row('TN', 1, [2, 1, 0, 0, 1, 0], 0.5, [2, 1, 0]),
    ]);
    expect(s.bySector).toEqual([
      row('C', 2, [4, 3, 0, 0, 0, 1], 1, [4, 2, 1]),
      row('G', 1, [2, 1, 0, 0, 1, 0], 0.5, [2, 1, 0]),
      row('K', 1, [1, 1, 0, 0, 0, 0], 1, [2, 1, 1]),
      row('none', 1, [2, 0, 1, 1, 0, 0], 0, [0, 0, 0]),
    ]);
    expect(s.byGroup).toEqual([
      row('FIN', 1, [1, 1, 0, 0, 0, 0], 1, [2, 1, 1]),
      row('SME', 3, [6, 3, 1, 1, 0, 1], 0.75, [4, 2, 1]),
      row('none', 1, [2, 1, 0, 0, 1, 0], 0.5, [2, 1, 0]),
    ]);
  });

  it('measures table use per round, cancelled meetings left out', async () => {
    const s = await h.editionStats.statistics(w.editionId);
    expect(s.rounds).toHaveLength(8);
    expect(s.rounds.map((r) => r.slotId)).toEqual(w.slotIds);
    expect(s.rounds.map((r) => [r.meetings, r.tablesUsed, r.tablesAvailable, r.utilisation])).toEqual([
      [1, 1, 2, 0.5],
      [1, 1, 2, 0.5],
      [2, 2, 2, 1],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
    ]);
  });

  it('answers NOT_FOUND for an unknown edition and BAD_USER_INPUT for a malformed id', async () => {
    expect((await errorOf(h.editionStats.statistics(randomUUID()))).extensions?.code).toBe('NOT_FOUND');
    expect((await errorOf(h.editionStats.statistics('nope'))).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('followUpReport', () => {
  const counts = (stages: { stage: string; meetings: number }[]) =>
    Object.fromEntries(stages.map((s) => [s.stage, s.meetings]));

  it('takes the furthest stage either side reported, by stage, country and sector', async () => {
    const r = await h.followUps.report(w.editionId);
    expect(r.lastDay).toBe('2030-05-10');
    expect(r.requestDates).toEqual(['2030-08-10', '2030-11-10']);
    expect(r.meetings).toBe(4);
    expect(counts(r.stages)).toEqual({
      NOT_REPORTED: 1,
      NO_SHOW: 1,
      HELD: 0,
      FOLLOW_UP: 0,
      NEGOTIATION_STARTED: 1,
      AGREEMENT_SIGNED: 0,
      CONTRACT_SIGNED: 1,
    });
    expect(r.byCountry.map((g) => [g.key, g.meetings])).toEqual([
      ['DZ', 4],
      ['TN', 2],
    ]);
    expect(counts(r.byCountry[1].stages)).toMatchObject({ NOT_REPORTED: 1, NEGOTIATION_STARTED: 1, HELD: 0 });
    expect(r.bySector.map((g) => [g.key, g.meetings])).toEqual([
      ['C', 4],
      ['G', 2],
      ['K', 2],
    ]);
    expect(counts(r.bySector[2].stages)).toMatchObject({ CONTRACT_SIGNED: 1, NO_SHOW: 1 });
  });

  it("lists the meetings furthest first, with each side's own latest stage", async () => {
    const r = await h.followUps.report(w.editionId);
    expect(r.listTotal).toBe(4);
    expect(r.list.map((m) => [m.meetingId, m.stage])).toEqual([
      [w.meetings.m1, 'CONTRACT_SIGNED'],
      [w.meetings.m5, 'NEGOTIATION_STARTED'],
      [w.meetings.m2, 'NO_SHOW'],
      [w.meetings.m3, 'NOT_REPORTED'],
    ]);
    const m1 = r.list[0];
    expect(Object.fromEntries(m1.sides.map((s) => [s.delegateId, s.stage]))).toEqual({
      [w.a1.id]: 'HELD',
      [w.b1.id]: 'CONTRACT_SIGNED',
    });
    expect(m1.tableLabel).toBe('T1');
    expect(m1.sides.find((s) => s.delegateId === w.b1.id)?.reportedAt).toBeInstanceOf(Date);
    const only = await h.followUps.report(w.editionId, { stage: 'NO_SHOW' });
    expect(only.list.map((m) => m.meetingId)).toEqual([w.meetings.m2]);
    // Page after page of two, each after the last meeting of the one before, in the list's order.
    const first = await h.followUps.report(w.editionId, { first: 2 });
    expect(first.list.map((m) => m.meetingId)).toEqual(r.list.slice(0, 2).map((m) => m.meetingId));
    expect(first).toMatchObject({ listTotal: r.listTotal, hasNextPage: true });
    const page = await h.followUps.report(w.editionId, { first: 2, after: first.endCursor });
    expect(page.list.map((m) => m.meetingId)).toEqual([w.meetings.m2, w.meetings.m3]);
    expect(page.hasNextPage).toBe(r.listTotal > 4);
    expect(page.listTotal).toBe(r.listTotal);
    expect((await errorOf(h.followUps.report(w.editionId, { after: 'f1.bm8' }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await errorOf(h.followUps.report(w.editionId, { first: 501 }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});

describe('follow-up requests', () => {
  const mails = async () =>
    h.db.query<{ recipient: string; params: Record<string, unknown> }[]>(
      `SELECT recipient, params FROM mail_outbox WHERE template = 'meeting-follow-up' ORDER BY recipient`,
    );

  it('mails both sides of each followed meeting 3 and 6 months after the last day, once each', async () => {
    // 2030-08-09 23:30 in Algiers: the day before the date.
    expect(await h.followUps.sendDue(new Date('2030-08-09T22:30:00Z'))).toBe(0);
    // a1 (m1, m3), b1 (m1), c1 (m3, m5), a2 (m5); m2 was a no-show, d1 met nobody.
    expect(await h.followUps.sendDue(new Date('2030-08-10T08:00:00Z'))).toBe(4);
    const sent = await mails();
    expect(sent.map((m) => m.recipient.toLowerCase()).sort()).toEqual(
      [w.a1.email, w.a2.email, w.b1.email, w.c1.email].map((x) => x.toLowerCase()).sort(),
    );
    const count = (d: ForumDelegateEntity) =>
      sent.find((m) => m.recipient.toLowerCase() === d.email.toLowerCase())?.params;
    expect(count(w.a1)).toMatchObject({ count: '2', months: '3', edition: 'Forum statistique' });
    expect(count(w.b1)).toMatchObject({ count: '1' });
    expect(await h.followUps.sendDue(new Date('2030-08-10T09:00:00Z'))).toBe(0);
    const [both] = await Promise.all([
      h.followUps.sendDue(new Date('2030-11-10T09:00:00Z')),
      h.followUps.sendDue(new Date('2030-11-10T09:00:00Z')),
    ]).then((ns) => [ns[0] + ns[1]]);
    expect(both).toBe(4);
    expect(await mails()).toHaveLength(8);
    expect((await h.followUps.report(w.editionId)).requestsSent).toBe(8);
  });

  it('sends one request, not two, to an edition whose rounds both fell due while no worker ran, and none past the grace days', async () => {
    await h.db.query(`DELETE FROM forum_follow_up_mail WHERE edition_id = $1`, [w.editionId]);
    expect(await h.followUps.sendDue(new Date('2030-12-20T09:00:00Z'))).toBe(0);
    expect(await h.followUps.sendDue(new Date('2030-11-20T09:00:00Z'))).toBe(4);
    const [{ months }] = await h.db.query<{ months: number[] }[]>(
      `SELECT array_agg(DISTINCT months) AS months FROM forum_follow_up_mail WHERE edition_id = $1`,
      [w.editionId],
    );
    expect(months).toEqual([6]);
  });
});
