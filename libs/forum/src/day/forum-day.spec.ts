import ICAL from 'ical.js';
import { insertMembership } from '#testing';
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
import { renderICalendar } from '../agenda/ical.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';
import type { ForumSlotEntity } from '../edition/edition.entity.js';
import { FORUM_PERSONAL_DATA } from '../common/registrations.js';

/*
 * The forum day against a real database: check-in, outcomes, walk-ins in free slots, reminders sent
 * once, agenda change mails, "A before B" precedences, feed tokens, statistics and the audit trail.
 */

let h: ForumHarness;
beforeAll(async () => {
  h = await forumHarness(12);
  const [u] = await h.db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, roles, consent_version, consented_at)
     VALUES ($1, 'x', 'Organiser', '{ORGANISER}', 'test', now()) RETURNING id`,
    [ORGANISER.email],
  );
  ORGANISER.userId = u.id;
});
afterAll(() => h.close());

const ORGANISER = {
  userId: '',
  email: 'organiser@example.org',
  roles: ['ORGANISER' as const],
  emailVerified: true,
};

/** An open edition on a day to come: 8 meeting slots (and a break) on 2030-05-10. */
async function futureEdition(overrides: Record<string, unknown> = {}) {
  return createEdition(h, {
    startsOn: '2030-05-10',
    endsOn: '2030-05-10',
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
    ...overrides,
  });
}

async function people(editionId: string, n: number): Promise<ForumDelegateEntity[]> {
  const out: ForumDelegateEntity[] = [];
  for (let i = 0; i < n; i++)
    out.push((await registerDelegates(h, editionId, await createOrganization(h.db), 1))[0]);
  return out;
}

async function meetingSlots(editionId: string): Promise<ForumSlotEntity[]> {
  return (await h.editions.slots(editionId)).filter((s) => !s.isBreak);
}

/** Moves a slot to start `fromNow` minutes from now (negative: already started). */
async function shiftSlot(slotId: string, fromNow: number, minutes = 30) {
  await h.db.query(
    `UPDATE forum_slot SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3)
      WHERE id = $1`,
    [slotId, fromNow, fromNow + minutes],
  );
}

const mails = async (to: string, template: string): Promise<number> =>
  (
    await h.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = $1 AND template = $2`,
      [to, template],
    )
  )[0].n;

const audits = async (action: string, entityId: string): Promise<number> =>
  (
    await h.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`,
      [action, entityId],
    )
  )[0].n;

it('checks a delegate in once, keeping the first arrival, and audits it', async () => {
  const e = await futureEdition();
  const [a] = await people(e.id, 1);
  const first = await h.registrations.checkIn(a.id, ORGANISER);
  expect(first.checkedInAt).toBeInstanceOf(Date);
  const again = await h.registrations.checkIn(a.id, ORGANISER);
  expect(again.checkedInAt?.getTime()).toBe(first.checkedInAt?.getTime());
  expect(await audits('forum_delegate.check_in', a.id)).toBe(1);
  await h.registrations.withdraw((await people(e.id, 1))[0].id, null);
});

it('takes outcomes from each side once the meeting started, and counts them in the statistics', async () => {
  const e = await futureEdition();
  await h.tables.add(e.id, [{ label: 'T1' }, { label: 'T2' }]);
  const [a, b, c] = await people(e.id, 3);
  const slots = await meetingSlots(e.id);
  const m1 = await h.meetings.book((await acceptedRequest(h, e.id, a, b)).id, slots[0].id, null);
  const m2 = await h.meetings.book((await acceptedRequest(h, e.id, a, c)).id, slots[1].id, null);
  const early = await errorOf(h.meetings.reportOutcome(m1.id, a.organizationId, 'HELD', null));
  expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_STARTED' });
  await shiftSlot(slots[0].id, -120);
  await shiftSlot(slots[1].id, -60);
  const rows = await h.meetings.reportOutcome(m1.id, a.organizationId, 'FOLLOW_UP', 'send a quote', {
    userId: ORGANISER.userId,
  });
  expect(rows.find((r) => r.delegateId === a.id)).toMatchObject({
    outcome: 'FOLLOW_UP',
    outcomeNote: 'send a quote',
  });
  // The other side's row (and its note) is not returned.
  expect(rows.map((r) => r.delegateId)).toEqual([a.id]);
  // A third organisation is no side of the meeting.
  const other = await createOrganization(h.db);
  expect((await errorOf(h.meetings.reportOutcome(m1.id, other, 'HELD', null))).extensions?.code).toBe(
    'FORBIDDEN',
  );
  await h.meetings.reportOutcome(m2.id, c.organizationId, 'NO_SHOW', null);
  expect(await audits('forum_meeting.outcome', m1.id)).toBe(1);

  const stats = await h.stats.statistics(e.id);
  expect(stats.totals).toMatchObject({
    delegates: 3,
    requestsSent: 2,
    accepted: 2,
    meetingsScheduled: 2,
    meetingsHeld: 1,
    followUpsPlanned: 1,
    noShows: 1,
  });
  expect(stats.tableUtilisation).toMatchObject({ usedSlotTables: 2, availableSlotTables: 16 });
  expect(stats.byCountry).toEqual([expect.objectContaining({ key: 'DZ', delegates: 3 })]);
  expect(stats.byKind.map((g) => g.key)).toEqual(['SME']);
});

it('lists free slots and books walk-ins: at once for organisers, on both sides’ consent for members', async () => {
  const e = await futureEdition();
  const [t1] = await h.tables.add(e.id, [{ label: 'T1' }]);
  const [a, b, c, d] = await people(e.id, 4);
  const slots = await meetingSlots(e.id);
  await h.meetings.book((await acceptedRequest(h, e.id, a, c)).id, slots[0].id, null);
  await h.registrations.update({ id: b.id, unavailableSlotIds: [slots[1].id] });
  const free = await h.walkIns.freeSlots(e.id, a.id, b.id, ORGANISER);
  expect(free.map((s) => s.slotId)).toEqual(slots.slice(2).map((s) => s.id));
  expect(free[0].freeTables).toBe(1);

  // An organiser books at once: the request is accepted and the meeting published and pinned.
  const byOrganiser = await h.walkIns.book(
    { editionId: e.id, fromDelegateId: a.id, toDelegateId: b.id, slotId: slots[2].id },
    ORGANISER,
  );
  expect(byOrganiser.request).toMatchObject({ status: 'ACCEPTED', source: 'WALK_IN' });
  expect(byOrganiser.meeting).toMatchObject({ status: 'PUBLISHED', pinned: true, tableId: t1.id });
  // The only table is taken in that slot now.
  expect((await h.walkIns.freeSlots(e.id, c.id, d.id, ORGANISER)).map((s) => s.slotId)).not.toContain(
    slots[2].id,
  );

  // A member proposes; nothing is booked until the other side books the same slot back.
  const member = { userId: ORGANISER.userId, email: 'm@x', roles: [], emailVerified: true };
  const proposal = await h.walkIns.book(
    {
      editionId: e.id,
      organizationId: c.organizationId,
      fromDelegateId: c.id,
      toDelegateId: d.id,
      slotId: slots[3].id,
    },
    member,
  );
  expect(proposal).toMatchObject({ request: { status: 'PENDING', source: 'WALK_IN' }, meeting: null });
  // Acting for another organisation than the delegate's is refused.
  expect(
    (
      await errorOf(
        h.walkIns.book(
          {
            editionId: e.id,
            organizationId: c.organizationId,
            fromDelegateId: d.id,
            toDelegateId: c.id,
            slotId: slots[3].id,
          },
          member,
        ),
      )
    ).extensions?.code,
  ).toBe('FORBIDDEN');
  const other = await errorOf(
    h.walkIns.book(
      {
        editionId: e.id,
        organizationId: d.organizationId,
        fromDelegateId: d.id,
        toDelegateId: c.id,
        slotId: slots[4].id,
      },
      member,
    ),
  );
  expect(other.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVERSE_PENDING' });
  const agreed = await h.walkIns.book(
    {
      editionId: e.id,
      organizationId: d.organizationId,
      fromDelegateId: d.id,
      toDelegateId: c.id,
      slotId: slots[3].id,
    },
    member,
  );
  expect(agreed.request).toMatchObject({ id: proposal.request.id, status: 'ACCEPTED' });
  expect(agreed.meeting).toMatchObject({ slotId: slots[3].id, status: 'PUBLISHED' });

  // Two organisers racing for the last table of a slot: one wins, the other is told SLOT_TAKEN.
  const [x, y] = await people(e.id, 2);
  const race = await Promise.allSettled([
    h.walkIns.book(
      { editionId: e.id, fromDelegateId: a.id, toDelegateId: x.id, slotId: slots[5].id },
      ORGANISER,
    ),
    h.walkIns.book(
      { editionId: e.id, fromDelegateId: b.id, toDelegateId: y.id, slotId: slots[5].id },
      ORGANISER,
    ),
  ]);
  const codes = race.map((r) =>
    r.status === 'fulfilled' ? 'OK' : (r.reason as { extensions?: { code?: string } }).extensions?.code,
  );
  expect(codes.sort()).toEqual(['OK', 'SLOT_TAKEN']);
  // A slot that has started takes no walk-in.
  await shiftSlot(slots[6].id, -5);
  expect(
    (
      await errorOf(
        h.walkIns.book(
          { editionId: e.id, fromDelegateId: c.id, toDelegateId: y.id, slotId: slots[6].id },
          ORGANISER,
        ),
      )
    ).extensions,
  ).toMatchObject({ reason: 'SLOT_STARTED' });
});

it('sends each participant one reminder per meeting, however often and concurrently the job runs', async () => {
  const e = await futureEdition();
  await h.tables.add(e.id, [{ label: 'R1' }]);
  const [a, b, c] = await people(e.id, 3);
  const slots = await meetingSlots(e.id);
  await h.meetings.book((await acceptedRequest(h, e.id, a, b)).id, slots[0].id, null);
  await h.meetings.book((await acceptedRequest(h, e.id, a, c)).id, slots[1].id, null);
  await shiftSlot(slots[0].id, 10);
  await shiftSlot(slots[1].id, 40);
  const runs = await Promise.all([h.reminders.sendDue(), h.reminders.sendDue(), h.reminders.sendDue()]);
  expect(runs.reduce((x, y) => x + y, 0)).toBe(2);
  expect(await h.reminders.sendDue()).toBe(0);
  expect(await mails(a.email, 'meeting-reminder')).toBe(1);
  expect(await mails(b.email, 'meeting-reminder')).toBe(1);
  expect(await mails(c.email, 'meeting-reminder')).toBe(0);
  const [mail] = await h.db.query<{ body: string }[]>(
    `SELECT body FROM mail_outbox WHERE recipient = $1 AND template = 'meeting-reminder'`,
    [b.email],
  );
  expect(mail.body).toContain('R1');
  // Its button opens the delegate's agenda of this edition.
  expect(mail.body).toContain(`/agenda/${e.id}`);
  // The later meeting comes into the window; the edition's lead time decides when.
  await h.editions.update({ id: e.id, reminderMinutes: 45 });
  expect(await h.reminders.sendDue()).toBe(2);
  expect(await mails(c.email, 'meeting-reminder')).toBe(1);
});

it('mails the delegates whose published agenda changed and stamps the changes', async () => {
  const e = await futureEdition();
  const [a, b] = await people(e.id, 2);
  await acceptedRequest(h, e.id, a, b);
  const built = buildSchedulerInput(await h.runner.snapshot(e.id), false);
  const result = await scheduleMeetings(built.input, { ...built.options, timeLimitMs: 1000 });
  await h.runner.persist(e.id, built, result, false);
  await h.publisher.publish(e.id, ORGANISER);
  expect(await mails(a.email, 'agenda-changed')).toBe(1);
  expect(await mails(b.email, 'agenda-changed')).toBe(1);
  const pending = async () =>
    (
      await h.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM forum_agenda_change WHERE edition_id = $1 AND notified_at IS NULL`,
        [e.id],
      )
    )[0].n;
  expect(await pending()).toBe(0);
  // A cancellation is recorded at once and mailed by the next sweep, once.
  const [mt] = await h.agendas.agenda({ editionId: e.id, delegateId: a.id });
  await h.meetings.cancel(mt.meetingId, ORGANISER);
  expect(await pending()).toBe(2);
  expect(await h.notifier.notifyPending(e.id)).toBe(2);
  expect(await h.notifier.notifyPending(e.id)).toBe(0);
  expect(await mails(a.email, 'agenda-changed')).toBe(2);
  expect(await audits('forum_edition.publish', e.id)).toBe(1);
  expect(await audits('forum_meeting.cancel', mt.meetingId)).toBe(1);
});

it('passes "A before B" to the scheduler and refuses a cycle', async () => {
  const e = await futureEdition();
  const [a, b, c] = await people(e.id, 3);
  const ra = await acceptedRequest(h, e.id, a, b, { priority: 3 });
  const rb = await acceptedRequest(h, e.id, c, a);
  // b before a's first: without the rule the scheduler would be free to put either first.
  const p = await h.precedences.add(rb.id, ra.id, null, ORGANISER);
  expect(p).toMatchObject({ delegateId: a.id, beforeRequestId: rb.id, afterRequestId: ra.id });
  const cycle = await errorOf(h.precedences.add(ra.id, rb.id, null));
  expect(cycle.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE' });
  const built = buildSchedulerInput(await h.runner.snapshot(e.id), false);
  expect(built.input.meetings.find((m) => m.id === ra.id)?.after).toEqual([rb.id]);
  const result = await scheduleMeetings(built.input, { ...built.options, timeLimitMs: 2000 });
  const slotOf = (id: string) => result.assignments.find((x) => x.meetingId === id)!.slot;
  expect(slotOf(rb.id)).toBeLessThan(slotOf(ra.id));
  // A request shared by nobody cannot be ordered with another.
  const [d, f] = await people(e.id, 2);
  const rd = await acceptedRequest(h, e.id, d, f);
  expect((await errorOf(h.precedences.add(rd.id, ra.id, null))).extensions?.code).toBe('BAD_USER_INPUT');
  expect(await h.precedences.remove(rb.id, ra.id, ORGANISER)).toBe(true);
  expect(await h.precedences.list(e.id)).toEqual([]);
  expect(await audits('forum_precedence.add', ra.id)).toBe(1);
});

it('keeps only a hash of the feed token, rotates it, and serves a feed with stable UIDs', async () => {
  const e = await futureEdition();
  const [a, b] = await people(e.id, 2);
  const slots = await meetingSlots(e.id);
  const mt = await h.meetings.book((await acceptedRequest(h, e.id, a, b)).id, slots[0].id, null);
  // Feeds are asked for by the delegate's organisation: the asker is a member of it.
  await insertMembership(h.db, ORGANISER.userId, a.organizationId, 'MEMBER');
  const first = await h.feeds.rotate(a.id, ORGANISER);
  expect(first.path).toBe(`/forum/feeds/${first.token}.ics`);
  const [stored] = await h.db.query<{ token_hash: string }[]>(
    `SELECT token_hash FROM forum_agenda_feed WHERE delegate_id = $1`,
    [a.id],
  );
  expect(stored.token_hash).not.toContain(first.token);
  expect(await h.feeds.delegateOf(first.token)).toBe(a.id);
  const second = await h.feeds.rotate(a.id, ORGANISER);
  expect(await h.feeds.delegateOf(first.token)).toBeNull();
  expect(await h.feeds.delegateOf(second.token)).toBe(a.id);
  expect(await h.feeds.delegateOf('x'.repeat(43))).toBeNull();
  // One asked for by nobody who belongs to the organisation (or is the delegate) opens nothing.
  const orphan = await h.feeds.rotate(b.id);
  expect(await h.feeds.delegateOf(orphan.token)).toBeNull();

  const ics = renderICalendar({ ...(await h.documents.delegate(a.id, 'PUBLISHED', 'en')), lang: 'en' });
  const vevents = new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent');
  expect(vevents.map((v) => v.getFirstPropertyValue('uid'))).toEqual([mt.uid]);
  expect(vevents[0].getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Africa/Algiers');
});

it('opens a feed asked for by the delegate’s own account: the linked one, or the one that verified the address', async () => {
  const e = await futureEdition();
  const [a, b] = await people(e.id, 2);
  // An account proving it owns a's address after the registration: a stays unlinked.
  const [owner] = await h.db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, consent_version, consented_at, email_verified_at)
     VALUES ($1, 'x', 'Delegate', 'test', now(), now()) RETURNING id`,
    [a.email],
  );
  expect((await h.registrations.get(a.id)).userId).toBeNull();
  const byAddress = await h.feeds.rotate(a.id, { userId: owner.id });
  expect(await h.feeds.delegateOf(byAddress.token)).toBe(a.id);
  // The same account asking for another delegate's feed is nobody to it.
  const other = await h.feeds.rotate(b.id, { userId: owner.id });
  expect(await h.feeds.delegateOf(other.token)).toBeNull();
  // Once the address is no longer proved, the feed closes.
  await h.db.query(`UPDATE user_account SET email_verified_at = NULL WHERE id = $1`, [owner.id]);
  expect(await h.feeds.delegateOf(byAddress.token)).toBeNull();
  // Linked to the account, the delegate's feed opens to it again.
  await h.registrations.update({ id: a.id, userId: owner.id }, { userId: owner.id });
  const linked = await h.feeds.rotate(a.id, { userId: owner.id });
  expect(await h.feeds.delegateOf(linked.token)).toBe(a.id);
});

it('exports and anonymises a person’s registrations through the privacy sources', async () => {
  const e = await futureEdition();
  const [a, b] = await people(e.id, 2);
  await h.feeds.rotate(a.id);
  await h.meetings.book((await acceptedRequest(h, e.id, a, b)).id, (await meetingSlots(e.id))[0].id, null);
  // As the privacy service runs them: $1 the account id, $2 its email (any case).
  const params = ['00000000-0000-4000-8000-0000000000ff', a.email.toUpperCase()];
  const exported = await h.db.query<{ name: string; email: string }[]>(FORUM_PERSONAL_DATA.exportSql, params);
  expect(exported).toEqual([expect.objectContaining({ name: a.name, email: a.email, edition_id: e.id })]);
  await h.db.query(FORUM_PERSONAL_DATA.deleteSql!, params);
  expect(await h.db.query(FORUM_PERSONAL_DATA.exportSql, params)).toEqual([]);
  const [gone] = await h.db.query<{ name: string; email: string }[]>(
    `SELECT name, email FROM forum_delegate WHERE id = $1`,
    [a.id],
  );
  expect(gone).toEqual({ name: 'deleted', email: `deleted-${a.id}@invalid` });
  expect(await h.db.query(`SELECT 1 FROM forum_agenda_feed WHERE delegate_id = $1`, [a.id])).toEqual([]);
  // The other side's agenda keeps the meeting.
  expect(await h.agendas.agenda({ editionId: e.id, delegateId: b.id })).toHaveLength(1);
});
