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

/** /events/$editionId/requests: the meeting requests my organisations sent and received; each opens in the inbox. */
export function MyRequestsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const intlLocale = intlLocaleOf(locale);
  const { editionId } = route.useParams();
  const { me, resuming } = useSession();
  const organizations = useMyOrganizations();
  const mine = new Set(organizations.data?.map((o) => o.id));
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

  if (resuming || (me && (organizations.isPending || requests.isPending)))
    return <Loader role="status" aria-label={t('forum.participants.loading')} />;
  if (!me)
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
  const zone = edition.data?.forumEdition.timezone ?? 'UTC';
  const counterpart = (r: ForumMeetingRequest) => {
    const sent = mine.has(r.fromOrganizationId);
    const id = sent ? r.toDelegateId : r.fromDelegateId;
    return { sent, name: (id && names.data?.get(id)) || t('forum.requests.unknown') };
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('forum.requests.title')}</Title>
      {requests.error && (
        <Alert color="red" role="alert">
          {errorMessage(intl, toApiError(requests.error))}
        </Alert>
      )}
      {requests.data?.length === 0 && (
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
        {requests.data?.map((r) => {
          const { sent, name } = counterpart(r);
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
