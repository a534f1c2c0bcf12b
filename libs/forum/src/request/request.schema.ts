import { z } from 'zod';
import { REQUEST_SOURCES, SESSION_PREFERENCES } from './request.entity.js';
import { text } from '#platform';

const uuid = z.uuid('is not a valid id (UUID)').transform((v) => v.toLowerCase());

export const meetingRequestSchema = z
  .object({
    editionId: uuid,
    organizationId: uuid,
    fromDelegateId: uuid,
    toDelegateId: uuid.nullish().transform((v) => v ?? null),
    toOrganizationId: uuid.nullish().transform((v) => v ?? null),
    message: text(1000)
      .nullish()
      .transform((v) => v || null),
    priority: z
      .number()
      .int()
      .min(1)
      .max(3)
      .nullish()
      .transform((v) => v ?? 2),
    session: z
      .enum(SESSION_PREFERENCES)
      .nullish()
      .transform((v) => v ?? 'ANY'),
    // Walk-ins are created by bookWalkIn, with the slot they propose.
    source: z
      .enum(REQUEST_SOURCES.filter((s) => s !== 'WALK_IN') as ['MANUAL', 'SUGGESTION', 'ORGANISER'])
      .nullish()
      .transform((v) => v ?? 'MANUAL'),
  })
  .refine((r) => Boolean(r.toDelegateId || r.toOrganizationId), {
    message: 'give toDelegateId or toOrganizationId',
    path: ['toDelegateId'],
  });
export type MeetingRequestData = z.infer<typeof meetingRequestSchema>;

/** Why a request is declined or cancelled, as its sender will read it. */
export const reasonSchema = text(500)
  .nullish()
  .transform((v) => v || null);
