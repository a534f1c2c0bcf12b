import { lazy, Suspense } from 'react';
import { Alert, Loader } from '@mantine/core';
import { Navigate, useLocation } from '@tanstack/react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/LocaleProvider';
import { canUseConsole } from './access';

/* The layout and every console page are separate chunks, fetched only once the user is known to be staff. */
const ConsoleLayout = lazy(() => import('./ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })));

/**
 * The /console section's route component, in the main chunk and kept tiny: signed-out users go to
 * sign-in (and come back), users without the ORGANISER or ADMIN role are told so; only organisers
 * and admins load the console's code. The api checks every call anyway (docs/ACCESS.md).
 */
export function ConsoleGate() {
  const t = useT();
  const { me, resuming } = useSession();
  const { pathname } = useLocation();
  if (resuming) return <Loader aria-label={t('console.loading')} />;
  if (!me) return <Navigate to="/signin" search={{ next: pathname }} replace />;
  if (!canUseConsole(me.roles))
    return (
      <Alert color="gray" title={t('console.forbidden.title')}>
        {t('console.forbidden.body')}
      </Alert>
    );
  return (
    <Suspense fallback={<Loader aria-label={t('console.loading')} />}>
      <ConsoleLayout roles={me.roles} />
    </Suspense>
  );
}
