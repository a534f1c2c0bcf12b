import type { IntlShape } from 'react-intl';
import type { ApiError } from '../../api/client';
import { errorMessage } from '../../components/text';

const CONSOLE_CODES = new Set(['CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/** An api error in the interface language, with the console's own words for conflicts and refusals. */
export function consoleError(intl: IntlShape, error: ApiError): string {
  if (CONSOLE_CODES.has(error.code)) return intl.formatMessage({ id: `console.error.${error.code}` });
  return errorMessage(intl, error);
}
