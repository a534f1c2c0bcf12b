import { describe, expect, it } from 'vitest';
import { nextStep } from './nextStep';

const open = { status: 'OPEN' as const, published: false, signedIn: true, organizations: 1, delegates: 1 };

describe("the edition page's next step", () => {
  it('follows a firm through the forum', () => {
    expect(nextStep({ ...open, signedIn: false, organizations: 0, delegates: 0 })).toBe('signIn');
    expect(nextStep({ ...open, organizations: 0, delegates: 0 })).toBe('noOrganization');
    expect(nextStep({ ...open, delegates: 0 })).toBe('register');
    expect(nextStep(open)).toBe('request');
    expect(nextStep({ ...open, published: true })).toBe('agenda');
  });

  it('says so when the edition is not open, whoever asks', () => {
    expect(nextStep({ ...open, status: 'DRAFT' })).toBe('draft');
    expect(nextStep({ ...open, status: 'CLOSED', published: true })).toBe('closed');
    expect(nextStep({ ...open, status: 'CLOSED', signedIn: false })).toBe('closed');
  });

  it('asks for delegates before anything else, even once the schedule is published', () => {
    expect(nextStep({ ...open, published: true, delegates: 0 })).toBe('register');
  });
});
