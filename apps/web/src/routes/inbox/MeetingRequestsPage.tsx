import { useState } from 'react';
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
import { pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatWhen, inboxError, OrganizationChooser, OrganizationName, SignedIn } from './common';
import { StatusBadge } from './ContactRequestsPage';
import { pollInterval, useLiveConnected } from './live';
import { RequestTabs } from './RequestTabs';
import './inbox.css';

const detailRoute = getRouteApi('/requests/meetings/$requestId');

type Answer = 'decline' | 'cancel';

function MeetingRequestCard({
  request,
  organizationId,
  editionName,
  focused,
}: {
  request: MeetingRequest;
  organizationId: string;
  editionName: string;
  focused: boolean;
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
          {t(incoming ? 'inbox.meeting.from' : 'inbox.meeting.to')} <OrganizationName id={other} />
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
            <Button size="compact-md" onClick={() => accept.mutate()} loading={accept.isPending}>
              {t('inbox.accept')}
            </Button>
          )}
          <Button
            size="compact-md"
            variant="default"
            onClick={() => setAnswer(incoming ? 'decline' : 'cancel')}
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
  const failure = editions.error ?? requests.error;
  if (failure)
    return (
      <Alert color="red" role="alert">
        {inboxError(intl, failure)}
      </Alert>
    );
  if (!requests.data) return <Loader role="status" aria-label={t('inbox.loading')} />;
  const editionName = (id: string) => pickText(editions.data?.find((e) => e.id === id)?.name, locale);
  const focused = focus ? requests.data.find((r) => r.id === focus) : undefined;
  const card = (r: MeetingRequest) => (
    <MeetingRequestCard
      request={r}
      organizationId={organizationId}
      editionName={editionName(r.editionId)}
      focused={r.id === focus}
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
      list: requests.data.filter((r) => r.toOrganizationId === organizationId),
    },
    {
      id: 'sent',
      title: t('inbox.sent'),
      list: requests.data.filter((r) => r.fromOrganizationId === organizationId),
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
