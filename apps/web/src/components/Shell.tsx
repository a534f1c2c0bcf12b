import { lazy, startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Container, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/LocaleProvider';
import { useSession } from '../auth/session';
import { useApplyAccountLocale } from '../routes/account/applyAccountLocale';
import { NotificationBell } from '../routes/inbox/NotificationBell';
import { AccountButton, LanguageButton, type HeaderMenuName } from './headerButtons';

const loadMenus = () => import('./HeaderMenus');
const HeaderMenu = lazy(loadMenus);

/** When the header's menus are fetched without a click: once the browser is idle after the first paint. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
}

/**
 * A header menu: its button at first paint, the menu itself (a lazy chunk) once the browser is idle
 * or the button is clicked (hovering or focusing it starts the fetch). The swap is a transition, so
 * the button stays in place until the menu can replace it; a click made before opens the menu then.
 */
function HeaderMenuSlot({ name }: { name: HeaderMenuName }) {
  const [wanted, setWanted] = useState(false);
  const [clicked, setClicked] = useState(false);
  useEffect(() => (wanted ? undefined : whenIdle(() => startTransition(() => setWanted(true)))), [wanted]);
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
