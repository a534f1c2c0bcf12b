import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call } from '../../api/client';
import { MARK_READ, NOTIFICATIONS, type Notification } from '../../api/inbox';
import { useSession } from '../../auth/session';
import type { MessageKey } from '../../i18n/catalogues';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatWhen, inboxError, SignedIn } from './common';
import { pollInterval, useLiveConnected } from './live';
import './inbox.css';
import { isKnownKind, notificationTarget, payloadOf } from './notificationView';

const PAGE = 20;

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const p = payloadOf(n);
  const key = (
    isKnownKind(n.kind) ? `inbox.notification.${n.kind}` : 'inbox.notification.other'
  ) as MessageKey;
  // The organisation's name isolated from the sentence's direction.
  const text = intl.formatMessage(
    { id: key },
    { name: <bdi key="name">{p.organization ?? p.name ?? ''}</bdi> },
  );
  const target = notificationTarget(n);
  const unread = !n.readAt;
  return (
    <Card
      withBorder
      padding="sm"
      className={unread ? 'notification unread' : 'notification'}
      data-testid="notification"
      data-kind={n.kind}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Link {...target} className="notification-link" onClick={() => onOpen(n)}>
          <Text fw={unread ? 700 : 400} dir="auto">
            {text}
          </Text>
        </Link>
        {unread && (
          <Badge color="red.9" variant="filled" size="sm" className="score">
            {t('inbox.notifications.new')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        <time dateTime={n.createdAt}>{formatWhen(n.createdAt, locale)}</time>
      </Text>
    </Card>
  );
}

/** /notifications: what happened, newest first, each leading to its page; mark read one by one or all. */
export function NotificationsPage() {
  const t = useT();
  return (
    <SignedIn title={t('inbox.notifications.title')}>
      <NotificationList />
    </SignedIn>
  );
}

function NotificationList() {
  const t = useT();
  const intl = useIntl();
  const { me } = useSession();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const live = useLiveConnected();
  const list = useInfiniteQuery({
    queryKey: ['inbox', 'notifications', me?.id],
    queryFn: ({ pageParam }) => call(NOTIFICATIONS, { first: PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.notifications.pageInfo.hasNextPage ? last.notifications.pageInfo.endCursor : undefined,
    refetchInterval: pollInterval(live),
  });
  const mark = useMutation({
    mutationFn: (input: { ids?: string[]; all?: boolean }) => call(MARK_READ, { input }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const open = (n: Notification) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
    if (notificationTarget(n).to === '/notifications') void navigate({ to: '/notifications' });
  };

  const items = list.data?.pages.flatMap((p) => p.notifications.edges.map((e) => e.node)) ?? [];
  const unread = list.data?.pages[0]?.unreadNotificationCount ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('inbox.notifications.title')}</Title>
        <Button
          variant="light"
          leftSection={<IconChecks size={18} aria-hidden />}
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate({ all: true })}
        >
          {t('inbox.notifications.markAll')}
        </Button>
      </Group>
      <Text size="sm" aria-live="polite" data-testid="unread-summary">
        {t('inbox.notifications.unread', { count: unread })}
      </Text>
      {mark.error && (
        <Alert color="red" role="alert">
          {inboxError(intl, mark.error)}
        </Alert>
      )}
      {list.isPending && <Loader role="status" aria-label={t('inbox.loading')} />}
      {list.error && (
        <Alert color="red" role="alert">
          {inboxError(intl, list.error)}
        </Alert>
      )}
      {list.data && items.length === 0 && <Alert color="gray">{t('inbox.notifications.empty')}</Alert>}
      <Stack gap="xs" component="ul" className="plain-list">
        {items.map((n) => (
          <li key={n.id}>
            <NotificationItem n={n} onOpen={open} />
          </li>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('inbox.more')}
        </Button>
      )}
    </Stack>
  );
}
