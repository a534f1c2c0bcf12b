import { operation } from './client';

/* The signed-in user's account: password reset, sessions, language, data export and deletion. */

/** Mails a reset code when the address is registered; the answer is the same when it is not. */
export const REQUEST_PASSWORD_RESET = operation<{ requestPasswordReset: boolean }, { email: string }>(
  `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`,
);

/** Sets a new password with the mailed code; every session ends. */
export const RESET_PASSWORD = operation<{ resetPassword: boolean }, { token: string; newPassword: string }>(
  `mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }`,
);

export interface AccountSession {
  id: string;
  startedAt: string;
  lastActiveAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

export const MY_SESSIONS = operation<{ mySessions: AccountSession[] }>(
  `query MySessions { mySessions { id startedAt lastActiveAt expiresAt userAgent current } }`,
);

export const END_SESSION = operation<{ endSession: boolean }, { id: string }>(
  `mutation EndSession($id: ID!) { endSession(id: $id) }`,
);

export const LOGOUT_EVERYWHERE = operation<{ logoutEverywhere: boolean }>(
  `mutation LogoutEverywhere { logoutEverywhere }`,
);

export const SET_MY_LOCALE = operation<{ setMyLocale: boolean }, { locale: string }>(
  `mutation SetMyLocale($locale: Locale!) { setMyLocale(locale: $locale) }`,
);

/** Everything the platform holds about the user, as one JSON document (a string). */
export const EXPORT_MY_DATA = operation<{ exportMyData: string }>(`query ExportMyData { exportMyData }`);

export const DELETE_MY_ACCOUNT = operation<
  { deleteMyAccount: { deleted: boolean; archivedOrganizationIds: string[] } },
  { password: string }
>(
  `mutation DeleteMyAccount($password: String!) { deleteMyAccount(password: $password) { deleted archivedOrganizationIds } }`,
);

export interface NotificationPreference {
  kind: string;
  email: boolean;
}

/** Email on or off per kind of notice (every notice is shown in the app). */
export const NOTIFICATION_PREFERENCES = operation<{ notificationPreferences: NotificationPreference[] }>(
  `query NotificationPreferences { notificationPreferences { kind email } }`,
);

export const SET_NOTIFICATION_PREFERENCES = operation<
  { setNotificationPreferences: NotificationPreference[] },
  { preferences: NotificationPreference[] }
>(
  `mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $preferences) { kind email } }`,
);

/** The one-click unsubscribe of a mail's link: turns that kind of email off, no sign-in needed. */
export const UNSUBSCRIBE = operation<{ unsubscribe: { kind: string; email: boolean } }, { token: string }>(
  `mutation Unsubscribe($token: String!) { unsubscribe(token: $token) { kind email } }`,
);
