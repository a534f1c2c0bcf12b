import type { PlatformRole } from '../../api/operations';

/** Whether a user with these platform roles may open the console (organisers and admins). */
export const canUseConsole = (roles: readonly PlatformRole[] | undefined): boolean =>
  !!roles && (roles.includes('ORGANISER') || roles.includes('ADMIN'));

export const isAdmin = (roles: readonly PlatformRole[] | undefined): boolean => !!roles?.includes('ADMIN');
