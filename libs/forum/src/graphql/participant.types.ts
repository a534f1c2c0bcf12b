import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { LocalizedText, OrganizationKindEnum } from '#directory';
import { DelegateGoalEnum, ForumGroupType, RequestStatusEnum } from './forum.types.js';
import { PageInfo } from '#platform';

@ObjectType('ForumParticipantOrganization', {
  description: 'The public facts of a participant’s organisation',
})
export class ParticipantOrganizationType {
  @Field(() => ID, { description: 'Organisation id' }) id: string;
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field(() => OrganizationKindEnum, { description: 'Kind of organisation' }) kind: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => [String], { description: 'ISIC Rev.4 sections or divisions it works in' }) sectors: string[];
}

@ObjectType('ForumParticipant', {
  description:
    'A registered delegate as other participants see it. Contact details are not part of it: they are ' +
    'released by an accepted meeting request, through the organisation’s contact persons.',
})
export class ParticipantType {
  @Field(() => ID, { description: 'The delegate id, to name in requestMeeting' }) id: string;
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field({ description: 'Display name' }) name: string;
  @Field(() => [String], { description: 'Languages spoken, ISO 639 codes' }) languages: string[];
  @Field(() => [DelegateGoalEnum], { description: 'What the delegate comes for' }) goals: string[];
  @Field(() => ForumGroupType, { nullable: true, description: 'Its group, if the edition has groups' })
  group: ForumGroupType | null;
  @Field(() => ParticipantOrganizationType, { description: 'The organisation it represents' })
  organization: ParticipantOrganizationType;
  @Field({ description: 'Whether the delegate belongs to one of the viewer’s organisations' })
  ownOrganization: boolean;
  @Field(() => RequestStatusEnum, {
    nullable: true,
    description:
      'PENDING or ACCEPTED when the viewer’s organisation already has such a request with this delegate',
  })
  requestStatus: string | null;
  @Field(() => ID, { nullable: true, description: 'That request, when there is one' }) requestId:
    string | null;
}

@ObjectType('ForumParticipantEdge', { description: 'A participant in a page of participants' })
export class ParticipantEdge {
  @Field({ description: 'Opaque position of this participant, for `after`' }) cursor: string;
  @Field(() => ParticipantType, { description: 'The participant' }) node: ParticipantType;
}

@ObjectType('ForumParticipantConnection', { description: 'A page of participants, at most 100' })
export class ParticipantConnection {
  @Field(() => [ParticipantEdge], { description: 'The participants of this page' }) edges: ParticipantEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@InputType('ForumParticipantFilter', {
  description: 'Values within one field are alternatives; fields combine',
})
export class ParticipantFilterInput {
  @Field(() => [OrganizationKindEnum], { nullable: true, description: 'Organisation kinds' })
  kinds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes' })
  countries?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Sector codes' }) sectors?: string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true, description: 'Delegate goals' }) goals?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken, ISO 639 codes' })
  languages?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Text in the delegate’s or the organisation’s name (at most 100 characters)',
  })
  query?: string | null;
}
