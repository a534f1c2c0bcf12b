import { followUpCursor, readFollowUpCursor } from './follow-up-cursor.js';

describe('follow-up list cursor', () => {
  const key = {
    rank: 3,
    startsAt: '2030-02-10T08:30:00.123456Z',
    id: '3f0c6a52-7f0e-4d4e-9a51-2b1f8c4d9e10',
  };
  const raw = (v: unknown) => `f1.${Buffer.from(JSON.stringify(v)).toString('base64url')}`;

  it('reads back the position it was written from', () => {
    expect(readFollowUpCursor(followUpCursor(key))).toEqual(key);
  });

  it('refuses what it did not write', () => {
    for (const bad of [
      '',
      'f1.%%%',
      followUpCursor(key).slice(3),
      raw([3, key.startsAt]),
      raw([0, key.startsAt, key.id]),
      raw([2.5, key.startsAt, key.id]),
      raw(['3', key.startsAt, key.id]),
      raw([3, '2030-02-10 08:30', key.id]),
      raw([3, key.startsAt, 'not-a-uuid']),
      raw({ rank: 3 }),
    ])
      expect(readFollowUpCursor(bad)).toBeNull();
  });
});
