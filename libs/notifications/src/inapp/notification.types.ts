import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '#platform';

@ObjectType({ description: 'One value a notice is about or its text is written from' })
export class NotificationParam {
  @Field({ description: 'e.g. contactRequestId, organizationId, organization, edition' }) name: string;
  @Field({ description: 'The value as text: an id, a name or a date' }) value: string;
}

@ObjectType({ description: 'A notice in the app, for its recipient only' })
export class Notification {
  @Field(() => ID, { description: 'Notification id, also its cursor' }) id: string;
  @Field({ description: 'What happened: the name of the matching mail, e.g. contact-request-accepted' })
  kind: string;
  @Field(() => [NotificationParam], { description: 'Ids of what it is about and the values of its text' })
  payload: NotificationParam[];
  @Field({ description: 'When it was written' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread' })
  readAt: Date | null;
}

@ObjectType({ description: 'A notification in a page of notifications' })
export class NotificationEdge {
  @Field({ description: 'Opaque position of this notification, for `after`' }) cursor: string;
  @Field(() => Notification, { description: 'The notification' }) node: Notification;
}

@ObjectType({ description: 'A page of your notifications, newest first' })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: 'The notifications of this page' })
  edges: NotificationEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@InputType({ description: 'Which notifications to mark read: the given ids, or all of them' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'At most 500 ids of your notifications' })
  ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: every unread notification of yours' })
  all?: boolean | null;
}

@ObjectType({ description: 'What marking notifications read did' })
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'How many were unread and are now read' }) marked: number;
  @Field(() => Int, { description: 'Your notifications still unread afterwards' }) unreadCount: number;
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
  @Field(() => ID, { description: 'The meeting request' }) requestId: string;
  @Field(() => ID, { description: 'Its forum edition' }) editionId: string;
  @Field(() => ID, { description: 'The requesting organisation' }) fromOrganizationId: string;
  @Field(() => ID, { description: 'The requested organisation' }) toOrganizationId: string;
  @Field({ description: 'The status after the change: PENDING, ACCEPTED, DECLINED, CANCELLED' })
  status: string;
  @Field({ description: 'create, accept, decline or cancel' }) action: string;
  @Field({ description: 'When the change was committed' }) at: Date;
}

@ObjectType({ description: "A delegate's published agenda changed: meetings published, moved or cancelled" })
export class AgendaChange {
  @Field(() => ID, { description: 'The delegate whose agenda changed' }) delegateId: string;
  @Field(() => ID, { description: 'Their forum edition' }) editionId: string;
  @Field(() => Int, { description: 'The published version of the edition the change belongs to' })
  publishedVersion: number;
  @Field(() => [ID], { description: 'The meetings of the delegate that changed' }) meetingIds: string[];
  @Field({ description: 'When the change was published' }) at: Date;
}
