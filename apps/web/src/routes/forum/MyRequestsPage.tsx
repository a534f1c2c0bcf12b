import { useMemo } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  FORUM_EDITION_PAGE,
  FORUM_PARTICIPANTS,
  meetingRequestsOf,
  type ForumMeetingRequest,
  type ForumParticipantConnection,
  type MeetingRequestStatus,
} from '../../api/forum';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { dayTitle, timeOf } from '../../forum/agendaStore';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { StoredCopyNotice, useStoredList } from '../../offline/useOffline';
import { useMyOrganizations } from './common';

const route = getRouteApi('/events/$editionId/requests');

const STATUS_COLOR: Record<MeetingRequestStatus, string> = {
  PENDING: 'yellow',
  ACCEPTED: 'teal',
  DECLINED: 'red',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

/** The names of the edition's participants by delegate id (the directory, at most ten pages of 100). */
async function participantNames(editionId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const r: ForumParticipantConnection = (
      await call(FORUM_PARTICIPANTS, { editionId, filter: null, first: 100, after })
    ).forumParticipants;
    for (const e of r.edges) names.set(e.node.id, e.node.name);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return names;
}

/** A request as the page shows it, with what it needs offline: the side, the other delegate's name, the venue's zone. */
type ShownRequest = ForumMeetingRequest & { sent: boolean; counterpart: string | null; zone: string };

/** The browser's own time zone, for a stored copy whose venue zone is unknown (an empty list). */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** /events/$editionId/requests: the meeting requests my organisations sent and received; each opens in the inbox. */
export function MyRequestsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const intlLocale = intlLocaleOf(locale);
  const { editionId } = route.useParams();
  const { me, resuming } = useSession();
  const organizations = useMyOrganizations();
  const edition = useQuery({
    queryKey: ['forum', 'edition', editionId],
    queryFn: () => call(FORUM_EDITION_PAGE, { editionId }),
  });
  const requests = useQuery({
    queryKey: ['forum', 'requests', editionId, organizations.data?.map((o) => o.id)],
    queryFn: async () => {
      const seen = new Set<string>();
      return (await Promise.all(organizations.data!.map((o) => meetingRequestsOf(editionId, o.id))))
        .flat()
        .filter((r) => !seen.has(r.id) && !!seen.add(r.id))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    enabled: !!organizations.data,
  });
  const names = useQuery({
    queryKey: ['forum', 'participantNames', editionId],
    queryFn: () => participantNames(editionId),
    enabled: !!me,
    staleTime: 60_000,
  });

  const editionZone = edition.data?.forumEdition.timezone;
  const namesRead = !names.isPending;
  const shown = useMemo<ShownRequest[] | undefined>(() => {
    if (!requests.data) return undefined;
    const mine = new Set(organizations.data?.map((o) => o.id));
    return requests.data.map((r) => {
      const sent = mine.has(r.fromOrganizationId);
      const id = sent ? r.toDelegateId : r.fromDelegateId;
      return { ...r, sent, counterpart: (id && names.data?.get(id)) || null, zone: editionZone ?? 'UTC' };
    });
  }, [requests.data, organizations.data, names.data, editionZone]);
  // Stored once the names and the venue's zone are known (or could not be read).
  const { stored } = useStoredList<ShownRequest>(
    `forum:${editionId}`,
    shown && namesRead && !edition.isPending ? shown : undefined,
    edition.error ?? requests.error,
  );
  const list = shown ?? stored?.items;

  if (!stored && (resuming || (me && (organizations.isPending || requests.isPending))))
    return <Loader role="status" aria-label={t('forum.participants.loading')} />;
  if (!me && !stored)
    return (
      <Stack>
        <Title order={1}>{t('forum.requests.title')}</Title>
        <Alert color="gray">{t('forum.next.signIn')}</Alert>
        <Button
          renderRoot={(props) => (
            <Link to="/signin" search={{ next: `/events/${editionId}/requests` }} {...props} />
          )}
        >
          {t('nav.signIn')}
        </Button>
      </Stack>
    );
  const savedZone = stored?.items[0]?.zone ?? editionZone ?? browserZone();

  return (
    <Stack gap="md">
      <Title order={1}>{t('forum.requests.title')}</Title>
      {stored && (
        <StoredCopyNotice
          text={t('forum.requests.offline', {
            date: `${dayTitle(stored.savedAt, intlLocale, savedZone)} ${timeOf(stored.savedAt, intlLocale, savedZone)}`,
          })}
        />
      )}
      {requests.error && !stored && (
        <Alert color="red" role="alert">
          {errorMessage(intl, toApiError(requests.error))}
        </Alert>
      )}
      {list?.length === 0 && (
        <Alert color="gray">
          {t('forum.requests.empty')}{' '}
          <Anchor
            renderRoot={(props) => (
              <Link to="/events/$editionId/participants" params={{ editionId }} {...props} />
            )}
          >
            {t('forum.links.participants')}
          </Anchor>
        </Alert>
      )}
      <ul className="plain-list">
        {list?.map((r) => {
          const { sent, zone } = r;
          const name = r.counterpart ?? t('forum.requests.unknown');
          return (
            <li key={r.id}>
              <Card withBorder padding="sm" data-testid="meeting-request">
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>{t('forum.requests.with', { name })}</Text>
                  <Badge color={STATUS_COLOR[r.status]} variant="light" className="readable-badge">
                    {t(`forum.requests.status.${r.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(sent ? 'forum.requests.sent' : 'forum.requests.received')} ·{' '}
                  {dayTitle(r.createdAt, intlLocale, zone)}
                </Text>
                {r.message && (
                  <Text size="sm" mt={4} dir="auto" className="request-message">
                    {r.message}
                  </Text>
                )}
                {r.status === 'PENDING' && (
                  <Text size="sm" mt={4}>
                    {t('forum.requests.expires', {
                      date: `${dayTitle(r.expiresAt, intlLocale, zone)} ${timeOf(r.expiresAt, intlLocale, zone)}`,
                    })}
                  </Text>
                )}
                <Anchor
                  renderRoot={(props) => (
                    <Link to="/requests/meetings/$requestId" params={{ requestId: r.id }} {...props} />
                  )}
                  size="sm"
                  mt={4}
                >
                  {t('forum.requests.open')}
                </Anchor>
              </Card>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
