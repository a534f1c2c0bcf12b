import type { NotificationPreferencesQuery } from '../gql/graphql';
import { graphql } from './client';

/* The signed-in user's account: password reset, sessions, language, data export and deletion. */

/** Mails a reset code when the address is registered; the answer is the same when it is not. */
export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Sets a new password with the mailed code; every session ends. */
export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export interface AccountSession {
  id: string;
  startedAt: string;
  lastActiveAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

export const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions {
      id
      startedAt
      lastActiveAt
      expiresAt
      userAgent
      current
    }
  }
`);

export const END_SESSION = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const LOGOUT_EVERYWHERE = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

export const SET_MY_LOCALE = graphql(`
  mutation SetMyLocale($locale: Locale!) {
    setMyLocale(locale: $locale)
  }
`);

/** Everything the platform holds about the user, as one JSON document (a string). */
export const EXPORT_MY_DATA = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

export const DELETE_MY_ACCOUNT = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password) {
      deleted
      archivedOrganizationIds
    }
  }
`);

export type NotificationPreference = NotificationPreferencesQuery['notificationPreferences'][number];

/** Email on or off per kind of notice (every notice is shown in the app). */
export const NOTIFICATION_PREFERENCES = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      email
    }
  }
`);

export const SET_NOTIFICATION_PREFERENCES = graphql(`
  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    setNotificationPreferences(preferences: $preferences) {
      kind
      email
    }
  }
`);

/** The one-click unsubscribe of a mail's link: turns that kind of email off, no sign-in needed. */
export const UNSUBSCRIBE = graphql(`
  mutation Unsubscribe($token: String!) {
    unsubscribe(token: $token) {
      kind
      email
    }
  }
`);
