import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/common.types.js';
import { OrganizationType } from './organisation.types.js';

export const OrganizationChangeStatusEnum = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
registerEnumType(OrganizationChangeStatusEnum, {
  name: 'OrganizationChangeStatus',
  description: 'PENDING until an organiser approves or rejects it; WITHDRAWN when its fields were set back',
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
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => OrganizationType, { nullable: true }) organization?: OrganizationType | null;
  @Field(() => OrganizationChangeStatusEnum) status: string;
  @Field(() => [OrganizationFieldChange]) changes: OrganizationFieldChange[];
  @Field(() => ID, { nullable: true, description: 'The member who asked last' }) requestedBy: string | null;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The organiser's note; always given on rejection" })
  reviewNote: string | null;
}

@ObjectType()
export class OrganizationChangeEdge {
  @Field() cursor: string;
  @Field(() => OrganizationChangeObject) node: OrganizationChangeObject;
}

@ObjectType()
export class OrganizationChangeConnection {
  @Field(() => [OrganizationChangeEdge]) edges: OrganizationChangeEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
