import { arg, Custom, registerOwnerLookup, verdict, type Rule } from '#identity';

/*
 * The account a registered delegate is linked to (or else the account that has verified the
 * delegate's address since it was registered), answered through identity's owner lookups (which
 * cache one id per record and request): the user id stands where an organisation id usually does.
 */
const DELEGATE_ACCOUNT = 'forum.delegate_account';
registerOwnerLookup(
  DELEGATE_ACCOUNT,
  `SELECT coalesce(d.user_id, u.id)::text AS organization_id
     FROM forum_delegate d
     LEFT JOIN user_account u ON u.email = d.email AND u.email_verified_at IS NOT NULL
    WHERE d.id = $1 AND d.status = 'REGISTERED'`,
);

/** The person registered as the delegate whose id sits at `path` (the account linked to the registration). */
export const DelegateSelf = (path: string): Rule =>
  Custom(
    'the delegate themselves (the account linked to the registration)',
    async ({ viewer, args, access }) => {
      if (!viewer) return verdict.deny('UNAUTHENTICATED', 'sign in to do this');
      const delegateId = (await arg(path)(args, access))?.toLowerCase();
      const account = delegateId ? await access.organizationOf(DELEGATE_ACCOUNT, delegateId) : null;
      if (account && account === viewer.userId) return verdict.allow();
      return verdict.deny('FORBIDDEN', 'only the delegate or its organisation may do this');
    },
  );
