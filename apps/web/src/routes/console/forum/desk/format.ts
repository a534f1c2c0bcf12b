import { intlLocaleOf, type Locale } from '../../../../i18n/locale';

/** Times and days of a slot in the edition's time zone, 24-hour with Latin digits in every language. */
export function slotFormat(locale: Locale, timeZone: string) {
  const intl = intlLocaleOf(locale);
  const time = new Intl.DateTimeFormat(intl, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: 'latn',
  });
  const day = new Intl.DateTimeFormat(intl, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    numberingSystem: 'latn',
  });
  return {
    // Isolated left to right (U+2066 … U+2069), so that a range reads 09:00–09:30 in Arabic too.
    range: (start: string, end: string) =>
      `\u2066${time.format(new Date(start))}–${time.format(new Date(end))}\u2069`,
    time: (iso: string) => time.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
  };
}
