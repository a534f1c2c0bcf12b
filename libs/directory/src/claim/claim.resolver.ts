import {
  Args,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { Authorize, CurrentViewer, Organiser, Verified, type Viewer } from '#identity';
import {
  CLAIM_STATUSES,
  CLAIMS_LISTED_MAX,
  ClaimService,
  OWN_CLAIMS_LISTED,
  type ClaimStatus,
  type ClaimView,
} from './claim.service.js';

export const ClaimStatusEnum = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, s]));
registerEnumType(ClaimStatusEnum, {
  name: 'OrganizationClaimStatus',
  description:
    'CODE_SENT: waiting for the mailed code; CONTESTED: organisers decide; APPROVED: the claimant is owner; REJECTED by organisers; EXPIRED: replaced, out of tries or past its time',
  valuesMap: {
    CODE_SENT: { description: 'Waiting for the claimant to enter the mailed code' },
    CONTESTED: { description: 'Code confirmed, but organisers decide (see contestReason)' },
    APPROVED: { description: 'The claimant is now OWNER of the organisation' },
    REJECTED: { description: 'Refused by organisers (see note)' },
    EXPIRED: { description: 'Replaced by a newer claim, out of tries, or past its time' },
  },
});
export const ContestReasonEnum = { OTHER_CLAIMANT: 'OTHER_CLAIMANT', HAS_OWNER: 'HAS_OWNER' };
registerEnumType(ContestReasonEnum, {
  name: 'ClaimContestReason',
  description: 'Why a claim went to the organisers instead of being approved',
  valuesMap: {
    OTHER_CLAIMANT: { description: 'Another user has an open claim on the same organisation' },
    HAS_OWNER: { description: 'The organisation got an owner while the claim was open' },
  },
});
export const ClaimAddressKindEnum = { CONTACT_PERSON: 'CONTACT_PERSON', WEBSITE_DOMAIN: 'WEBSITE_DOMAIN' };
registerEnumType(ClaimAddressKindEnum, {
  name: 'ClaimAddressKind',
  description: 'Where a claim code may go',
  valuesMap: {
    CONTACT_PERSON: { description: "A contact person's address on the organisation's profile" },
    WEBSITE_DOMAIN: { description: "Any address at the domain of the organisation's website" },
  },
});

@ObjectType({ description: 'An address a claim code may be mailed to' })
export class ClaimOptionType {
  @Field({
    description:
      'A contact-person address masked (a***@firm.dz), or *@domain for any address at the website’s domain',
  })
  address: string;
  @Field(() => ClaimAddressKindEnum, { description: 'What the address is' }) kind: string;
}

@ObjectType('OrganizationClaim', {
  description:
    'A request to become owner of an organisation without members, seen by its claimant and organisers',
})
export class OrganizationClaimType {
  @Field(() => ID, { description: 'Claim id' }) id: string;
  @Field(() => ID, { description: 'The organisation claimed' }) organizationId: string;
  @Field({ description: 'Its name, in the first language given' }) organizationName: string;
  @Field(() => ID, { description: "The claimant's account" }) claimantId: string;
  @Field({ description: "The claimant's sign-in address" }) claimantEmail: string;
  @Field({ description: "The claimant's display name" }) claimantName: string;
  @Field({ description: 'Where the code went: masked for the claimant, in full for organisers' })
  address: string;
  @Field(() => ClaimStatusEnum, { description: 'Where the claim stands' }) status: string;
  @Field(() => ContestReasonEnum, { nullable: true, description: 'Why it is CONTESTED; null otherwise' })
  contestReason: string | null;
  @Field({ description: 'The code stops working after this (24 hours after it was sent)' }) expiresAt: Date;
  @Field({ description: 'When the claim was made' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the right code was entered' })
  confirmedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was approved, rejected or expired' })
  resolvedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The organisers' note on their decision" })
  note: string | null;
}

const toType = (c: ClaimView): OrganizationClaimType => ({ ...c });

@Resolver()
export class ClaimResolver {
  constructor(private readonly claims: ClaimService) {}

  @Authorize(Verified)
  @Query(() => [ClaimOptionType], {
    description:
      'Where a claim code for an organisation without owner may be mailed, masked (verified users). CONFLICT (reason ORGANIZATION_HAS_OWNER) once it has an owner',
  })
  claimOptions(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
  ): Promise<ClaimOptionType[]> {
    return this.claims.claimOptions(id);
  }

  @Authorize(Verified)
  @Mutation(() => OrganizationClaimType, {
    description:
      "Claims an organisation that has no owner: mails a single-use code (24 hours) to `email`, one of claimOptions (masked or in full) or an address at the website's domain. Counts against the sender budget",
  })
  async claimOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The organisation to claim' }) id: string,
    @Args('email', {
      description:
        'Where to mail the code: a claim option, masked or in full, or an address at the website domain',
    })
    email: string,
  ): Promise<OrganizationClaimType> {
    return toType(await this.claims.claim(viewer, id, email));
  }

  @Authorize(Verified)
  @Mutation(() => OrganizationClaimType, {
    description:
      "Confirms the viewer's claim with the mailed code: APPROVED (the viewer is OWNER), or CONTESTED when another claimant has an open claim or the organisation got an owner. A wrong code is INVALID_TOKEN; five void the claim",
  })
  async confirmOrganizationClaim(
    @CurrentViewer() viewer: Viewer,
    @Args('claimId', { type: () => ID, description: 'Your claim' }) claimId: string,
    @Args('code', { description: 'The code from the email' }) code: string,
  ): Promise<OrganizationClaimType> {
    return toType(await this.claims.confirm(viewer, claimId, code));
  }

  @Authorize(Verified)
  @Query(() => [OrganizationClaimType], {
    description: `The viewer's own claims on organisations, newest first, the ${OWN_CLAIMS_LISTED} newest at most, addresses masked`,
  })
  async myOrganizationClaims(@CurrentViewer() viewer: Viewer): Promise<OrganizationClaimType[]> {
    return (await this.claims.mine(viewer)).map(toType);
  }

  @Authorize(Organiser)
  @Query(() => [OrganizationClaimType], {
    description: 'Claims on organisations, newest first, the `first` newest (organisers)',
  })
  async organizationClaims(
    @Args('status', {
      type: () => ClaimStatusEnum,
      nullable: true,
      description: 'Only claims in this status',
    })
    status?: ClaimStatus | null,
    @Args('first', {
      type: () => Int,
      defaultValue: 100,
      description: `At most this many claims, brought within 1 and ${CLAIMS_LISTED_MAX}`,
    })
    first?: number,
  ): Promise<OrganizationClaimType[]> {
    return (await this.claims.list(status, first)).map(toType);
  }

  @Authorize(Organiser)
  @Mutation(() => OrganizationClaimType, {
    description:
      'Decides a claim (organisers): approving a CONTESTED claim makes its claimant OWNER; rejecting closes a CONTESTED or waiting claim',
  })
  async resolveOrganizationClaim(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The claim' }) id: string,
    @Args('approve', { description: 'true approves, false rejects' }) approve: boolean,
    @Args('note', { type: () => String, nullable: true, description: 'Reason given to the claimant' })
    note?: string | null,
  ): Promise<OrganizationClaimType> {
    return toType(await this.claims.resolve(viewer, id, approve, note));
  }
}
