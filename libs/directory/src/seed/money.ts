import type { Lang } from '../taxonomy/codes.js';
import type { Currency } from './places.js';
import { formatInt, niceRound } from './text.js';

/**
 * Amounts are drawn in US dollars and converted at rounded rates, so a ticket means the same
 * thing in dinars, riyals or euros; the rates only need to be plausible, not current.
 */
const PER_USD: Partial<Record<Currency, number>> = {
  DZD: 134,
  EUR: 0.92,
  USD: 1,
  SAR: 3.75,
  AED: 3.67,
  QAR: 3.64,
  KWD: 0.31,
  BHD: 0.38,
  OMR: 0.38,
  EGP: 49,
  MAD: 9.9,
  TND: 3.1,
  LYD: 4.8,
  JOD: 0.71,
  LBP: 89500,
  IQD: 1310,
  MRU: 39.7,
};

const CURRENCY_AR: Partial<Record<Currency, string>> = {
  DZD: 'دينار جزائري',
  EUR: 'يورو',
  USD: 'دولار أمريكي',
  SAR: 'ريال سعودي',
  AED: 'درهم إماراتي',
  QAR: 'ريال قطري',
  KWD: 'دينار كويتي',
  BHD: 'دينار بحريني',
  OMR: 'ريال عماني',
  EGP: 'جنيه مصري',
  MAD: 'درهم مغربي',
  TND: 'دينار تونسي',
  LYD: 'دينار ليبي',
  JOD: 'دينار أردني',
  LBP: 'ليرة لبنانية',
  IQD: 'دينار عراقي',
  MRU: 'أوقية موريتانية',
};

/** A dollar amount in another currency, rounded to two significant digits. */
export function fromUsd(usd: number, currency: Currency): number {
  return niceRound(usd * (PER_USD[currency] ?? 1), 100);
}

/** "25 000 000 DZD", "DZD 25,000,000", "25,000,000 دينار جزائري". */
export function formatMoney(amount: number, currency: Currency, lang: Lang): string {
  if (lang === 'fr') return `${formatInt(amount, 'fr')} ${currency}`;
  if (lang === 'en') return `${currency} ${formatInt(amount, 'en')}`;
  return `${formatInt(amount, 'ar')} ${CURRENCY_AR[currency] ?? currency}`;
}
