import { lazy, startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Container, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useIsFetching } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/LocaleProvider';
import { useSession } from '../auth/session';
import { useApplyAccountLocale } from '../routes/account/applyAccountLocale';
import { NotificationBell } from '../routes/inbox/NotificationBell';
import { AccountButton, LanguageButton, type HeaderMenuName } from './headerButtons';

const loadMenus = () => import('./HeaderMenus');
const HeaderMenu = lazy(loadMenus);

/**
 * When the header's menus are fetched without a click: once the browser is idle after a second with
 * no request of the page's own running. On a slow connection (six connections to one host), their
 * dozen files would otherwise queue before the page's data.
 */
function whenQuiet(run: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 3000 });
    else run();
  }, 1000);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/**
 * A header menu: its button at first paint, the menu itself (a lazy chunk) once the browser is idle
 * or the button is clicked (hovering or focusing it starts the fetch). The swap is a transition, so
 * the button stays in place until the menu can replace it; a click made before opens the menu then.
 */
function HeaderMenuSlot({ name }: { name: HeaderMenuName }) {
  const [wanted, setWanted] = useState(false);
  const [clicked, setClicked] = useState(false);
  // The session being resumed, or the page's queries (including the account's `me`) running.
  const fetching = useIsFetching();
  const { resuming } = useSession();
  const busy = fetching > 0 || resuming;
  useEffect(
    () => (wanted || busy ? undefined : whenQuiet(() => startTransition(() => setWanted(true)))),
    [wanted, busy],
  );
  const Placeholder = name === 'language' ? LanguageButton : AccountButton;
  const placeholder = (
    <Placeholder
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadMenus()}
      onFocus={() => void loadMenus()}
      onClick={() => {
        setClicked(true);
        startTransition(() => setWanted(true));
      }}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      {wanted ? <HeaderMenu name={name} defaultOpened={clicked} /> : placeholder}
    </Suspense>
  );
}

function AccountSlot() {
  const t = useT();
  const { me, offline } = useSession();
  const applyingLocale = useApplyAccountLocale();
  // Offline with a stored session, the user is not signed out: the session resumes with the connection.
  if (!me && offline)
    return (
      <Badge
        color="gray"
        variant="light"
        leftSection={<IconWifiOff size={14} aria-hidden />}
        data-testid="offline"
      >
        {t('forum.offline')}
      </Badge>
    );
  if (!me)
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/signin" variant="subtle" size="compact-md">
          {t('nav.signIn')}
        </Button>
        <Button component={Link} to="/signup" size="compact-md" visibleFrom="xs">
          {t('nav.signUp')}
        </Button>
      </Group>
    );
  // Signed in, once the account's own language shows.
  if (applyingLocale) return null;
  return <HeaderMenuSlot name="account" />;
}

/** Header (home link, notifications, language, account) above the page; phone first. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" className="brand" aria-label={t('app.name')}>
              <img src="/favicon.svg" alt="" width={32} height={32} />
              <Text component="span" fw={800} fz="xl" c="teal.9" aria-hidden>
                {t('app.name')}
              </Text>
              <VisuallyHidden>{t('nav.directory')}</VisuallyHidden>
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <NotificationBell />
              <HeaderMenuSlot name="language" />
              <AccountSlot />
            </Group>
          </Group>
        </Container>
      </header>
      <main id="main" className="app-main">
        <Container size="md" py="md" px="sm">
          {children}
        </Container>
      </main>
    </>
  );
}
