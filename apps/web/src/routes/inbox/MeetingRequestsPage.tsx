import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call } from '../../api/client';
import {
  ACCEPT_MEETING,
  CANCEL_MEETING,
  DECLINE_MEETING,
  FORUM_EDITION_LIST,
  meetingRequestsAt,
  type MeetingRequest,
} from '../../api/inbox';
import type { LocalizedText } from '../../api/operations';
import { pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import type { StoredRequests } from '../../offline/requestStore';
import { StoredCopyNotice, useStoredList } from '../../offline/useOffline';
import {
  formatWhen,
  inboxError,
  OrganizationChooser,
  OrganizationName,
  SignedIn,
  useOrganizationCards,
} from './common';
import { StatusBadge } from './ContactRequestsPage';
import { pollInterval, useLiveConnected } from './live';
import { RequestTabs } from './RequestTabs';
import './inbox.css';

const detailRoute = getRouteApi('/requests/meetings/$requestId');

type Answer = 'decline' | 'cancel';

/** A request as kept for offline reading: for which organisation it was read, the names it shows. */
type ShownMeeting = MeetingRequest & {
  actingFor: string;
  otherName: LocalizedText | null;
  editionName: LocalizedText | null;
};

/** The stored list: the meeting requests of the organisation chosen last, read online. */
const STORED_LIST = 'meetings';

function MeetingRequestCard({
  request,
  organizationId,
  editionName,
  focused,
  offline,
}: {
  request: MeetingRequest | ShownMeeting;
  organizationId: string;
  editionName: string;
  focused: boolean;
  /** A stored copy read offline: the actions cannot be sent. */
  offline: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [reason, setReason] = useState('');
  const incoming = request.toOrganizationId === organizationId;
  const other = incoming ? request.fromOrganizationId : request.toOrganizationId;
  const done = () => {
    setAnswer(null);
    setReason('');
    return queries.invalidateQueries({ queryKey: ['inbox'] });
  };
  const accept = useMutation({
    mutationFn: () => call(ACCEPT_MEETING, { requestId: request.id, organizationId }),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: async (kind: Answer) => {
      const vars = { requestId: request.id, organizationId, reason: reason.trim() || null };
      if (kind === 'decline') await call(DECLINE_MEETING, vars);
      else await call(CANCEL_MEETING, vars);
    },
    onSuccess: done,
  });
  const error = accept.error ?? close.error;
  const pending = request.status === 'PENDING';
  const Heading = focused ? 'h2' : 'p';
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="meeting-request"
      data-id={request.id}
      className={focused ? 'notification unread' : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text component={Heading} fw={focused ? 700 : 400} m={0}>
          {t(incoming ? 'inbox.meeting.from' : 'inbox.meeting.to')}{' '}
          <OrganizationName id={other} name={'otherName' in request ? request.otherName : null} />
        </Text>
        <StatusBadge status={request.status} />
      </Group>
      <Text size="sm">
        <bdi>{editionName}</bdi>
      </Text>
      {request.message && (
        <Text size="sm" mt={4} dir="auto">
          {request.message}
        </Text>
      )}
      {request.reason && (
        <Text size="sm" mt={4}>
          {t('inbox.meeting.reasonGiven')} <bdi>{request.reason}</bdi>
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('inbox.sentAt')} <time dateTime={request.createdAt}>{formatWhen(request.createdAt, locale)}</time>
        {pending && (
          <>
            {' · '}
            <span data-testid="expiry">
              {t('inbox.expiresAt')}{' '}
              <time dateTime={request.expiresAt}>{formatWhen(request.expiresAt, locale)}</time>
            </span>
          </>
        )}
        {request.respondedAt && (
          <>
            {' · '}
            {t('inbox.answeredAt')}{' '}
            <time dateTime={request.respondedAt}>{formatWhen(request.respondedAt, locale)}</time>
          </>
        )}
      </Text>
      {!focused && (
        <Link to="/requests/meetings/$requestId" params={{ requestId: request.id }} className="details-link">
          {t('inbox.meeting.open')}
        </Link>
      )}
      {pending && !answer && (
        <Group gap="xs" mt="sm">
          {incoming && (
            <Button
              size="compact-md"
              onClick={() => accept.mutate()}
              loading={accept.isPending}
              disabled={offline}
            >
              {t('inbox.accept')}
            </Button>
          )}
          <Button
            size="compact-md"
            variant="default"
            onClick={() => setAnswer(incoming ? 'decline' : 'cancel')}
            disabled={offline}
          >
            {t(incoming ? 'inbox.decline' : 'inbox.cancel')}
          </Button>
        </Group>
      )}
      {pending && answer && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('inbox.meeting.reason')}
            description={t('inbox.meeting.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          <Group gap="xs">
            <Button
              size="compact-md"
              color="red.8"
              onClick={() => close.mutate(answer)}
              loading={close.isPending}
            >
              {t(answer === 'decline' ? 'inbox.meeting.confirmDecline' : 'inbox.meeting.confirmCancel')}
            </Button>
            <Button size="compact-md" variant="default" onClick={() => setAnswer(null)}>
              {t('inbox.back')}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {inboxError(intl, error)}
        </Text>
      )}
    </Card>
  );
}

function MeetingRequests({ organizationId, focus }: { organizationId: string; focus: string | null }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const live = useLiveConnected();
  const editions = useQuery({
    queryKey: ['inbox', 'editions'],
    queryFn: async () => (await call(FORUM_EDITION_LIST)).forumEditions,
    staleTime: 300_000,
  });
  const requests = useQuery({
    queryKey: ['inbox', 'meetingRequests', organizationId, editions.data?.map((e) => e.id)],
    queryFn: async () => {
      const lists = await Promise.all(editions.data!.map((e) => meetingRequestsAt(e.id, organizationId)));
      return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    enabled: !!editions.data,
    refetchInterval: pollInterval(live),
  });
  const other = (r: MeetingRequest) =>
    r.toOrganizationId === organizationId ? r.fromOrganizationId : r.toOrganizationId;
  const cards = useOrganizationCards(requests.data?.map(other));
  const shown = useMemo(
    () =>
      requests.data && cards
        ? requests.data.map((r) => ({
            ...r,
            actingFor: organizationId,
            otherName:
              cards.get(r.toOrganizationId === organizationId ? r.fromOrganizationId : r.toOrganizationId)
                ?.name ?? null,
            editionName: editions.data?.find((e) => e.id === r.editionId)?.name ?? null,
          }))
        : undefined,
    [requests.data, cards, organizationId, editions.data],
  );
  // Kept for reading offline; a read that fails with NETWORK shows the stored copy instead.
  const failure = editions.error ?? requests.error;
  const { stored } = useStoredList<ShownMeeting>(STORED_LIST, shown, failure);
  if (stored) return <StoredMeetingRequests stored={stored} focus={focus} />;
  if (failure)
    return (
      <Alert color="red" role="alert">
        {inboxError(intl, failure)}
      </Alert>
    );
  if (!requests.data) return <Loader role="status" aria-label={t('inbox.loading')} />;
  const editionName = (id: string) => pickText(editions.data?.find((e) => e.id === id)?.name, locale);
  return (
    <MeetingSections
      items={shown ?? requests.data}
      organizationId={organizationId}
      focus={focus}
      editionName={(r) => editionName(r.editionId)}
      offline={false}
    />
  );
}

/** The stored copy, with when it was read: the organisation it was read for, actions disabled. */
function StoredMeetingRequests({
  stored,
  focus,
}: {
  stored: StoredRequests<ShownMeeting>;
  focus: string | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Stack gap="md">
      <StoredCopyNotice text={t('inbox.offline', { date: formatWhen(stored.savedAt, locale) })} />
      <MeetingSections
        items={stored.items}
        organizationId={stored.items[0]?.actingFor ?? ''}
        focus={focus}
        editionName={(r) => pickText('editionName' in r ? r.editionName : null, locale)}
        offline
      />
    </Stack>
  );
}

function MeetingSections({
  items,
  organizationId,
  focus,
  editionName,
  offline,
}: {
  items: (MeetingRequest | ShownMeeting)[];
  organizationId: string;
  focus: string | null;
  editionName: (r: MeetingRequest | ShownMeeting) => string;
  offline: boolean;
}) {
  const t = useT();
  const focused = focus ? items.find((r) => r.id === focus) : undefined;
  const card = (r: MeetingRequest | ShownMeeting) => (
    <MeetingRequestCard
      request={r}
      organizationId={organizationId}
      editionName={editionName(r)}
      focused={r.id === focus}
      offline={offline}
    />
  );
  if (focus)
    return (
      <Stack gap="sm">
        {focused ? card(focused) : <Alert color="gray">{t('inbox.meeting.notFound')}</Alert>}
        <Link to="/requests/meetings" className="details-link">
          {t('inbox.meeting.all')}
        </Link>
      </Stack>
    );
  const sections = [
    {
      id: 'received',
      title: t('inbox.received'),
      list: items.filter((r) => r.toOrganizationId === organizationId),
    },
    {
      id: 'sent',
      title: t('inbox.sent'),
      list: items.filter((r) => r.fromOrganizationId === organizationId),
    },
  ];
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`meeting-${s.id}`}>
          <Title order={2} size="h3" id={`meeting-${s.id}`} mb="xs">
            {s.title}
          </Title>
          {s.list.length === 0 ? (
            <Text c="dimmed">{t('inbox.meeting.none')}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list">
              {s.list.map((r) => (
                <li key={r.id}>{card(r)}</li>
              ))}
            </Stack>
          )}
        </section>
      ))}
    </>
  );
}

function MeetingRequestsScreen({ focus }: { focus: string | null }) {
  const t = useT();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  // Out of reach (no network, or the session could not be resumed): the stored list; the
  // organisation picker needs the api.
  const { stored } = useStoredList<ShownMeeting>(STORED_LIST, undefined, null);
  if (stored)
    return (
      <Stack gap="md">
        <Title order={1}>{t('inbox.requests.title')}</Title>
        <RequestTabs current="meetings" />
        <StoredMeetingRequests stored={stored} focus={focus} />
      </Stack>
    );
  return (
    <SignedIn title={t('inbox.requests.title')}>
      <Stack gap="md">
        <Title order={1}>{t('inbox.requests.title')}</Title>
        <RequestTabs current="meetings" />
        <OrganizationChooser value={organizationId} onChange={setOrganizationId}>
          {(o) => <MeetingRequests organizationId={o.id} focus={focus} />}
        </OrganizationChooser>
      </Stack>
    </SignedIn>
  );
}

/** /requests/meetings: forum meeting requests received and sent, with their expiry. */
export function MeetingRequestsPage() {
  return <MeetingRequestsScreen focus={null} />;
}

/** /requests/meetings/:requestId: one request, as the meeting-request mails link to it. */
export function MeetingRequestPage() {
  const { requestId } = detailRoute.useParams();
  return <MeetingRequestsScreen focus={requestId} />;
}
