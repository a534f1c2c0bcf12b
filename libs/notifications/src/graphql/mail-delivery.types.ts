import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '#directory';
import { MAIL_STATUSES } from '../mail/mail-deliveries.service.js';

export const MailDeliveryStatusEnum = Object.fromEntries(MAIL_STATUSES.map((s) => [s, s])) as {
  [K in (typeof MAIL_STATUSES)[number]]: K;
};
registerEnumType(MailDeliveryStatusEnum, {
  name: 'MailDeliveryStatus',
  description:
    'PENDING: waiting for its first or next attempt; SENDING: with the SMTP server now; SENT: accepted by the server; FAILED: given up (see lastError)',
});

@ObjectType({ description: 'One outgoing email and its delivery; codes and links with tokens are hidden' })
export class MailDelivery {
  @Field(() => ID) id: string;
  @Field() to: string;
  @Field({ description: 'Kind of message, e.g. verify-email' }) template: string;
  @Field() locale: string;
  @Field() subject: string;
  @Field({ description: 'The plain-text copy, codes replaced by [hidden]' }) body: string;
  @Field(() => MailDeliveryStatusEnum) status: string;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: "The last attempt's error" }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'Message-ID the message is sent with' })
  smtpId: string | null;
  @Field(() => String, { nullable: true, description: "The SMTP server's answer on acceptance" })
  smtpResponse: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}

@ObjectType()
export class MailDeliveryEdge {
  @Field() cursor: string;
  @Field(() => MailDelivery) node: MailDelivery;
}

@ObjectType()
export class MailDeliveryConnection {
  @Field(() => [MailDeliveryEdge]) edges: MailDeliveryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
