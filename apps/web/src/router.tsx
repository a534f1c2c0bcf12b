import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from '@tanstack/react-router';
import { page } from './routes/page';
import { Shell } from './components/Shell';
import { validateSearch } from './routes/searchParams';
import { ConsoleGate, consolePage } from './routes/console/ConsoleGate';
import { editionTab } from './routes/console/forum/routes';
import { printSearch } from './routes/console/forum/desk/routes';

const root = createRootRoute({
  component: () => (
    <Shell>
      <Outlet />
    </Shell>
  ),
});

/**
 * The home page is the directory search; its filters live in the URL so a search can be shared.
 * Every page is a chunk of its own (lazyRouteComponent): the entry holds the shell, the router and
 * the Arabic catalogue only (npm run bench:web counts a first load).
 */
const search = createRoute({
  getParentRoute: () => root,
  path: '/',
  validateSearch,
  component: page(() => import('./routes/SearchPage'), 'SearchPage', []),
});
const organization = createRoute({
  getParentRoute: () => root,
  path: '/o/$id',
  component: page(() => import('./routes/OrganizationPage'), 'OrganizationPage', ['organization']),
});
const signUp = createRoute({
  getParentRoute: () => root,
  path: '/signup',
  component: page(() => import('./routes/AuthPages'), 'SignUpPage', ['account']),
});
const signIn = createRoute({
  getParentRoute: () => root,
  path: '/signin',
  validateSearch: (s: Record<string, unknown>): { next?: string } =>
    typeof s.next === 'string' && s.next.startsWith('/') && !s.next.startsWith('//') ? { next: s.next } : {},
  component: page(() => import('./routes/AuthPages'), 'SignInPage', ['account']),
});
/** The verification mail links here with ?token=…; the sign-up page comes here with ?email=…. */
const verifyEmail = createRoute({
  getParentRoute: () => root,
  path: '/verify-email',
  validateSearch: (s: Record<string, unknown>): { token?: string; email?: string } => ({
    ...(typeof s.token === 'string' ? { token: s.token } : {}),
    ...(typeof s.email === 'string' ? { email: s.email } : {}),
  }),
  component: page(() => import('./routes/VerifyEmailPage'), 'VerifyEmailPage', ['account']),
});

/** A delegate's forum agenda (outside /forum, which is the api's: calendar feeds and printouts). */
const agendaIndex = createRoute({
  getParentRoute: () => root,
  path: '/agenda',
  component: page(() => import('./routes/AgendaPage'), 'AgendaIndexPage', ['forum']),
});
const agenda = createRoute({
  getParentRoute: () => root,
  path: '/agenda/$edition',
  component: page(() => import('./routes/AgendaPage'), 'AgendaPage', ['forum']),
});

/**
 * The organisers' console: the gate (main chunk, tiny) lets only ORGANISER and ADMIN users load the
 * console's layout; each page is its own chunk, fetched once rendered inside the gate (consolePage;
 * lazyRouteComponent alone is fetched as soon as the URL matches). Console parts add their pages to
 * this list and their navigation entries to src/routes/console/nav.ts.
 */
const consoleSection = createRoute({ getParentRoute: () => root, path: '/console', component: ConsoleGate });
const consolePages = [
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/',
    component: consolePage(() => import('./routes/console/ConsoleHome'), 'ConsoleHome'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/review',
    component: consolePage(() => import('./routes/console/ReviewPage'), 'ReviewPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/claims',
    component: consolePage(() => import('./routes/console/ClaimsPage'), 'ClaimsPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/staff',
    component: consolePage(() => import('./routes/console/StaffPage'), 'StaffPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/import',
    component: consolePage(() => import('./routes/console/ImportPage'), 'ImportPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/operations',
    component: consolePage(() => import('./routes/console/OperationsPage'), 'OperationsPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum',
    component: lazyRouteComponent(
      () => import('./routes/console/forum/ForumEditionsPage'),
      'ForumEditionsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum/$editionId',
    validateSearch: editionTab,
    component: lazyRouteComponent(() => import('./routes/console/forum/EditionPage'), 'EditionPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum/$editionId/print',
    validateSearch: printSearch,
    component: consolePage(() => import('./routes/console/forum/desk/PrintPage'), 'PrintPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum/$editionId/desk',
    component: consolePage(() => import('./routes/console/forum/desk/DeskPage'), 'DeskPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum/$editionId/statistics',
    component: consolePage(() => import('./routes/console/forum/StatisticsPage'), 'StatisticsPage'),
  }),
  createRoute({
    getParentRoute: () => consoleSection,
    path: '/forum/$editionId/follow-up',
    component: consolePage(() => import('./routes/console/forum/FollowUpPage'), 'FollowUpPage'),
  }),
];

/** The forum, participants' side: editions, delegates, the participant directory, my requests. */
const forumPages = [
  createRoute({
    getParentRoute: () => root,
    path: '/events',
    component: page(() => import('./routes/forum/EventsPage'), 'EventsPage', ['forum']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/events/$editionId',
    component: page(() => import('./routes/forum/EventsPage'), 'EditionPage', ['forum']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/events/$editionId/participants',
    component: page(() => import('./routes/forum/ParticipantsPage'), 'ParticipantsPage', ['forum']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/events/$editionId/requests',
    component: page(() => import('./routes/forum/MyRequestsPage'), 'MyRequestsPage', ['forum']),
  }),
];

/** The inbox: notifications, contact and meeting requests, suggestions, financiers' saved searches. */
const inboxPages = [
  createRoute({
    getParentRoute: () => root,
    path: '/notifications',
    component: page(() => import('./routes/inbox/NotificationsPage'), 'NotificationsPage', ['inbox']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/requests/contact',
    component: page(() => import('./routes/inbox/ContactRequestsPage'), 'ContactRequestsPage', ['inbox']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/requests/meetings',
    component: page(() => import('./routes/inbox/MeetingRequestsPage'), 'MeetingRequestsPage', ['inbox']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/requests/meetings/$requestId',
    component: page(() => import('./routes/inbox/MeetingRequestsPage'), 'MeetingRequestPage', ['inbox']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/suggestions',
    component: page(() => import('./routes/inbox/SuggestionsPage'), 'SuggestionsPage', ['inbox']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/searches',
    component: page(() => import('./routes/inbox/SearchesPage'), 'SearchesPage', ['inbox']),
  }),
];

/** The account: password reset (linked from mails), sessions, export, deletion. */
const accountPages = [
  createRoute({
    getParentRoute: () => root,
    path: '/reset',
    validateSearch: (s: Record<string, unknown>): { token?: string } =>
      typeof s.token === 'string' ? { token: s.token } : {},
    component: page(() => import('./routes/account/ResetPasswordPage'), 'ResetPasswordPage', ['account']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/account',
    component: page(() => import('./routes/account/AccountPage'), 'AccountPage', ['account']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/unsubscribe',
    validateSearch: (s: Record<string, unknown>): { token?: string } =>
      typeof s.token === 'string' ? { token: s.token } : {},
    component: page(() => import('./routes/account/UnsubscribePage'), 'UnsubscribePage', ['account']),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/account/notifications',
    component: page(() => import('./routes/account/NotificationSettingsPage'), 'NotificationSettingsPage', [
      'account',
    ]),
  }),
];

/** My organisations (profile, review, members, offers and needs), invitations, and all opportunities. */
const organizationPages = [
  createRoute({
    getParentRoute: () => root,
    path: '/my/organizations',
    component: page(() => import('./routes/organization/MyOrganizationsPage'), 'MyOrganizationsPage', [
      'account',
      'organization',
    ]),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/my/organizations/new',
    component: page(() => import('./routes/organization/NewOrganizationPage'), 'NewOrganizationPage', [
      'account',
      'organization',
    ]),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/my/organizations/$id',
    component: page(() => import('./routes/organization/ManageOrganizationPage'), 'ManageOrganizationPage', [
      'account',
      'organization',
    ]),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/claim/$organizationId',
    component: page(() => import('./routes/organization/ClaimPages'), 'ClaimOrganizationPage', [
      'account',
      'organization',
    ]),
  }),
  /** The claim mail links here with ?token=…. */
  createRoute({
    getParentRoute: () => root,
    path: '/claims/$claimId',
    validateSearch: (s: Record<string, unknown>): { token?: string } =>
      typeof s.token === 'string' ? { token: s.token } : {},
    component: page(() => import('./routes/organization/ClaimPages'), 'ConfirmClaimPage', [
      'account',
      'organization',
    ]),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/invitations/$invitationId',
    validateSearch: (s: Record<string, unknown>): { token?: string } =>
      typeof s.token === 'string' ? { token: s.token } : {},
    component: page(() => import('./routes/organization/InvitationPage'), 'InvitationPage', [
      'account',
      'organization',
    ]),
  }),
  createRoute({
    getParentRoute: () => root,
    path: '/opportunities',
    component: page(() => import('./routes/organization/OpportunitiesPage'), 'OpportunitiesPage', [
      'account',
      'organization',
    ]),
  }),
];

export const routeTree = root.addChildren([
  search,
  organization,
  signUp,
  signIn,
  verifyEmail,
  agendaIndex,
  agenda,
  consoleSection.addChildren(consolePages),
  ...forumPages,
  ...inboxPages,
  ...accountPages,
  ...organizationPages,
]);

export function createAppRouter(history?: Parameters<typeof createRouter>[0]['history']) {
  return createRouter({ routeTree, history, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
