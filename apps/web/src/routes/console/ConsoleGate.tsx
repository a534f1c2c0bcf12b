import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import { lazyRouteComponent, useLocation, useNavigate } from '@tanstack/react-router';
import { requestState } from '../../api/client';
import { useSession } from '../../auth/session';
import { useConsoleMessages, useT } from '../../i18n/LocaleProvider';
import { canUseConsole } from './access';

/* The layout and every console page are separate chunks, fetched only once the user is known to be staff. */
const ConsoleLayout = lazy(() => import('./ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })));

/**
 * The /console section's route component, in the main chunk and kept tiny: signed-out users go to
 * sign-in (and come back), users without the ORGANISER or ADMIN role are told so; only organisers
 * and admins load the console's code and messages. The api checks every call anyway (docs/ACCESS.md).
 */
export function ConsoleGate() {
  const t = useT();
  const { me, resuming } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // The console's messages are a chunk of their own, fetched here for staff only, beside its code.
  const messagesReady = useConsoleMessages(!!me && canUseConsole(me.roles));
  // Signed in but `me` not loaded yet: wait, rather than send a signed-in user to the sign-in page.
  const signedOut = !resuming && !me && !requestState.accessToken;
  useEffect(() => {
    if (signedOut) void navigate({ to: '/signin', search: { next: pathname }, replace: true });
  }, [signedOut, navigate, pathname]);
  if (!me) return <Loader role="status" aria-label={t('console.loading')} />;
  if (!canUseConsole(me.roles))
    return (
      <Alert color="gray" title={t('console.forbidden.title')}>
        {t('console.forbidden.body')}
      </Alert>
    );
  if (!messagesReady) return <Loader role="status" aria-label={t('console.loading')} />;
  return (
    <Suspense fallback={<Loader role="status" aria-label={t('console.loading')} />}>
      <ConsoleLayout roles={me.roles} />
    </Suspense>
  );
}

/**
 * A console page's route component, loaded when first rendered, that is inside the gate. (A plain
 * `lazyRouteComponent` is preloaded by the router as soon as the URL matches, before the gate has
 * seen the user's roles.)
 */
export function consolePage<K extends string, T extends Record<K, ComponentType>>(
  load: () => Promise<T>,
  name: K,
): () => ReactNode {
  const Lazy = lazyRouteComponent(load, name) as unknown as ComponentType;
  return function ConsolePage() {
    return <Lazy />;
  };
}
