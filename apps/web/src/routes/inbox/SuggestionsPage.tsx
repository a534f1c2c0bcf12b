import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call } from '../../api/client';
import {
  ACCEPT_SUGGESTION,
  DISMISS_SUGGESTION,
  NOT_RELEVANT,
  NOT_RELEVANT_REASONS,
  SUGGESTIONS,
  SUGGESTION_KINDS,
  type NotRelevantReason,
  type Suggestion,
  type SuggestionFeedback,
  type SuggestionKind,
} from '../../api/inbox';
import { pickText } from '../../components/text';
import type { MessageKey } from '../../i18n/catalogues';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { inboxError, OrganizationChooser, OrganizationName, SignedIn } from './common';
import './inbox.css';

const PAGE = 10;
const PROGRAMME_REASON = 'support.programme';

/** Where an accepted suggestion's request is answered. */
function OpenedRequest({
  feedback,
}: {
  feedback: Pick<SuggestionFeedback, 'contactRequestId' | 'meetingRequestId'>;
}) {
  const t = useT();
  if (feedback.meetingRequestId)
    return (
      <Link to="/requests/meetings/$requestId" params={{ requestId: feedback.meetingRequestId }}>
        {t('inbox.suggestions.meetingOpened')}
      </Link>
    );
  if (feedback.contactRequestId)
    return <Link to="/requests/contact">{t('inbox.suggestions.contactOpened')}</Link>;
  return null;
}

function SuggestionCard({ s, organizationId }: { s: Suggestion; organizationId: string }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [verdict, setVerdict] = useState<SuggestionFeedback | null>(null);
  const [notRelevant, setNotRelevant] = useState(false);
  // An optional note sent with the request the acceptance opens; null while not asked for.
  const [note, setNote] = useState<string | null>(null);
  const [reason, setReason] = useState<NotRelevantReason | null>(null);
  const ids = { organizationId, suggestionId: s.id };
  const settle = (f: SuggestionFeedback) => {
    setVerdict(f);
    void queries.invalidateQueries({ queryKey: ['inbox'] });
  };
  const accept = useMutation({
    mutationFn: async () =>
      (await call(ACCEPT_SUGGESTION, { ...ids, message: note?.trim() || null })).acceptSuggestion,
    onSuccess: settle,
  });
  const dismiss = useMutation({
    mutationFn: async () => (await call(DISMISS_SUGGESTION, ids)).dismissSuggestion,
    onSuccess: settle,
  });
  const mark = useMutation({
    mutationFn: async (r: NotRelevantReason) =>
      (await call(NOT_RELEVANT, { ...ids, reason: r, comment: null })).markSuggestionNotRelevant,
    onSuccess: settle,
  });
  const error = accept.error ?? dismiss.error ?? mark.error;
  const given = verdict?.verdict ?? s.verdict;
  const opened = verdict ?? s;
  const busy = accept.isPending || dismiss.isPending || mark.isPending;
  const canAccept = s.kind === 'MEETING' ? !!s.counterpartDelegateId || !!s.counterpartId : !!s.counterpartId;
  // A support suggestion names the programme it is about apart from the reasons that rank it.
  const programme = s.kind === 'SUPPORT' ? s.reasons.find((r) => r.code === PROGRAMME_REASON) : undefined;
  const reasons = s.reasons.filter((r) => r.code !== PROGRAMME_REASON);
  const headingId = `suggestion-${s.id}`;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="suggestion"
      data-id={s.id}
      aria-labelledby={headingId}
      component="article"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3} size="h4" id={headingId}>
          {s.counterpartId ? (
            <OrganizationName id={s.counterpartId} />
          ) : s.clusterProposal ? (
            <bdi>{s.clusterProposal.valueChain ?? s.clusterProposal.summary}</bdi>
          ) : (
            t('inbox.organization')
          )}
        </Title>
        <Badge variant="light" color="teal" className="score">
          {t('inbox.suggestions.score', { count: Math.round(s.score * 100) })}
        </Badge>
      </Group>
      {s.counterpart && (
        <Text size="sm" c="dimmed">
          {t(`kind.${s.counterpart.kind}` as MessageKey)}
          {s.counterpart.city && (
            <>
              {' · '}
              <bdi>{s.counterpart.city}</bdi>
            </>
          )}
        </Text>
      )}
      {s.kind === 'SUPPORT' && (s.role === 'SUPPORT_PROVIDER' || s.role === 'BENEFICIARY') && (
        <Text size="sm" fw={600} mt={4} data-testid="support-role">
          {t(`inbox.suggestions.role.${s.role}`)}
        </Text>
      )}
      {programme && (
        <Text size="sm" dir="auto" data-testid="programme">
          {programme.text}
        </Text>
      )}
      {s.clusterProposal && (
        <Stack gap={2} mt={4}>
          <Text size="sm" dir="auto">
            {s.clusterProposal.summary}
          </Text>
          <Text size="sm" fw={600}>
            {t('inbox.suggestions.members', { count: s.clusterProposal.members.length })}
          </Text>
          <ul className="reason-list">
            {s.clusterProposal.members.map((m) => (
              <li key={m.organizationId}>
                <Text size="sm" component="span">
                  <OrganizationName id={m.organizationId} /> · <bdi>{m.gap}</bdi>
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
      {reasons.length > 0 && (
        <>
          <Text size="sm" fw={600} mt={6}>
            {t('inbox.suggestions.why')}
          </Text>
          <ul className="reason-list" data-testid="reasons">
            {reasons.slice(0, 5).map((r, i) => (
              <li key={`${r.code}-${i}`}>
                <Text size="sm" component="span">
                  {r.text}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {given ? (
        <Group gap="xs" mt="sm">
          <Badge
            color={given === 'ACCEPTED' ? 'teal' : 'gray'}
            variant="light"
            data-testid="verdict"
            className="score"
          >
            {t(`inbox.verdict.${given}` as MessageKey)}
          </Badge>
          {given === 'ACCEPTED' && <OpenedRequest feedback={opened} />}
        </Group>
      ) : notRelevant ? (
        <Stack gap="xs" mt="sm">
          <Select
            label={t('inbox.suggestions.whyNot')}
            data={NOT_RELEVANT_REASONS.map((r) => ({
              value: r,
              label: t(`inbox.notRelevant.${r}` as MessageKey),
            }))}
            value={reason}
            onChange={(v) => setReason(v as NotRelevantReason | null)}
          />
          <Group gap="xs">
            <Button
              size="compact-md"
              disabled={!reason}
              loading={mark.isPending}
              onClick={() => reason && mark.mutate(reason)}
            >
              {t('inbox.suggestions.send')}
            </Button>
            <Button size="compact-md" variant="default" onClick={() => setNotRelevant(false)}>
              {t('inbox.back')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          {canAccept &&
            (note === null ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                mt={6}
                onClick={() => setNote('')}
                className="details-link"
              >
                {t('inbox.suggestions.addNote')}
              </Anchor>
            ) : (
              <Textarea
                mt="xs"
                label={t('inbox.suggestions.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={1000}
                rows={3}
              />
            ))}
          <Group gap="xs" mt="sm">
            {canAccept && (
              <Button
                size="compact-md"
                onClick={() => accept.mutate()}
                loading={accept.isPending}
                disabled={busy}
              >
                {t(
                  s.kind === 'MEETING'
                    ? 'inbox.suggestions.acceptMeeting'
                    : 'inbox.suggestions.acceptContact',
                )}
              </Button>
            )}
            <Button size="compact-md" variant="default" onClick={() => dismiss.mutate()} disabled={busy}>
              {t('inbox.suggestions.dismiss')}
            </Button>
            <Button size="compact-md" variant="subtle" onClick={() => setNotRelevant(true)} disabled={busy}>
              {t('inbox.suggestions.notRelevant')}
            </Button>
          </Group>
        </>
      )}
      {error && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {inboxError(intl, error)}
        </Text>
      )}
    </Card>
  );
}

export function SuggestionList({ organizationId, kind }: { organizationId: string; kind: SuggestionKind }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const list = useInfiniteQuery({
    queryKey: ['inbox', 'suggestions', organizationId, kind, locale],
    queryFn: ({ pageParam }) =>
      call(SUGGESTIONS, { organizationId, kind, lang: locale, first: PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.suggestions.pageInfo.hasNextPage ? last.suggestions.pageInfo.endCursor : undefined,
  });
  if (list.isPending) return <Loader role="status" aria-label={t('inbox.loading')} />;
  if (list.error)
    return (
      <Alert color="red" role="alert">
        {inboxError(intl, list.error)}
      </Alert>
    );
  const items = list.data.pages.flatMap((p) => p.suggestions.edges.map((e) => e.node));
  return (
    <Stack gap="sm">
      {items.length === 0 && <Alert color="gray">{t('inbox.suggestions.empty')}</Alert>}
      {items.map((s) => (
        <SuggestionCard key={s.id} s={s} organizationId={organizationId} />
      ))}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('inbox.more')}
        </Button>
      )}
    </Stack>
  );
}

/** /suggestions: partners, financing candidates, support programmes, people to meet and clusters, with their reasons. */
export function SuggestionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [kind, setKind] = useState<SuggestionKind>('SUBCONTRACTING');
  return (
    <SignedIn title={t('inbox.suggestions.title')}>
      <Stack gap="md">
        <Title order={1}>{t('inbox.suggestions.title')}</Title>
        <Text size="sm">{t('inbox.suggestions.intro')}</Text>
        <OrganizationChooser value={organizationId} onChange={setOrganizationId}>
          {(o) => (
            <Tabs value={kind} onChange={(v) => v && setKind(v as SuggestionKind)} keepMounted={false}>
              <Tabs.List className="suggestion-tabs">
                {SUGGESTION_KINDS.map((k) => (
                  <Tabs.Tab key={k} value={k}>
                    {t(`inbox.suggestions.kind.${k}` as MessageKey)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {SUGGESTION_KINDS.map((k) => (
                <Tabs.Panel key={k} value={k} pt="sm">
                  <Text size="sm" c="dimmed" mb="xs">
                    <bdi>{pickText(o.name, locale)}</bdi>
                  </Text>
                  <SuggestionList organizationId={o.id} kind={k} />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </OrganizationChooser>
      </Stack>
    </SignedIn>
  );
}
