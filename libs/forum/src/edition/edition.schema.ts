import { z } from 'zod';
import { IANAZone } from 'luxon';
import { SPOKEN_LANGUAGES } from '#directory';
import { EDITION_STATUSES, SESSION_KINDS } from './edition.entity.js';
import { text, trilingual } from '#platform';

// Date.parse rolls 30 February over into March, and PostgreSQL refuses both that and the year 0000:
// a date is valid only if it reads back unchanged, within the years an edition can take place.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d && d >= '2000' && d < '3000';
  }, 'is not a valid date between the years 2000 and 2999');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const sessionSchema = z.object({
  day: date,
  kind: z.enum(SESSION_KINDS),
  start: time,
  end: time,
  breaks: z
    .array(z.object({ start: time, end: time }))
    .max(10, 'at most 10 breaks')
    .nullish()
    .transform((b) => b ?? []),
});

const quota = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .nullish()
  .transform((v) => v ?? null);

export const editionFields = {
  name: trilingual(200, 'name'),
  venue: text(200)
    .nullish()
    .transform((v) => v || null),
  timezone: z
    .string()
    .max(64)
    .refine((tz) => IANAZone.isValidZone(tz), 'is not an IANA time zone such as Africa/Algiers')
    .nullish()
    .transform((tz) => tz ?? 'Africa/Algiers'),
  startsOn: date,
  endsOn: date,
  slotMinutes: z.number().int().min(5).max(240),
  requestExpiryHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .nullish()
    .transform((v) => v ?? 72),
  maxMeetingsPerDelegate: quota,
  maxRequestsPerDelegate: quota,
  fairness: z
    .number()
    .int()
    .min(0)
    .max(50)
    .nullish()
    .transform((v) => v ?? 2),
  reminderMinutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .nullish()
    .transform((v) => v ?? 15),
  sessions: z
    .array(sessionSchema)
    .max(60, 'at most 60 sessions')
    .nullish()
    .transform((s) => s ?? []),
};

export const createEditionSchema = z.object(editionFields).superRefine((e, ctx) => {
  if (e.endsOn < e.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'is before startsOn' });
  const seen = new Set<string>();
  e.sessions.forEach((s, i) => {
    if (s.day < e.startsOn || s.day > e.endsOn)
      ctx.addIssue({ code: 'custom', path: ['sessions', i, 'day'], message: 'is outside the edition dates' });
    const key = `${s.day}/${s.kind}`;
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['sessions', i],
        message: `a ${s.kind} session on ${s.day} is given twice`,
      });
    seen.add(key);
  });
});
export type CreateEditionData = z.infer<typeof createEditionSchema>;

export const editionStatusSchema = z.enum(EDITION_STATUSES);

/** Whether a name shows anything: format characters (zero-width spaces, joiners) and spaces alone do not. */
export const isVisible = (s: string): boolean => s.replace(/[\p{Cf}\p{Z}\s]/gu, '').length > 0;

export const tableSchema = z.object({
  label: text(40).refine(isVisible, 'is required (zero-width characters and spaces alone are not a label)'),
  capacity: z
    .number()
    .int()
    .min(2)
    .max(50)
    .nullish()
    .transform((v) => v ?? 2),
  languages: z
    .array(z.enum(SPOKEN_LANGUAGES))
    .max(9)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  interpreter: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  organizationId: z
    .uuid('is not a valid id (UUID)')
    .nullish()
    .transform((v) => v?.toLowerCase() ?? null),
});
export type TableData = z.infer<typeof tableSchema>;

export const groupSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be an upper-case code such as SME or FINANCIER'),
  name: trilingual(120, 'name'),
  maxMeetings: quota,
  maxRequests: quota,
});
export type GroupData = z.infer<typeof groupSchema>;
