import type { LocalizedText } from '../../api/operations';
import type { Locale } from '../../i18n/locale';

/** A value of an identity change as the api sends it (JSON), as lines of text; null for no value. */
export function changeValueLines(json: string | null, locale: Locale): string[] | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [json];
  }
  if (value === null || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const text = value as Partial<LocalizedText> & Record<string, unknown>;
    // Localized text: the interface language first, then the others, each marked with its language.
    const order: Locale[] = [locale, ...(['ar', 'fr', 'en'] as Locale[]).filter((l) => l !== locale)];
    const lines = order
      .filter((l) => typeof text[l] === 'string' && text[l])
      .map((l) => `${l}: ${String(text[l])}`);
    return lines.length ? lines : [JSON.stringify(value)];
  }
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}
