import { Menu } from '@mantine/core';
import {
  IconBuildingFactory2,
  IconBulb,
  IconCalendarEvent,
  IconCoin,
  IconInbox,
  IconLayoutDashboard,
  IconLogout,
  IconSettings,
  IconSpeakerphone,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useSession } from '../auth/session';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { LOCALES, type Locale } from '../i18n/locale';
import { canUseConsole } from '../routes/console/access';
import { useAccountLocale } from '../routes/account/accountLocale';
import { AccountButton, LanguageButton, type HeaderMenuName } from './headerButtons';

/*
 * The header's two menus, a chunk of their own: Mantine's Menu brings Popover and floating-ui, which
 * the first paint does not need. The Shell shows the same buttons until this chunk is here and opens
 * the menu that was clicked meanwhile.
 */

function LanguageMenu({ defaultOpened }: { defaultOpened: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  // Remembered on the account when signed in, and applied at sign-in.
  const setLocale = useAccountLocale();
  return (
    <Menu
      position="bottom-end"
      withinPortal
      withInitialFocusPlaceholder={false}
      defaultOpened={defaultOpened}
    >
      <Menu.Target>
        <LanguageButton />
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l: Locale) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            onClick={() => void setLocale(l)}
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

function AccountMenu({ defaultOpened }: { defaultOpened: boolean }) {
  const t = useT();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu
      position="bottom-end"
      withinPortal
      withInitialFocusPlaceholder={false}
      defaultOpened={defaultOpened}
    >
      <Menu.Target>
        <AccountButton />
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

/** One of the header's menus, opened at once when its button was clicked before this chunk arrived. */
export default function HeaderMenu({
  name,
  defaultOpened,
}: {
  name: HeaderMenuName;
  defaultOpened: boolean;
}) {
  return name === 'language' ? (
    <LanguageMenu defaultOpened={defaultOpened} />
  ) : (
    <AccountMenu defaultOpened={defaultOpened} />
  );
}
