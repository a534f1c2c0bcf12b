import type { IntlShape } from 'react-intl';
import type { ApiError } from '../../../api/client';
import { consoleError } from '../errors';

const SLOT_REASONS = new Set(['TABLE_BUSY', 'PARTICIPANT_BUSY']);

/** An api error (a double booking in its own words) of a forum screen in the interface language. */
export function forumError(intl: IntlShape, error: ApiError): string {
  if (error.code === 'SLOT_TAKEN' && error.reason && SLOT_REASONS.has(error.reason))
    return intl.formatMessage({ id: `consoleForum.error.${error.reason}` });
  if (error.code === 'SLOT_TAKEN') return intl.formatMessage({ id: 'consoleForum.error.SLOT_TAKEN' });
  return consoleError(intl, error);
}
