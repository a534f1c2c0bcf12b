import type { Viewer } from '../viewer.js';

/** The part of the GraphQL context identity owns: who is asking. */
export interface IdentityContext {
  viewer: Viewer | null;
}
