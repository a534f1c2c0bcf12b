import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MAIL_STATUSES } from '../mail/mail-deliveries.service.js';
import { PageInfo } from '#platform';

export const MailDeliveryStatusEnum = Object.fromEntries(MAIL_STATUSES.map((s) => [s, s])) as {
  [K in (typeof MAIL_STATUSES)[number]]: K;
};
registerEnumType(MailDeliveryStatusEnum, {
  name: 'MailDeliveryStatus',
  description:
    'PENDING: waiting for its first or next attempt; SENDING: with the SMTP server now; SENT: accepted by the server; FAILED: given up (see lastError)',
  valuesMap: {
    PENDING: { description: 'Waiting for its first or next attempt' },
    SENDING: { description: 'With the SMTP server now' },
    SENT: { description: 'Accepted by the SMTP server' },
    FAILED: { description: 'Given up after its last attempt; lastError says why' },
  },
});

@ObjectType({ description: 'One outgoing email and its delivery; codes and links with tokens are hidden' })
export class MailDelivery {
  @Field(() => ID, { description: 'Delivery id' }) id: string;
  @Field({ description: 'Recipient email address' }) to: string;
  @Field({ description: 'Kind of message, e.g. verify-email' }) template: string;
  @Field({ description: 'Language the message is written in: ar, fr or en' }) locale: string;
  @Field({ description: 'Subject line as sent' }) subject: string;
  @Field({ description: 'The plain-text copy, codes replaced by [hidden]' }) body: string;
  @Field(() => MailDeliveryStatusEnum, { description: 'Where the delivery stands' }) status: string;
  @Field(() => Int, { description: 'SMTP attempts made so far' }) attempts: number;
  @Field(() => String, { nullable: true, description: "The last attempt's error" }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'Message-ID the message is sent with' })
  smtpId: string | null;
  @Field(() => String, { nullable: true, description: "The SMTP server's answer on acceptance" })
  smtpResponse: string | null;
  @Field({ description: 'When the message was queued' }) createdAt: Date;
  @Field({ description: 'When its status last changed' }) updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it; null until SENT' })
  sentAt: Date | null;
}

@ObjectType({ description: 'A delivery in a page of deliveries' })
export class MailDeliveryEdge {
  @Field({ description: 'Opaque position of this delivery, for `after`' }) cursor: string;
  @Field(() => MailDelivery, { description: 'The delivery' }) node: MailDelivery;
}

@ObjectType({ description: 'A page of outgoing emails, newest first' })
export class MailDeliveryConnection {
  @Field(() => [MailDeliveryEdge], { description: 'The deliveries of this page' }) edges: MailDeliveryEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
