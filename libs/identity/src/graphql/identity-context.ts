import type { GqlRequestContext } from '#platform';
import type { Viewer } from '../viewer.js';

/** The part of the GraphQL context identity owns: who is asking. */
export interface IdentityContext {
  viewer: Viewer | null;
}

/** What every resolver receives as GraphQL context: the platform's request context and who is asking. */
export type GqlContext = GqlRequestContext & IdentityContext;
