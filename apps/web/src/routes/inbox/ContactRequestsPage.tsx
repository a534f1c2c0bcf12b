import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call } from '../../api/client';
import {
  CANCEL_CONTACT,
  CONTACT_REQUESTS,
  DECLINE_MESSAGE_MAX,
  RESPOND_CONTACT,
  SEND_CONTACT_AGAIN,
  type ContactRequest,
  type ContactRequestDirection,
  type ContactRequestStatus,
  type OrganizationCard,
} from '../../api/inbox';
import type { MessageKey } from '../../i18n/catalogues';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import {
  ContactPersons,
  formatWhen,
  inboxError,
  OrganizationChooser,
  OrganizationName,
  SignedIn,
  useOrganizationCards,
} from './common';
import type { StoredRequests } from '../../offline/requestStore';
import { StoredCopyNotice, useStoredList } from '../../offline/useOffline';
import { pollInterval, useLiveConnected } from './live';
import { RequestTabs } from './RequestTabs';
import './inbox.css';

const STATUS_COLOR: Record<ContactRequestStatus, string> = {
  PENDING: 'indigo',
  ACCEPTED: 'teal',
  DECLINED: 'gray',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge
      color={STATUS_COLOR[status as ContactRequestStatus] ?? 'gray'}
      variant="light"
      data-testid="status"
      className="score"
    >
      {t(`inbox.status.${status}` as MessageKey)}
    </Badge>
  );
}

/** A request as kept for offline reading: with the other organisation's card (its name, and the contacts once accepted). */
type ShownContact = ContactRequest & { other: OrganizationCard | null };

function ContactRequestCard({
  request,
  incoming,
  superseded = false,
  offline = false,
}: {
  request: ShownContact | ContactRequest;
  incoming: boolean;
  /** A newer request to the same organisation exists: this one is not offered again. */
  superseded?: boolean;
  /** A stored copy read offline: the actions cannot be sent. */
  offline?: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState('');
  const other = incoming ? request.fromOrganizationId : request.toOrganizationId;
  const stored = 'other' in request ? request.other : null;
  const done = () => queries.invalidateQueries({ queryKey: ['inbox'] });
  const respond = useMutation({
    mutationFn: (accept: boolean) =>
      call(RESPOND_CONTACT, {
        id: request.id,
        accept,
        message: accept ? null : note.trim() || null,
      }),
    onSuccess: done,
  });
  const cancel = useMutation({ mutationFn: () => call(CANCEL_CONTACT, { id: request.id }), onSuccess: done });
  const again = useMutation({
    mutationFn: () =>
      call(SEND_CONTACT_AGAIN, {
        fromOrganizationId: request.fromOrganizationId,
        toOrganizationId: request.toOrganizationId,
        message: request.message,
      }),
    onSuccess: done,
  });
  const error = respond.error ?? cancel.error ?? again.error;
  const pending = request.status === 'PENDING';
  return (
    <Card withBorder padding="sm" data-testid="contact-request" data-id={request.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text>
          {t(incoming ? 'inbox.contact.from' : 'inbox.contact.to')}{' '}
          <OrganizationName id={other} name={stored?.name} />
        </Text>
        <StatusBadge status={request.status} />
      </Group>
      {request.message && (
        <Text size="sm" mt={4} dir="auto" className="request-message">
          {request.message}
        </Text>
      )}
      {request.declineMessage && (
        <Text size="sm" mt={4} data-testid="decline-message">
          {t(incoming ? 'inbox.contact.declineMessageSent' : 'inbox.contact.declineMessage')}{' '}
          <bdi className="request-message">{request.declineMessage}</bdi>
        </Text>
      )}
      {request.status === 'EXPIRED' && (
        <Text size="sm" mt={4} data-testid="expired-note">
          {t(incoming ? 'inbox.contact.expiredIncoming' : 'inbox.contact.expiredOutgoing')}
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
        {request.respondedAt && request.status !== 'EXPIRED' && (
          <>
            {' · '}
            {t('inbox.answeredAt')}{' '}
            <time dateTime={request.respondedAt}>{formatWhen(request.respondedAt, locale)}</time>
          </>
        )}
      </Text>
      {request.status === 'ACCEPTED' && (
        <Stack gap={4} mt="xs">
          <Text size="sm" fw={600}>
            {t('inbox.contact.released')}
          </Text>
          <ContactPersons id={other} stored={stored} />
        </Stack>
      )}
      {pending && declining && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('inbox.contact.declineNote')}
            description={t('inbox.contact.declineNoteHint', {
              count: note.length,
              max: DECLINE_MESSAGE_MAX,
            })}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={DECLINE_MESSAGE_MAX}
            autosize
            minRows={2}
            dir="auto"
          />
          <Group gap="xs">
            <Button
              size="compact-md"
              color="red.8"
              onClick={() => respond.mutate(false)}
              loading={respond.isPending}
            >
              {t('inbox.contact.confirmDecline')}
            </Button>
            <Button size="compact-md" variant="default" onClick={() => setDeclining(false)}>
              {t('inbox.back')}
            </Button>
          </Group>
        </Stack>
      )}
      {!incoming && !superseded && request.status === 'EXPIRED' && (
        <Group gap="xs" mt="sm">
          <Button
            size="compact-md"
            onClick={() => again.mutate()}
            loading={again.isPending}
            disabled={offline}
          >
            {t('inbox.contact.sendAgain')}
          </Button>
        </Group>
      )}
      {pending && !declining && (
        <Group gap="xs" mt="sm">
          {incoming ? (
            <>
              <Button
                size="compact-md"
                onClick={() => respond.mutate(true)}
                loading={respond.isPending}
                disabled={offline}
              >
                {t('inbox.accept')}
              </Button>
              <Button
                size="compact-md"
                variant="default"
                onClick={() => setDeclining(true)}
                disabled={respond.isPending || offline}
              >
                {t('inbox.decline')}
              </Button>
            </>
          ) : (
            <Button
              size="compact-md"
              variant="default"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              disabled={offline}
            >
              {t('inbox.cancel')}
            </Button>
          )}
        </Group>
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {inboxError(intl, error)}
        </Text>
      )}
    </Card>
  );
}

/** Requests shown per page; more come with the "show more" button. */
const CONTACT_PAGE = 20;

function ContactSection({
  organizationId,
  direction,
}: {
  organizationId: string;
  direction: ContactRequestDirection;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const live = useLiveConnected();
  const incoming = direction === 'INCOMING';
  const id = incoming ? 'received' : 'sent';
  const requests = useInfiniteQuery({
    queryKey: ['inbox', 'contactRequests', organizationId, direction],
    queryFn: ({ pageParam }) =>
      call(CONTACT_REQUESTS, { organizationId, direction, first: CONTACT_PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.contactRequests.pageInfo.hasNextPage ? last.contactRequests.pageInfo.endCursor : undefined,
    refetchInterval: pollInterval(live),
  });
  const loaded = useMemo(() => requests.data?.pages.flatMap((p) => p.contactRequests.nodes), [requests.data]);
  const other = (r: ContactRequest) => (incoming ? r.fromOrganizationId : r.toOrganizationId);
  const cards = useOrganizationCards(loaded?.map(other));
  const shown = useMemo(
    () =>
      loaded && cards
        ? loaded.map((r) => ({
            ...r,
            other: cards.get(incoming ? r.fromOrganizationId : r.toOrganizationId) ?? null,
          }))
        : undefined,
    [loaded, cards, incoming],
  );
  // The list read online is kept (with the names) for reading offline; a read that fails with
  // NETWORK shows that copy instead.
  const { stored } = useStoredList<ShownContact>(`contact:${id}`, shown, requests.error);
  if (stored)
    return (
      <Stack gap="xs">
        <StoredCopyNotice text={t('inbox.offline', { date: formatWhen(stored.savedAt, locale) })} />
        <ContactList items={stored.items} incoming={incoming} offline />
      </Stack>
    );
  if (requests.isPending) return <Loader role="status" aria-label={t('inbox.loading')} />;
  if (requests.error)
    return (
      <Alert color="red" role="alert">
        {inboxError(intl, requests.error)}
      </Alert>
    );
  return (
    <ContactList items={shown ?? loaded ?? []} incoming={incoming} offline={false}>
      {requests.hasNextPage && (
        <Button
          variant="default"
          mt="xs"
          onClick={() => void requests.fetchNextPage()}
          loading={requests.isFetchingNextPage}
        >
          {t('inbox.more')}
        </Button>
      )}
    </ContactList>
  );
}

/** One side's requests (received or sent), read online or from the stored copy. */
function ContactList({
  items,
  incoming,
  offline,
  children,
}: {
  items: (ShownContact | ContactRequest)[];
  incoming: boolean;
  offline: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const id = incoming ? 'received' : 'sent';
  return (
    <section aria-labelledby={`contact-${id}`}>
      <Title order={2} size="h3" id={`contact-${id}`} mb="xs">
        {incoming ? t('inbox.received') : t('inbox.sent')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('inbox.contact.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list">
          {items.map((r) => (
            <li key={r.id}>
              <ContactRequestCard
                request={r}
                incoming={incoming}
                offline={offline}
                superseded={items.some(
                  (o) => o.toOrganizationId === r.toOrganizationId && o.createdAt > r.createdAt,
                )}
              />
            </li>
          ))}
        </Stack>
      )}
      {children}
    </section>
  );
}

/** Both stored lists, when the page opens with the api out of reach (no session to pick an organisation with). */
function StoredContactRequests({
  received,
  sent,
}: {
  received: StoredRequests<ShownContact> | null;
  sent: StoredRequests<ShownContact> | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const savedAt = [received?.savedAt, sent?.savedAt].filter((d): d is string => !!d).sort()[0];
  return (
    <>
      {savedAt && <StoredCopyNotice text={t('inbox.offline', { date: formatWhen(savedAt, locale) })} />}
      <ContactList items={received?.items ?? []} incoming offline />
      <ContactList items={sent?.items ?? []} incoming={false} offline />
    </>
  );
}

function ContactRequests({ organizationId }: { organizationId: string }) {
  return (
    <>
      <ContactSection organizationId={organizationId} direction="INCOMING" />
      <ContactSection organizationId={organizationId} direction="OUTGOING" />
    </>
  );
}

/** /requests/contact: contact requests received and sent; the other side's contacts once accepted. */
export function ContactRequestsPage() {
  const t = useT();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  // Out of reach (no network, or the session could not be resumed): the stored lists, whatever
  // organisation they were read for; the organisation picker needs the api.
  const received = useStoredList<ShownContact>('contact:received', undefined, null);
  const sent = useStoredList<ShownContact>('contact:sent', undefined, null);
  if (received.stored || sent.stored)
    return (
      <Stack gap="md">
        <Title order={1}>{t('inbox.requests.title')}</Title>
        <RequestTabs current="contact" />
        <StoredContactRequests received={received.stored} sent={sent.stored} />
      </Stack>
    );
  return (
    <SignedIn title={t('inbox.requests.title')}>
      <Stack gap="md">
        <Title order={1}>{t('inbox.requests.title')}</Title>
        <RequestTabs current="contact" />
        <Text size="sm">{t('inbox.contact.intro')}</Text>
        <OrganizationChooser value={organizationId} onChange={setOrganizationId}>
          {(o) => <ContactRequests organizationId={o.id} />}
        </OrganizationChooser>
      </Stack>
    </SignedIn>
  );
}
