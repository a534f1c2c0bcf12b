import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearOutcomes,
  flushOutcomes,
  loadOutcomes,
  outcomeOf,
  queueOutcome,
  type OutcomeReport,
} from './outcomeQueue';

const report = (meetingId: string, extra: Partial<OutcomeReport> = {}): OutcomeReport => ({
  userId: 'u1',
  meetingId,
  organizationId: 'o1',
  outcome: 'HELD',
  note: null,
  ...extra,
});
class CodeError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
const codeOf = (e: unknown) => (e as CodeError).code;

describe('the outcome queue', () => {
  beforeEach(() => localStorage.clear());

  it('keeps reports in localStorage, a newer report of a meeting replacing the older', () => {
    queueOutcome(report('m1'), new Date('2027-03-16T09:00:00Z'));
    queueOutcome(report('m2'));
    queueOutcome(report('m1', { outcome: 'NO_SHOW', note: 'absent' }), new Date('2027-03-16T10:00:00Z'));
    const stored = JSON.parse(localStorage.getItem('tashbik.outcomes')!) as { meetingId: string }[];
    expect(stored.map((q) => q.meetingId)).toEqual(['m2', 'm1']);
    expect(outcomeOf(loadOutcomes(), 'u1', 'm1')).toMatchObject({
      outcome: 'NO_SHOW',
      note: 'absent',
      state: 'waiting',
      queuedAt: '2027-03-16T10:00:00.000Z',
    });
  });

  it('stays waiting while the api is out of reach, then sends in order when it returns', async () => {
    queueOutcome(report('m1'));
    queueOutcome(report('m2', { outcome: 'FOLLOW_UP_PLANNED' }));
    const attempts: string[] = [];
    const offline = await flushOutcomes(
      'u1',
      async (r) => {
        attempts.push(r.meetingId);
        throw new CodeError('NETWORK');
      },
      codeOf,
    );
    // The first failure stops the run: no point trying the next one offline.
    expect(attempts).toEqual(['m1']);
    expect(offline.map((q) => q.state)).toEqual(['waiting', 'waiting']);

    const sent: OutcomeReport[] = [];
    const online = await flushOutcomes('u1', async (r) => void sent.push(r), codeOf);
    expect(sent.map((r) => [r.meetingId, r.outcome])).toEqual([
      ['m1', 'HELD'],
      ['m2', 'FOLLOW_UP_PLANNED'],
    ]);
    expect(online.map((q) => q.state)).toEqual(['sent', 'sent']);
    // Sent reports are not sent again.
    await flushOutcomes('u1', async () => void sent.push(report('again')), codeOf);
    expect(sent).toHaveLength(2);
  });

  it('marks a refused report failed with the code and sends the others', async () => {
    queueOutcome(report('m1'));
    queueOutcome(report('m2'));
    const list = await flushOutcomes(
      'u1',
      async (r) => {
        if (r.meetingId === 'm1') throw new CodeError('CONFLICT');
      },
      codeOf,
    );
    expect(list.map((q) => [q.meetingId, q.state, q.error])).toEqual([
      ['m1', 'failed', 'CONFLICT'],
      ['m2', 'sent', undefined],
    ]);
  });

  it("sends only the signed-in user's reports and forgets everything at sign-out", async () => {
    queueOutcome(report('m1', { userId: 'other' }));
    queueOutcome(report('m2'));
    const sent: string[] = [];
    await flushOutcomes('u1', async (r) => void sent.push(r.meetingId), codeOf);
    expect(sent).toEqual(['m2']);
    expect(outcomeOf(loadOutcomes(), 'other', 'm1')?.state).toBe('waiting');
    clearOutcomes();
    expect(loadOutcomes()).toEqual([]);
  });

  it('survives a corrupt store', () => {
    localStorage.setItem('tashbik.outcomes', '{not json');
    expect(loadOutcomes()).toEqual([]);
    localStorage.setItem('tashbik.outcomes', '{"a":1}');
    expect(loadOutcomes()).toEqual([]);
  });
});
