import { badgeCursor, readBadgeCursor } from './badge-cursor.js';

describe('badge page cursor', () => {
  const id = '3f0c6a52-7f0e-4d4e-9a51-2b1f8c4d9e10';

  it('reads back the name and id it was written from, whatever the script of the name', () => {
    for (const name of ['Amine Aouadi', 'زينب بن علي', 'Zoé "Z" Ð\'Ω', ''])
      expect(readBadgeCursor(badgeCursor({ name, id }))).toEqual({ name, id });
  });

  it('refuses what it did not write', () => {
    const good = badgeCursor({ name: 'Amine', id });
    for (const bad of [
      '',
      '42',
      good.slice(3),
      `b1.${Buffer.from('{"a":1}').toString('base64url')}`,
      `b1.${Buffer.from('["Amine","not-a-uuid"]').toString('base64url')}`,
      `b1.${Buffer.from('["Amine"]').toString('base64url')}`,
      `b1.${Buffer.from('[1,"' + id + '"]').toString('base64url')}`,
      'b1.%%%',
    ])
      expect(readBadgeCursor(bad)).toBeNull();
  });
});
