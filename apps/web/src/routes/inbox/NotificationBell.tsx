import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { call } from '../../api/client';
import { UNREAD_COUNT } from '../../api/inboxLive';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/LocaleProvider';
import { pollInterval, useLiveConnected, useNotificationStream } from './live';

/** The header's bell: unread notifications, live through the socket, polled while it is down. */
export function NotificationBell() {
  const t = useT();
  const { me } = useSession();
  useNotificationStream(me?.id ?? null);
  const live = useLiveConnected();
  const unread = useQuery({
    queryKey: ['inbox', 'unread', me?.id],
    queryFn: async () => (await call(UNREAD_COUNT)).unreadNotificationCount,
    enabled: !!me,
    refetchInterval: pollInterval(live),
  });
  if (!me) return null;
  const count = unread.data ?? 0;
  return (
    <Indicator
      label={count > 99 ? '99+' : String(count)}
      size={18}
      color="red.9"
      disabled={count === 0}
      offset={6}
      data-testid="unread-badge"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('inbox.bell', { count })}
        data-testid="bell"
        data-live={live ? 'true' : 'false'}
        data-unread={count}
      >
        <IconBell size={22} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
