import type { ForumEditionStatus } from '../api/forum';

/** What the edition's page tells a visitor to do next, in the order a firm goes through a forum. */
export type NextStep = 'draft' | 'closed' | 'signIn' | 'noOrganization' | 'register' | 'request' | 'agenda';

export function nextStep(state: {
  status: ForumEditionStatus;
  published: boolean;
  signedIn: boolean;
  organizations: number;
  delegates: number;
}): NextStep {
  if (state.status === 'DRAFT') return 'draft';
  if (state.status === 'CLOSED') return 'closed';
  if (!state.signedIn) return 'signIn';
  if (state.organizations === 0) return 'noOrganization';
  if (state.delegates === 0) return 'register';
  return state.published ? 'agenda' : 'request';
}
