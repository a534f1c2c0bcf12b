import type { IntlShape } from 'react-intl';
import type { ApiError } from '../../../../api/client';
import { forumError } from '../forumErrors';

const REASONS = new Set(['OTHER_EDITION', 'WITHDRAWN', 'EXPIRED', 'NOT_STARTED']);

/** A refusal at the venue desk in the interface language: a badge that is not ours, of another edition… */
export function deskError(intl: IntlShape, error: ApiError): string {
  if (error.code === 'INVALID_TOKEN') return intl.formatMessage({ id: 'consoleDesk.error.INVALID_TOKEN' });
  if (error.code === 'CONFLICT' && error.reason && REASONS.has(error.reason))
    return intl.formatMessage({ id: `consoleDesk.error.${error.reason}` });
  return forumError(intl, error);
}
