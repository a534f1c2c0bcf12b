import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { CATALOGUES } from '../../i18n/catalogues';
import { inboxError } from './common';

const intl = (locale: 'ar' | 'fr') => createIntl({ locale, messages: CATALOGUES[locale] });

describe('inboxError', () => {
  it('says a refused duplicate request in the interface language', () => {
    const e = new ApiError('CONFLICT', 'a request to this organisation is already pending');
    expect(inboxError(intl('fr'), e)).toContain('déjà en attente');
    expect(inboxError(intl('ar'), e)).toContain('قيد الانتظار');
  });
  it('keeps the field problems of bad input', () => {
    const e = new ApiError('BAD_USER_INPUT', 'bad', [
      { path: 'input.ticketMin', message: 'must be positive' },
    ]);
    expect(inboxError(intl('fr'), e)).toContain('must be positive');
  });
  it('leaves other codes to the app-wide messages, never the raw api text', () => {
    const e = new ApiError('INTERNAL_SERVER_ERROR', 'stack trace here');
    expect(inboxError(intl('fr'), e)).not.toContain('stack trace');
    expect(inboxError(intl('fr'), new Error('boom'))).not.toContain('boom');
  });
});
