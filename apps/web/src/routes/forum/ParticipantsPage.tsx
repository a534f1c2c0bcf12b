import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch, IconSend } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  delegatesOf,
  FORUM_PARTICIPANTS,
  FORUM_SECTORS,
  REQUEST_MEETING,
  type ForumDelegate,
  type ForumParticipant,
  type ParticipantFilter,
} from '../../api/forum';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../api/operations';
import { useSession } from '../../auth/session';
import { countryName, errorMessage, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { useMyOrganizations } from './common';

const route = getRouteApi('/events/$editionId/participants');
const PAGE = 20;

/** My organisations' registered delegates for the edition (who can ask for a meeting). */
export function useMyDelegates(editionId: string) {
  const organizations = useMyOrganizations();
  return useQuery({
    queryKey: ['forum', 'delegates', editionId, organizations.data?.map((o) => o.id)],
    queryFn: async () =>
      (await Promise.all(organizations.data!.map((o) => delegatesOf(editionId, o.id)))).flat(),
    enabled: !!organizations.data,
    select: (all: ForumDelegate[]) => all.filter((d) => d.status === 'REGISTERED'),
  });
}

function RequestDialog({
  editionId,
  participant,
  delegates,
  onClose,
}: {
  editionId: string;
  participant: ForumParticipant;
  delegates: ForumDelegate[];
  onClose(sentTo: string | null): void;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const [from, setFrom] = useState<string | null>(delegates[0]?.id ?? null);
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => {
      const delegate = delegates.find((d) => d.id === from)!;
      return call(REQUEST_MEETING, {
        input: {
          editionId,
          organizationId: delegate.organizationId,
          fromDelegateId: delegate.id,
          toDelegateId: participant.id,
          message: message.trim() || null,
        },
      });
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['forum', 'participants', editionId] });
      await queries.invalidateQueries({ queryKey: ['forum', 'requests', editionId] });
      onClose(participant.name);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (from) send.mutate();
      }}
    >
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('forum.request.with', { name: participant.name })}</Text>
          <Text size="sm">
            <bdi>{pickText(participant.organization.name, locale)}</bdi>
          </Text>
        </div>
        {delegates.length === 0 ? (
          <Alert color="yellow">{t('forum.request.noDelegate')}</Alert>
        ) : (
          <Select
            label={t('forum.request.from')}
            data={delegates.map((d) => ({ value: d.id, label: d.name }))}
            value={from}
            onChange={setFrom}
            allowDeselect={false}
          />
        )}
        <Textarea
          label={t('forum.request.message')}
          description={t('forum.request.messageHint')}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={1000}
          dir="auto"
        />
        {send.error && (
          <Alert color="red" role="alert">
            {errorMessage(intl, toApiError(send.error))}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onClose(null)}>
            {t('forum.request.cancel')}
          </Button>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!from}
            leftSection={<IconSend size={18} aria-hidden className="mirror" />}
          >
            {t('forum.request.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ParticipantCard({ participant, onRequest }: { participant: ForumParticipant; onRequest(): void }) {
  const t = useT();
  const { locale } = useLocale();
  const o = participant.organization;
  return (
    <Card withBorder padding="sm" data-testid="participant">
      <Text fw={600}>
        <bdi>{participant.name}</bdi>
      </Text>
      <Text size="sm">
        <Anchor renderRoot={(props) => <Link to="/o/$id" params={{ id: o.id }} {...props} />}>
          <bdi>{pickText(o.name, locale)}</bdi>
        </Anchor>
      </Text>
      <Text size="xs" c="dimmed">
        {t(`kind.${o.kind}`)} · {countryName(o.country, locale)}
      </Text>
      <Group gap="xs" mt="xs">
        {participant.ownOrganization ? (
          <Badge color="gray" variant="light">
            {t('forum.participants.yours')}
          </Badge>
        ) : participant.requestStatus === 'PENDING' || participant.requestStatus === 'ACCEPTED' ? (
          <>
            <Badge
              color={participant.requestStatus === 'ACCEPTED' ? 'teal' : 'yellow'}
              variant="light"
              className="readable-badge"
            >
              {t(`forum.participants.${participant.requestStatus}`)}
            </Badge>
            {participant.requestId && (
              <Anchor
                renderRoot={(props) => (
                  <Link
                    to="/requests/meetings/$requestId"
                    params={{ requestId: participant.requestId }}
                    {...props}
                  />
                )}
                size="sm"
              >
                {t('forum.participants.open')}
              </Anchor>
            )}
          </>
        ) : (
          <Button size="compact-sm" onClick={onRequest}>
            {t('forum.participants.request')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** /events/$editionId/participants: whom to meet, with filters and a search box, and "request a meeting". */
export function ParticipantsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { editionId } = route.useParams();
  const { me, resuming } = useSession();
  const phone = useMediaQuery('(max-width: 36em)');
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 300);
  const [country, setCountry] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<ForumParticipant | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const filter: ParticipantFilter | null = useMemo(() => {
    const f: ParticipantFilter = {
      ...(query ? { query: query.slice(0, 100) } : {}),
      ...(country ? { countries: [country] } : {}),
      ...(sector ? { sectors: [sector] } : {}),
      ...(kind ? { kinds: [kind as OrganizationKind] } : {}),
    };
    return Object.keys(f).length ? f : null;
  }, [query, country, sector, kind]);

  const participants = useInfiniteQuery({
    queryKey: ['forum', 'participants', editionId, filter],
    queryFn: async ({ pageParam }) =>
      (await call(FORUM_PARTICIPANTS, { editionId, filter, first: PAGE, after: pageParam }))
        .forumParticipants,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
    enabled: !!me,
  });
  // The countries present among the participants (first hundred), for the country filter.
  const everyone = useQuery({
    queryKey: ['forum', 'participants', editionId, 'countries'],
    queryFn: async () =>
      (await call(FORUM_PARTICIPANTS, { editionId, filter: null, first: 100, after: null }))
        .forumParticipants,
    enabled: !!me,
  });
  const sectors = useQuery({
    queryKey: ['forum', 'sectors', locale],
    queryFn: async () => (await call(FORUM_SECTORS, { lang: locale })).sectors,
  });
  const delegates = useMyDelegates(editionId);

  const countries = useMemo(
    () =>
      [...new Set(everyone.data?.edges.map((e) => e.node.organization.country) ?? [])]
        .map((c) => ({ value: c, label: countryName(c, locale) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [everyone.data, locale],
  );

  if (resuming) return <Loader role="status" aria-label={t('forum.participants.loading')} />;
  if (!me)
    return (
      <Stack>
        <Title order={1}>{t('forum.participants.title')}</Title>
        <Alert color="gray">{t('forum.next.signIn')}</Alert>
        <Button
          renderRoot={(props) => (
            <Link to="/signin" search={{ next: `/events/${editionId}/participants` }} {...props} />
          )}
        >
          {t('nav.signIn')}
        </Button>
      </Stack>
    );

  const error = participants.error ? toApiError(participants.error) : null;
  const list = participants.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('forum.participants.title')}</Title>
      <TextInput
        label={t('forum.participants.search')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
        dir="auto"
      />
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Select
          label={t('forum.participants.country')}
          placeholder={t('forum.participants.any')}
          data={countries}
          value={country}
          onChange={setCountry}
          clearable
          searchable
        />
        <Select
          label={t('forum.participants.kind')}
          placeholder={t('forum.participants.any')}
          data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
        />
        <Select
          label={t('forum.participants.sector')}
          placeholder={t('forum.participants.any')}
          data={(sectors.data ?? []).map((s) => ({ value: s.code, label: s.label }))}
          value={sector}
          onChange={setSector}
          clearable
          searchable
        />
      </SimpleGrid>

      {sentTo && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          onClose={() => setSentTo(null)}
          data-testid="request-sent"
        >
          {t('forum.request.sent', { name: sentTo })}
        </Alert>
      )}
      {error &&
        (error.code === 'FORBIDDEN' ? (
          <Alert color="yellow">
            {t('forum.participants.notParticipant')}{' '}
            <Anchor
              renderRoot={(props) => <Link to="/events/$editionId" params={{ editionId }} {...props} />}
            >
              {t('forum.delegates.add')}
            </Anchor>
          </Alert>
        ) : (
          <Alert color="red" role="alert">
            {errorMessage(intl, error)}
          </Alert>
        ))}
      {participants.isPending && !error && (
        <Loader role="status" aria-label={t('forum.participants.loading')} />
      )}
      {participants.data && list.length === 0 && <Alert color="gray">{t('forum.participants.empty')}</Alert>}

      <ul className="plain-list">
        {list.map((p) => (
          <li key={p.id}>
            <ParticipantCard participant={p} onRequest={() => setRequesting(p)} />
          </li>
        ))}
      </ul>
      {participants.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void participants.fetchNextPage()}
          loading={participants.isFetchingNextPage}
        >
          {t('forum.participants.more')}
        </Button>
      )}

      <Modal
        opened={!!requesting}
        onClose={() => setRequesting(null)}
        title={t('forum.request.title')}
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('forum.request.cancel') }}
      >
        {requesting && (
          <RequestDialog
            editionId={editionId}
            participant={requesting}
            delegates={delegates.data ?? []}
            onClose={(name) => {
              setRequesting(null);
              if (name) setSentTo(name);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
