import type { ComponentType } from 'react';
import {
  IconCalendarEvent,
  IconClipboardCheck,
  IconFileImport,
  IconLayoutDashboard,
  IconServerCog,
  IconShieldCheck,
  IconUserCheck,
} from '@tabler/icons-react';
import type { MessageKey } from '../../i18n/catalogues';
import type { PlatformRole } from '../../api/operations';

/** One entry of the console's navigation. */
export interface ConsoleNavEntry {
  /** The route's path, under /console. */
  to: string;
  label: MessageKey;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Who sees the entry; by default organisers and admins (ADMIN holds every ORGANISER right). */
  roles?: PlatformRole[];
  /** Active on this path only, not on the paths below it. */
  exact?: boolean;
}

/**
 * The console's navigation, in order. Each part of the console appends its own entries here
 * (and its routes under the console route in src/router.tsx); the layout shows the entries the
 * signed-in user's roles allow.
 */
export const CONSOLE_NAV: ConsoleNavEntry[] = [
  { to: '/console', label: 'console.nav.home', icon: IconLayoutDashboard, exact: true },
  { to: '/console/review', label: 'console.nav.review', icon: IconClipboardCheck },
  { to: '/console/claims', label: 'console.nav.claims', icon: IconShieldCheck },
  { to: '/console/staff', label: 'console.nav.staff', icon: IconUserCheck, roles: ['ADMIN'] },
  { to: '/console/import', label: 'console.nav.import', icon: IconFileImport },
  { to: '/console/operations', label: 'console.nav.operations', icon: IconServerCog, roles: ['ADMIN'] },
  { to: '/console/forum', label: 'consoleForum.nav', icon: IconCalendarEvent },
];

/** The entries a user with these platform roles may open. */
export function visibleEntries(
  entries: ConsoleNavEntry[],
  roles: readonly PlatformRole[],
): ConsoleNavEntry[] {
  return entries.filter((e) => !e.roles || e.roles.some((r) => roles.includes(r)));
}
