import { arg, Custom, registerOwnerLookup, verdict, type Rule } from '#identity';
import { DELEGATE_SELF_SQL } from '../registration/delegate.repository.js';

/*
 * A registered delegate's link, answered through identity's owner lookups (which cache one value
 * per record and request; the value stands where an organisation id usually does): the id of the
 * account linked to the registration, or else the delegate's address, which stands for the account
 * that has verified it.
 */
const DELEGATE_SELF = 'forum.delegate_self';
registerOwnerLookup(DELEGATE_SELF, DELEGATE_SELF_SQL);

/** The person registered as the delegate whose id sits at `path` (the account linked to the registration). */
export const DelegateSelf = (path: string): Rule =>
  Custom(
    'the delegate themselves (the account linked to the registration)',
    async ({ viewer, args, access }) => {
      if (!viewer) return verdict.deny('UNAUTHENTICATED', 'sign in to do this');
      const delegateId = (await arg(path)(args, access))?.toLowerCase();
      const link = delegateId ? await access.organizationOf(DELEGATE_SELF, delegateId) : null;
      // An account id never equals an address: the first test holds for a linked registration only,
      // the second for an unlinked one whose address the viewer's account has verified.
      if (link && (link === viewer.userId || (viewer.emailVerified && link === viewer.email)))
        return verdict.allow();
      return verdict.deny('FORBIDDEN', 'only the delegate or its organisation may do this');
    },
  );
