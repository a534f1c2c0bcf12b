import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '#directory';

@ObjectType({ description: 'One value a notice is about or its text is written from' })
export class NotificationParam {
  @Field({ description: 'e.g. contactRequestId, organizationId, organization, edition' }) name: string;
  @Field() value: string;
}

@ObjectType({ description: 'A notice in the app, for its recipient only' })
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'What happened: the name of the matching mail, e.g. contact-request-accepted' })
  kind: string;
  @Field(() => [NotificationParam], { description: 'Ids of what it is about and the values of its text' })
  payload: NotificationParam[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field() cursor: string;
  @Field(() => Notification) node: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType({ description: 'Which notifications to mark read: the given ids, or all of them' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'At most 500 ids of your notifications' })
  ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: every unread notification of yours' })
  all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'How many were unread and are now read' }) marked: number;
  @Field(() => Int) unreadCount: number;
}

export const toNotification = (r: {
  id: string;
  kind: string;
  payload: Record<string, string>;
  created_at?: Date;
  createdAt?: string | Date;
  read_at?: Date | null;
  readAt?: Date | string | null;
}): Notification => {
  const read = r.read_at ?? r.readAt ?? null;
  return {
    id: r.id,
    kind: r.kind,
    payload: Object.entries(r.payload ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value: String(value) })),
    createdAt: new Date(r.created_at ?? r.createdAt ?? 0),
    readAt: read ? new Date(read) : null,
  };
};

@ObjectType({ description: 'A meeting request of the edition was created, accepted, declined or cancelled' })
export class MeetingRequestChange {
  @Field(() => ID) requestId: string;
  @Field(() => ID) editionId: string;
  @Field(() => ID) fromOrganizationId: string;
  @Field(() => ID) toOrganizationId: string;
  @Field({ description: 'The status after the change: PENDING, ACCEPTED, DECLINED, CANCELLED' })
  status: string;
  @Field({ description: 'create, accept, decline or cancel' }) action: string;
  @Field() at: Date;
}

@ObjectType({ description: "A delegate's published agenda changed: meetings published, moved or cancelled" })
export class AgendaChange {
  @Field(() => ID) delegateId: string;
  @Field(() => ID) editionId: string;
  @Field(() => Int, { description: 'The published version of the edition the change belongs to' })
  publishedVersion: number;
  @Field(() => [ID], { description: 'The meetings of the delegate that changed' }) meetingIds: string[];
  @Field() at: Date;
}
