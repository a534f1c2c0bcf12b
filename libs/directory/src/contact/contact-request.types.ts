import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '#platform';

export enum ContactRequestDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(ContactRequestDirection, {
  name: 'ContactRequestDirection',
  description: 'Which side of a contact request your organisation is on',
  valuesMap: {
    INCOMING: { description: 'Sent to your organisation' },
    OUTGOING: { description: 'Sent by your organisation' },
  },
});

@ObjectType({ description: 'A request for contact between two organisations, seen by members of both' })
export class ContactRequestType {
  @Field(() => ID, { description: 'Request id' }) id: string;
  @Field(() => ID, { description: 'The requesting organisation' }) fromOrganizationId: string;
  @Field(() => ID, { description: 'The requested organisation' }) toOrganizationId: string;
  @Field(() => String, { nullable: true, description: 'Note from the requesting side, if any' })
  message: string | null;
  @Field({
    description:
      'PENDING, ACCEPTED, DECLINED, CANCELLED or EXPIRED (not answered by expiresAt; it may be sent again)',
  })
  status: string;
  @Field(() => String, {
    nullable: true,
    description: 'The note the requested side gave with its decline, if any (at most 500 characters)',
  })
  declineMessage: string | null;
  @Field({ description: 'When it was sent' }) createdAt: Date;
  @Field({
    description: 'When a pending request expires unanswered (CONTACT_REQUEST_EXPIRY_DAYS after it was sent)',
  })
  expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was answered or withdrawn; null while PENDING' })
  respondedAt: Date | null;
}

@ObjectType('ContactRequestConnection', {
  description: 'A page of contact requests, newest first (at most 200), with the total',
})
export class ContactRequestConnection extends ConnectionType(
  ContactRequestType,
  'ContactRequest',
  'contact requests',
) {}
