/** Platform-wide roles; ADMIN holds every ORGANISER right as well. */
export const PLATFORM_ROLES = ['ORGANISER', 'ADMIN'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** A user's place in an organisation. */
export const MEMBERSHIP_ROLES = ['OWNER', 'MEMBER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Who is making a request, as the access token and the account row say; null for an anonymous request. */
export interface Viewer {
  userId: string;
  email: string;
  roles: PlatformRole[];
  emailVerified: boolean;
}

export const isOrganiser = (v: Viewer | null | undefined): boolean =>
  !!v && (v.roles.includes('ORGANISER') || v.roles.includes('ADMIN'));

export const isAdmin = (v: Viewer | null | undefined): boolean => !!v && v.roles.includes('ADMIN');
