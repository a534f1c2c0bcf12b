import { z } from 'zod';
import { passwordProblem, PASSWORD_MAX } from './passwords.js';

/** Control characters, and the bidirectional overrides and isolates that can disguise a name. */
const hasControlCharacters = (v: string): boolean =>
  [...v].some((ch) => {
    const c = ch.codePointAt(0)!;
    return c < 0x20 || c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  });

/** The version of the terms and privacy notice a user accepts when signing up (docs/PRIVACY.md). */
export const CONSENT_VERSION = '2026-11';

const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .email('must be an email address like name@example.org')
  .transform((v) => v.toLowerCase());

export const registerSchema = z
  .object({
    email,
    // Checked on its own first, so that its problem is reported with those of the other fields.
    password: z
      .string()
      .max(PASSWORD_MAX * 4)
      .superRefine((v, ctx) => {
        const problem = passwordProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    displayName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(120, 'must be at most 120 characters')
      .refine((v) => !hasControlCharacters(v), 'must not hold control or direction-override characters')
      .refine(
        (v) => v === '' || v.replace(/[\p{Cf}\p{Z}]/gu, '').length > 0,
        'must show something: zero-width characters and spaces alone are not a name',
      ),
    locale: z.enum(['ar', 'fr', 'en']).default('fr'),
    acceptTerms: z.literal(true, {
      message: 'the terms and privacy notice must be accepted to create an account',
    }),
  })
  .superRefine((v, ctx) => {
    // Only the account's own email or name is left to check; the field's own problems are reported above.
    if (typeof v.password !== 'string' || passwordProblem(v.password)) return;
    const problem = passwordProblem(v.password, String(v.email ?? ''), String(v.displayName ?? ''));
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const emailSchema = email;

export const newPasswordSchema = z.string().superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

// Tab, line feed and carriage return are fine in a message; other control characters, bidirectional
// overrides and isolates, and surrogates without their pair are not.
// eslint-disable-next-line no-control-regex
const MESSAGE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** A message to another organisation: trimmed, at most 2000 characters, empty meaning none. */
export const messageSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => !MESSAGE_FORBIDDEN.test(v), 'must not hold control or direction-override characters')
  .refine((v) => !/[\uD800-\uDFFF]/u.test(v), 'must not hold an unpaired surrogate (invalid Unicode)')
  .nullish()
  .transform((v) => v || null);
