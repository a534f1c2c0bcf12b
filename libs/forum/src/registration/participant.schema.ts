import { z } from 'zod';
import { isKnownCountry, isKnownSector, ORGANIZATION_KINDS, SPOKEN_LANGUAGES } from '#directory';
import { DELEGATE_GOALS } from './registration.entity.js';
import { text } from '#platform';

const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `at most ${max} values`)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]);

/** What the participants directory can be narrowed by; every list is bounded, the text too. */
export const participantFilterSchema = z
  .object({
    kinds: list(z.enum(ORGANIZATION_KINDS), ORGANIZATION_KINDS.length),
    countries: list(z.string().refine(isKnownCountry, 'unknown ISO 3166-1 alpha-2 country code'), 30),
    sectors: list(z.string().refine(isKnownSector, 'unknown sector code'), 30),
    goals: list(z.enum(DELEGATE_GOALS), DELEGATE_GOALS.length),
    languages: list(z.enum(SPOKEN_LANGUAGES), SPOKEN_LANGUAGES.length),
    query: text(100)
      .nullish()
      .transform((s) => (s ? s : null)),
  })
  .nullish()
  .transform((f) => f ?? { kinds: [], countries: [], sectors: [], goals: [], languages: [], query: null });
export type ParticipantFilter = z.output<typeof participantFilterSchema>;
