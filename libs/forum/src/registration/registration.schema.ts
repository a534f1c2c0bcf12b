import { z } from 'zod';
import { SPOKEN_LANGUAGES } from '#directory';
import { DELEGATE_GOALS } from './registration.entity.js';
import { isVisible } from '../edition/edition.schema.js';
import { text } from '#platform';

const uuid = z.uuid('is not a valid id (UUID)').transform((v) => v.toLowerCase());

export const delegateFields = {
  name: text(120).refine(isVisible, 'is required (zero-width characters and spaces alone are not a name)'),
  email: z
    .email('is not an email address')
    .max(254)
    .transform((e) => e.toLowerCase()),
  userId: uuid.nullish().transform((v) => v ?? null),
  languages: z
    .array(z.enum(SPOKEN_LANGUAGES))
    .max(9)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  goals: z
    .array(z.enum(DELEGATE_GOALS))
    .max(5)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  unavailableSlotIds: z
    .array(uuid)
    .max(500)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
};

export const registerDelegateSchema = z.object(delegateFields);
export type RegisterDelegateData = z.infer<typeof registerDelegateSchema>;
export const updateDelegateSchema = z.object(delegateFields).partial();
