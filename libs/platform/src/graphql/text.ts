import { z } from 'zod';

// Control characters (but tab and newline) and bidirectional overrides have no place in text people read.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
// A surrogate without its pair is not text: PostgreSQL refuses it in JSON and replaces it in text columns.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Refuses control characters, bidirectional overrides and unpaired surrogates. */
export const noForbiddenChars = <T extends z.ZodType<string>>(schema: T) =>
  schema
    .refine((s) => !FORBIDDEN_CHARS.test(s), 'contains control or bidirectional-override characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'contains an unpaired surrogate (invalid Unicode)');

/** Trimmed text of at most `max` characters, free of control and override characters. */
export const text = (max: number) =>
  noForbiddenChars(z.string().trim().max(max, `at most ${max} characters`));

/** Like `text`, with an empty or missing value read as null. */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => (s ? s : null));

/** Text in Arabic, French and English; at least one language must be given. */
export const trilingual = (max: number, what: string) =>
  z
    .object({ ar: optionalText(max), fr: optionalText(max), en: optionalText(max) })
    .refine((t) => Boolean(t.ar || t.fr || t.en), `${what} needs at least one of ar, fr, en`);

/** Text in any of Arabic, French and English, all three optional. */
export const optionalTrilingual = (max: number) =>
  z
    .object({ ar: optionalText(max), fr: optionalText(max), en: optionalText(max) })
    .nullish()
    .transform((t) => t ?? { ar: null, fr: null, en: null });
