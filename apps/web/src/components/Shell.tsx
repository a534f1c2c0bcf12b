import type { ReactNode } from 'react';
import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Button,
  Container,
  Group,
  Menu,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconBulb,
  IconCalendarEvent,
  IconCoin,
  IconInbox,
  IconLanguage,
  IconLayoutDashboard,
  IconBuildingFactory2,
  IconLogout,
  IconSpeakerphone,
  IconUsersGroup,
  IconWifiOff,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { LOCALES, type Locale } from '../i18n/locale';
import { useSession } from '../auth/session';
import { NotificationBell } from '../routes/inbox/NotificationBell';
import { canUseConsole } from '../routes/console/access';
import { useAccountLocale } from '../routes/account/accountLocale';

function LanguageMenu() {
  const t = useT();
  const { locale } = useLocale();
  // Remembered on the account when signed in, and applied at sign-in.
  const setLocale = useAccountLocale();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('nav.language')}
          data-testid="language"
        >
          <IconLanguage size={22} stroke={1.6} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l: Locale) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            onClick={() => setLocale(l)}
            fw={l === locale ? 700 : 400}
            aria-current={l === locale ? 'true' : undefined}
          >
            {t(`lang.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function AccountMenu() {
  const t = useT();
  const { me, signOut, offline } = useSession();
  const navigate = useNavigate();
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
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('nav.account')}
          data-testid="account"
        >
          <IconUserCircle size={24} stroke={1.6} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {/* An item, not a Menu.Label: a menu may hold only items, groups and separators (ARIA). */}
        <Menu.Item disabled c="dark.6" style={{ opacity: 1 }}>
          <bdi>{t('auth.signedInAs', { name: me.displayName })}</bdi>
        </Menu.Item>
        <Menu.Item component={Link} to="/agenda" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
          {t('nav.agenda')}
        </Menu.Item>
        <Menu.Item component={Link} to="/events" leftSection={<IconUsersGroup size={16} aria-hidden />}>
          {t('forum.nav.events')}
        </Menu.Item>
        <Menu.Item component={Link} to="/suggestions" leftSection={<IconBulb size={16} aria-hidden />}>
          {t('inbox.nav.suggestions')}
        </Menu.Item>
        <Menu.Item component={Link} to="/requests/contact" leftSection={<IconInbox size={16} aria-hidden />}>
          {t('inbox.nav.requests')}
        </Menu.Item>
        <Menu.Item component={Link} to="/searches" leftSection={<IconCoin size={16} aria-hidden />}>
          {t('inbox.nav.searches')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/my/organizations"
          leftSection={<IconBuildingFactory2 size={16} aria-hidden />}
        >
          {t('organization.menu')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/opportunities"
          leftSection={<IconSpeakerphone size={16} aria-hidden />}
        >
          {t('organization.opportunitiesPage.menu')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('account.title')}
        </Menu.Item>
        {canUseConsole(me.roles) && (
          <Menu.Item
            component={Link}
            to="/console"
            leftSection={<IconLayoutDashboard size={16} aria-hidden />}
            data-testid="console-link"
          >
            {t('console.menu')}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={async () => {
            await signOut();
            await navigate({ to: '/' });
          }}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Header (home link, language, account) above the page; phone first. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
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
              <LanguageMenu />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="md" py="md" px="sm">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
