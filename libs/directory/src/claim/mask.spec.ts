import { maskEmail, maskEmails } from './claim.service.js';

describe('masked claim addresses', () => {
  it('shows the first letter and the domain of a lone address', () => {
    expect(maskEmail('amina@firm.dz')).toBe('a***@firm.dz');
    expect(maskEmails(['amina@firm.dz', 'karim@firm.dz'])).toEqual(['a***@firm.dz', 'k***@firm.dz']);
  });

  it('shows more letters of addresses that would look alike, and only of those', () => {
    expect(maskEmails(['nadia@firm.dz', 'nour@firm.dz', 'karim@firm.dz'])).toEqual([
      'n***a@firm.dz',
      'n***r@firm.dz',
      'k***@firm.dz',
    ]);
    expect(maskEmails(['sales.dz@firm.dz', 'sales.tn@firm.dz'])).toEqual(['s***z@firm.dz', 's***n@firm.dz']);
    // The same local part at another domain is told apart by the domain already.
    expect(maskEmails(['info@a.dz', 'info@b.dz'])).toEqual(['i***@a.dz', 'i***@b.dz']);
  });

  it('keeps two letters hidden, and numbers the masks that still look alike', () => {
    const masks = maskEmails(['ab1@firm.dz', 'ab2@firm.dz', 'contact@firm.dz']);
    expect(masks).toEqual(['a***@firm.dz (1)', 'a***@firm.dz (2)', 'c***@firm.dz']);
    expect(new Set(maskEmails(['ab1@x.dz', 'ab2@x.dz', 'ab3@x.dz'])).size).toBe(3);
  });
});
