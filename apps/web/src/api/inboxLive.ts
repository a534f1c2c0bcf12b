import { graphql } from './client';

/*
 * What the header's bell needs on every page, apart from the inbox's other operations (inbox.ts),
 * which load with the inbox's own screens.
 */

export interface Notification {
  id: string;
  kind: string;
  createdAt: string;
  readAt: string | null;
  payload: { name: string; value: string }[];
}

export const NOTIFICATION_FIELDS = 'id kind createdAt readAt payload { name value }';

export const UNREAD_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** Sent over graphql-ws (the access token in the connection parameters). */
export const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      createdAt
      readAt
      payload {
        name
        value
      }
    }
  }
`);
