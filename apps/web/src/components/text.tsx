import type { IntlShape } from 'react-intl';
import type { ApiError } from '../api/client';
import type { LocalizedText } from '../api/operations';
import type { MessageKey } from '../i18n/catalogues';
import type { Locale } from '../i18n/locale';

/** The text in the interface language, else in another language it was given in. */
export function pickText(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.ar || text.fr || text.en || '';
}

/** A snippet whose matched words the api wrapped in <mark>, shown as text with <mark> elements (never as HTML). */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(/<mark>|<\/mark>/);
  return (
    <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</>
  );
}

const KNOWN = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_TOKEN',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'NETWORK',
  'DATABASE_UNAVAILABLE',
]);

/** An api error said in the interface language. */
export function errorMessage(intl: IntlShape, error: ApiError): string {
  if (!KNOWN.has(error.code)) return intl.formatMessage({ id: 'error.generic' satisfies MessageKey });
  const details = error.problems.map((p) => p.message).join('; ') || error.message;
  return intl.formatMessage({ id: `error.${error.code}` }, { details });
}

/** Country names come from the browser's own data, in the interface language. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language names, likewise. */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
