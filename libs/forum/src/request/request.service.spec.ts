import {
  acceptedRequest,
  createEdition,
  createOrganization,
  errorOf,
  forumHarness,
  registerDelegates,
  type ForumHarness,
} from '../forum.test-fixtures.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';

/* Requests against real Postgres: consent, contact release, expiry, group rules and quotas. */

let h: ForumHarness;
beforeAll(async () => {
  h = await forumHarness();
});
afterAll(() => h.close());

describe('editions', () => {
  it('generates slots from days × sessions with breaks, in the edition time zone', async () => {
    const e = await createEdition(h);
    const slots = await h.editions.slots(e.id);
    expect(slots).toHaveLength(2 * (5 + 4));
    expect(slots.filter((s) => s.isBreak)).toHaveLength(2);
    expect(slots[0].startsAt.toISOString()).toBe('2026-03-14T08:00:00.000Z');
    expect(slots.map((s) => s.position)).toEqual(slots.map((_, i) => i));
  });

  it('refuses sessions outside the edition dates and breaks off the grid, listing the fields', async () => {
    const err = await errorOf(
      h.editions.create({
        name: { fr: 'X' },
        startsOn: '2026-03-14',
        endsOn: '2026-03-14',
        slotMinutes: 30,
        sessions: [{ day: '2026-03-16', kind: 'MORNING', start: '09:00', end: '10:00' }],
      }),
    );
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/input.sessions.0.day/);
    const grid = await errorOf(
      h.editions.create({
        name: { fr: 'X' },
        startsOn: '2026-03-14',
        endsOn: '2026-03-14',
        slotMinutes: 30,
        sessions: [
          {
            day: '2026-03-14',
            kind: 'MORNING',
            start: '09:00',
            end: '11:00',
            breaks: [{ start: '09:10', end: '09:30' }],
          },
        ],
      }),
    );
    expect(grid.extensions?.code).toBe('BAD_USER_INPUT');
    expect(grid.message).toMatch(/slot grid/);
  });

  it('keeps the slots once meetings refer to them', async () => {
    const e = await createEdition(h);
    const [a] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const [b] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const req = await acceptedRequest(h, e.id, a, b);
    const slots = await h.editions.slots(e.id);
    await h.meetings.book(req.id, slots[0].id, null);
    const err = await errorOf(h.editions.update({ id: e.id, slotMinutes: 15 }));
    expect(err.extensions?.code).toBe('CONFLICT');
  });
});

describe('meeting requests', () => {
  it('needs the other side to accept, and releases contacts between the organisations on acceptance', async () => {
    const e = await createEdition(h);
    const orgA = await createOrganization(h.db);
    const orgB = await createOrganization(h.db);
    const [a] = await registerDelegates(h, e.id, orgA, 1);
    const [b] = await registerDelegates(h, e.id, orgB, 1);
    const r = await h.requests.request(
      { editionId: e.id, organizationId: orgA, fromDelegateId: a.id, toOrganizationId: orgB, priority: 3 },
      null,
    );
    expect(r.status).toBe('PENDING');
    expect(r.toDelegateId).toBeNull();
    const grants = () =>
      h.db.query(
        `SELECT source, source_id FROM contact_grant WHERE org_low = least($1::uuid, $2::uuid)
                  AND org_high = greatest($1::uuid, $2::uuid)`,
        [orgA, orgB],
      );
    expect(await grants()).toHaveLength(0);
    // The requesting side cannot accept its own request.
    expect((await errorOf(h.requests.accept(r.id, orgA, null, null))).extensions?.code).toBe('FORBIDDEN');
    const ok = await h.requests.accept(r.id, orgB, null, null);
    expect(ok.status).toBe('ACCEPTED');
    expect(ok.toDelegateId).toBe(b.id);
    const audit = await h.db.query(
      `SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [r.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'meeting_request.create',
      'meeting_request.accept',
    ]);
    expect(await grants()).toEqual([{ source: 'MEETING_REQUEST', source_id: r.id }]);
    // Either side may cancel; a third organisation may not.
    const other = await createOrganization(h.db);
    expect((await errorOf(h.requests.cancel(r.id, other, null))).extensions?.code).toBe('FORBIDDEN');
    expect((await h.requests.cancel(r.id, orgB, 'no longer needed')).status).toBe('CANCELLED');
  });

  it('refuses a duplicate and points to the reverse request that is pending', async () => {
    const e = await createEdition(h);
    const orgA = await createOrganization(h.db);
    const orgB = await createOrganization(h.db);
    const [a] = await registerDelegates(h, e.id, orgA, 1);
    const [b] = await registerDelegates(h, e.id, orgB, 1);
    const r = await h.requests.request(
      { editionId: e.id, organizationId: orgA, fromDelegateId: a.id, toDelegateId: b.id },
      null,
    );
    const dup = await errorOf(
      h.requests.request(
        { editionId: e.id, organizationId: orgA, fromDelegateId: a.id, toOrganizationId: orgB },
        null,
      ),
    );
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_REQUEST' });
    const reverse = await errorOf(
      h.requests.request(
        { editionId: e.id, organizationId: orgB, fromDelegateId: b.id, toDelegateId: a.id },
        null,
      ),
    );
    expect(reverse.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REVERSE_PENDING',
      requestId: r.id,
    });
  });

  it('expires pending requests after the period the organiser set', async () => {
    const e = await createEdition(h, { requestExpiryHours: 1 });
    const [a] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const [b] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const r = await h.requests.request(
      { editionId: e.id, organizationId: a.organizationId, fromDelegateId: a.id, toDelegateId: b.id },
      null,
    );
    expect(r.expiresAt.getTime() - r.createdAt.getTime()).toBeGreaterThan(3590_000);
    await h.db.query(
      `UPDATE forum_meeting_request SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [r.id],
    );
    expect((await h.requests.get(r.id)).status).toBe('EXPIRED');
    const err = await errorOf(h.requests.accept(r.id, b.organizationId, null, null));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', status: 'EXPIRED' });
    const [row] = await h.db.query(`SELECT status FROM forum_meeting_request WHERE id = $1`, [r.id]);
    expect(row.status).toBe('EXPIRED');
    // Expired requests no longer block a new one between the same pair.
    const again = await h.requests.request(
      { editionId: e.id, organizationId: a.organizationId, fromDelegateId: a.id, toDelegateId: b.id },
      null,
    );
    expect(again.status).toBe('PENDING');
    await h.db.query(
      `UPDATE forum_meeting_request SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [again.id],
    );
    expect(await h.requests.expireDue(undefined, e.id)).toBe(1);
  });

  it('enforces who-may-meet-whom group rules with the reason', async () => {
    const e = await createEdition(h);
    const sme = await h.groups.create(e.id, { code: 'SME', name: { fr: 'PME' } });
    const fin = await h.groups.create(e.id, { code: 'FINANCIER', name: { fr: 'Financeurs' } });
    await h.groups.create(e.id, { code: 'LARGE_FIRM', name: { fr: 'Grandes entreprises' } });
    await h.groups.setRules(fin.id, [sme.id]);
    const [bank] = await registerDelegates(h, e.id, await createOrganization(h.db, 'FINANCIER'), 1);
    const [firm] = await registerDelegates(h, e.id, await createOrganization(h.db, 'LARGE_FIRM'), 1);
    const [smeD] = await registerDelegates(h, e.id, await createOrganization(h.db, 'SME'), 1);
    expect(bank.groupId).toBe(fin.id);
    expect(smeD.groupId).toBe(sme.id);
    const err = await errorOf(
      h.requests.request(
        {
          editionId: e.id,
          organizationId: firm.organizationId,
          fromDelegateId: firm.id,
          toDelegateId: bank.id,
        },
        null,
      ),
    );
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GROUP_RULE' });
    expect(err.message).toMatch(/group FINANCIER meet only delegates of group SME/);
    await expect(acceptedRequest(h, e.id, smeD, bank)).resolves.toMatchObject({ status: 'ACCEPTED' });
  });

  it('enforces quotas of requests sent and meetings per delegate', async () => {
    const e = await createEdition(h, { maxRequestsPerDelegate: 2, maxMeetingsPerDelegate: 1 });
    const [a] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const others: ForumDelegateEntity[] = [];
    for (let i = 0; i < 3; i++)
      others.push((await registerDelegates(h, e.id, await createOrganization(h.db), 1))[0]);
    const send = (to: ForumDelegateEntity) =>
      h.requests.request(
        { editionId: e.id, organizationId: a.organizationId, fromDelegateId: a.id, toDelegateId: to.id },
        null,
      );
    const r1 = await send(others[0]);
    const r2 = await send(others[1]);
    const third = await errorOf(send(others[2]));
    expect(third.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', quota: 'REQUESTS_SENT', limit: 2 });
    await h.requests.accept(r1.id, others[0].organizationId, null, null);
    const second = await errorOf(h.requests.accept(r2.id, others[1].organizationId, null, null));
    expect(second.extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: 'MEETINGS',
      limit: 1,
      delegateId: a.id,
    });
  });

  it('lets only one of two simultaneous acceptances use the last meeting of a quota', async () => {
    const e = await createEdition(h, { maxMeetingsPerDelegate: 1 });
    const [target] = await registerDelegates(h, e.id, await createOrganization(h.db), 1);
    const senders = [];
    for (let i = 0; i < 6; i++)
      senders.push((await registerDelegates(h, e.id, await createOrganization(h.db), 1))[0]);
    const reqs = [];
    for (const s of senders)
      reqs.push(
        await h.requests.request(
          {
            editionId: e.id,
            organizationId: s.organizationId,
            fromDelegateId: s.id,
            toDelegateId: target.id,
          },
          null,
        ),
      );
    const results = await Promise.allSettled(
      reqs.map((r) => h.requests.accept(r.id, target.organizationId, null, null)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(((r as PromiseRejectedResult).reason as { extensions: { code: string } }).extensions.code).toBe(
        'QUOTA_EXCEEDED',
      );
    const [{ n }] = await h.db.query(
      `SELECT count(*)::int AS n FROM forum_meeting_request WHERE to_delegate_id = $1 AND status = 'ACCEPTED'`,
      [target.id],
    );
    expect(n).toBe(1);
  });
});
