import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { LocalizedText, OrganizationKindEnum, PageInfo } from '#directory';
import { DelegateGoalEnum, ForumGroupType, RequestStatusEnum } from './forum.types.js';

@ObjectType('ForumParticipantOrganization', {
  description: 'The public facts of a participant’s organisation',
})
export class ParticipantOrganizationType {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => OrganizationKindEnum) kind: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => [String]) sectors: string[];
}

@ObjectType('ForumParticipant', {
  description:
    'A registered delegate as other participants see it. Contact details are not part of it: they are ' +
    'released by an accepted meeting request, through the organisation’s contact persons.',
})
export class ParticipantType {
  @Field(() => ID, { description: 'The delegate id, to name in requestMeeting' }) id: string;
  @Field(() => ID) editionId: string;
  @Field({ description: 'Display name' }) name: string;
  @Field(() => [String]) languages: string[];
  @Field(() => [DelegateGoalEnum]) goals: string[];
  @Field(() => ForumGroupType, { nullable: true }) group: ForumGroupType | null;
  @Field(() => ParticipantOrganizationType) organization: ParticipantOrganizationType;
  @Field({ description: 'Whether the delegate belongs to one of the viewer’s organisations' })
  ownOrganization: boolean;
  @Field(() => RequestStatusEnum, {
    nullable: true,
    description:
      'PENDING or ACCEPTED when the viewer’s organisation already has such a request with this delegate',
  })
  requestStatus: string | null;
  @Field(() => ID, { nullable: true }) requestId: string | null;
}

@ObjectType('ForumParticipantEdge')
export class ParticipantEdge {
  @Field() cursor: string;
  @Field(() => ParticipantType) node: ParticipantType;
}

@ObjectType('ForumParticipantConnection')
export class ParticipantConnection {
  @Field(() => [ParticipantEdge]) edges: ParticipantEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType('ForumParticipantFilter', {
  description: 'Values within one field are alternatives; fields combine',
})
export class ParticipantFilterInput {
  @Field(() => [OrganizationKindEnum], { nullable: true }) kinds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes' })
  countries?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Sector codes' }) sectors?: string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true }) goals?: string[] | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Text in the delegate’s or the organisation’s name (at most 100 characters)',
  })
  query?: string | null;
}
