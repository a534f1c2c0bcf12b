import { Box, Burger, Drawer, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import type { PlatformRole } from '../../api/operations';
import { useT } from '../../i18n/LocaleProvider';
import { CONSOLE_NAV, visibleEntries } from './nav';
import './console.css';

function ConsoleNav({ roles, onNavigate }: { roles: PlatformRole[]; onNavigate?: () => void }) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="ul" className="console-nav">
      {visibleEntries(CONSOLE_NAV, roles).map((e) => {
        const active = e.exact ? pathname === e.to : pathname === e.to || pathname.startsWith(`${e.to}/`);
        return (
          <li key={e.to}>
            <NavLink
              component={Link}
              to={e.to as never}
              activeOptions={{ exact: !!e.exact }}
              label={t(e.label)}
              leftSection={<e.icon size={18} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </Stack>
  );
}

/** The console: its navigation (a drawer on phones, a side column on wider screens) beside the page. */
export function ConsoleLayout({ roles }: { roles: PlatformRole[] }) {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <Box className="console">
      <Group hiddenFrom="sm" gap="xs" mb="sm" wrap="nowrap">
        <Burger
          opened={opened}
          onClick={toggle}
          size="sm"
          aria-label={t('console.nav.open')}
          aria-expanded={opened}
        />
        <Text fw={700} c="teal.9">
          {t('console.title')}
        </Text>
      </Group>
      <Drawer
        opened={opened}
        onClose={close}
        title={t('console.title')}
        closeButtonProps={{ 'aria-label': t('console.close') }}
        size="xs"
        // Mantine mirrors the side right to left: "left" is the side the text starts on.
        position="left"
      >
        <nav aria-label={t('console.nav.label')}>
          <ConsoleNav roles={roles} onNavigate={close} />
        </nav>
      </Drawer>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Box
          component="nav"
          aria-label={t('console.nav.label')}
          visibleFrom="sm"
          w={220}
          className="console-aside"
        >
          <ConsoleNav roles={roles} />
        </Box>
        <Box className="console-main" style={{ flex: 1, minInlineSize: 0 }}>
          <Outlet />
        </Box>
      </Group>
    </Box>
  );
}
