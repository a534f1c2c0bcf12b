import { arg, Custom, isOrganiser, registerOwnerLookup, verdict, type Rule } from '#identity';
import {
  DELEGATE_ACCOUNT_SQL,
  DELEGATE_OWNER_SQL,
  PARTICIPATING_EDITIONS_SQL,
} from '../registration/delegate.repository.js';

/*
 * What the forum declares to identity once, when the module loads: the organisation owning a
 * delegate (for access rules on delegate ids) and where delegate registrations hold personal data
 * (./personal-data.ts).
 */

registerOwnerLookup('forum_delegate', DELEGATE_OWNER_SQL);
/** The account linked to a delegate's registration (answered as `organization_id`, the lookups' one column). */
registerOwnerLookup('forum_delegate.account', DELEGATE_ACCOUNT_SQL);

/*
 * A lookup takes a single id, so this one answers for an organisation with the editions it takes part
 * in (space-separated ids): those where it is active and has a delegate registered. An organisation
 * registers in few editions, and the answer is cached for the request.
 */
const PARTICIPATING_EDITIONS = 'forum.participating_editions';
registerOwnerLookup(PARTICIPATING_EDITIONS, PARTICIPATING_EDITIONS_SQL);

/**
 * Organisers, and members of an organisation that has a delegate registered in the edition whose id
 * sits at `path`: the people who may browse that edition's participants.
 */
export const ParticipantOf = (path: string): Rule =>
  Custom(
    'organisers, and members of an organisation with a delegate registered in the edition',
    async ({ viewer, args, access }) => {
      if (!viewer) return verdict.deny('UNAUTHENTICATED', 'sign in to do this');
      if (isOrganiser(viewer)) return verdict.allow();
      const editionId = (await arg(path)(args, access))?.toLowerCase();
      if (!editionId) return verdict.deny('NOT_FOUND', 'no such forum edition');
      for (const org of await access.organizations()) {
        const editions = await access.organizationOf(PARTICIPATING_EDITIONS, org);
        if (editions?.split(' ').includes(editionId)) return verdict.allow();
      }
      return verdict.deny(
        'FORBIDDEN',
        'only organisations with a delegate registered in this edition may see its participants',
      );
    },
  );

// Where the forum holds personal data, for the export and erasure of an account.
export { FORUM_PERSONAL_DATA } from './personal-data.js';
