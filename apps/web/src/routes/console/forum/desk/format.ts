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
    range: (start: string, end: string) => `${time.format(new Date(start))}–${time.format(new Date(end))}`,
    time: (iso: string) => time.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
  };
}
