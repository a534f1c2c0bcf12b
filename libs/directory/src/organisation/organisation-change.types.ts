import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationType } from './organisation.types.js';
import { PageInfo } from '#platform';

export const OrganizationChangeStatusEnum = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
registerEnumType(OrganizationChangeStatusEnum, {
  name: 'OrganizationChangeStatus',
  description: 'PENDING until an organiser approves or rejects it; WITHDRAWN when its fields were set back',
  valuesMap: {
    PENDING: { description: 'Waiting for an organiser' },
    APPROVED: { description: 'Approved: the proposed values are now public' },
    REJECTED: { description: 'Rejected: the approved values stay (see reviewNote)' },
    WITHDRAWN: { description: 'Dropped: its fields were set back to the approved values' },
  },
});

@ObjectType({ description: 'One field of a change request: the approved value and the proposed one' })
export class OrganizationFieldChange {
  @Field({ description: 'name, country, website, or regionCode and region with a country' }) field: string;
  @Field(() => String, { nullable: true, description: 'The approved value, as JSON' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The proposed value, as JSON' }) after: string | null;
}

@ObjectType({
  description:
    "A change to an approved organisation's identity, waiting for an organiser; the approved values stay public until then",
})
export class OrganizationChangeObject {
  @Field(() => ID, { description: 'Change request id' }) id: string;
  @Field(() => ID, { description: 'The organisation' }) organizationId: string;
  @Field(() => OrganizationType, {
    nullable: true,
    description: 'The organisation, as the viewer may see it',
  })
  organization?: OrganizationType | null;
  @Field(() => OrganizationChangeStatusEnum, { description: 'Where it stands' }) status: string;
  @Field(() => [OrganizationFieldChange], { description: 'The fields it changes' })
  changes: OrganizationFieldChange[];
  @Field(() => ID, { nullable: true, description: 'The member who asked last' }) requestedBy: string | null;
  @Field({ description: 'When it was last asked for' }) requestedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When an organiser decided' }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The organiser's note; always given on rejection" })
  reviewNote: string | null;
}

@ObjectType({ description: 'A change request in a page of change requests' })
export class OrganizationChangeEdge {
  @Field({ description: 'Opaque position of this change request, for `after`' }) cursor: string;
  @Field(() => OrganizationChangeObject, { description: 'The change request' })
  node: OrganizationChangeObject;
}

@ObjectType({ description: 'A page of change requests' })
export class OrganizationChangeConnection {
  @Field(() => [OrganizationChangeEdge], { description: 'The change requests of this page' })
  edges: OrganizationChangeEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
