import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Chip, Group, Loader, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  ACT_ACCEPT,
  ACT_CANCEL,
  ACT_DECLINE,
  ACT_REQUEST,
  DELEGATE_ACTING,
  DELEGATE_NAMES,
  SET_UNAVAILABLE,
  type DelegateName,
  type ActingRequest,
  type EditionSetup,
} from '../../../api/consoleForum';
import { timeOf } from '../../../forum/agendaStore';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../../i18n/locale';
import { forumError } from './forumErrors';

/** Delegates the picker offers for one search: the first matches, narrowed by typing. */
const PICKER_SIZE = 50;

export interface ActingFor {
  id: string;
  name: string;
  organizationId: string;
}

/*
 * An organiser acting for one delegate, through the same mutations members use and under the same
 * rules (quotas, group rules, the edition's status): asks another delegate for a meeting (source
 * ORGANISER), accepts, declines or withdraws the delegate's requests for its organisation, and marks
 * the slots the delegate cannot attend. The api records each action in the audit log under the
 * organiser's account.
 */
export function DelegateActions({
  setup,
  delegate,
  onClose,
}: {
  setup: EditionSetup;
  delegate: ActingFor | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={!!delegate}
      onClose={onClose}
      size="lg"
      title={delegate ? t('consoleForum.act.title', { name: delegate.name }) : ''}
      closeButtonProps={{ 'aria-label': t('console.close') }}
    >
      {delegate && <ActingBody setup={setup} delegate={delegate} />}
    </Modal>
  );
}

function ActingBody({ setup, delegate }: { setup: EditionSetup; delegate: ActingFor }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const editionId = setup.forumEdition.id;
  const key = ['consoleForum', 'acting', editionId, delegate.organizationId] as const;
  const data = useQuery({
    queryKey: key,
    queryFn: () =>
      call(DELEGATE_ACTING, { editionId, organizationId: delegate.organizationId, delegateId: delegate.id }),
  });
  // Whom to ask: the registered delegates matching what the organiser types, searched by the api.
  const [typed, setTyped] = useState('');
  const [searched] = useDebouncedValue(typed.trim(), 250);
  const candidates = useQuery({
    queryKey: ['consoleForum', 'names', editionId, searched],
    queryFn: () =>
      call(DELEGATE_NAMES, { editionId, search: searched || null, first: PICKER_SIZE, after: null }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const [target, setTarget] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  const act = useMutation({
    mutationFn: async (a: { kind: 'send' | 'accept' | 'decline' | 'cancel'; request?: ActingRequest }) => {
      const org = delegate.organizationId;
      if (a.kind === 'send')
        await call(ACT_REQUEST, {
          input: {
            editionId,
            organizationId: org,
            fromDelegateId: delegate.id,
            toDelegateId: target!,
            source: 'ORGANISER',
          },
        });
      else if (a.kind === 'accept')
        await call(ACT_ACCEPT, { requestId: a.request!.id, organizationId: org, delegateId: delegate.id });
      else if (a.kind === 'decline')
        await call(ACT_DECLINE, { requestId: a.request!.id, organizationId: org });
      else await call(ACT_CANCEL, { requestId: a.request!.id, organizationId: org });
      return a.kind;
    },
    onSuccess: async (kind) => {
      setDone(t(`consoleForum.act.done.${kind}`));
      if (kind === 'send') setTarget(null);
      await refresh();
    },
    onMutate: () => setDone(null),
  });
  const save = useMutation({
    mutationFn: (slots: string[]) =>
      call(SET_UNAVAILABLE, {
        input: { id: delegate.id, organizationId: delegate.organizationId, unavailableSlotIds: slots },
      }),
    onSuccess: async () => {
      setDone(t('consoleForum.act.done.unavailable'));
      setUnavailable(null);
      await refresh();
    },
    onMutate: () => setDone(null),
  });
  // The chosen delegate stays an option while the organiser types another search.
  const [chosenName, setChosenName] = useState<DelegateName | null>(null);
  const others = useMemo(() => {
    const found = (candidates.data?.forumDelegates.nodes ?? []).filter(
      (d) => d.organizationId !== delegate.organizationId,
    );
    if (chosenName && !found.some((d) => d.id === chosenName.id)) found.unshift(chosenName);
    return found.map((d) => ({ value: d.id, label: d.name }));
  }, [candidates.data, delegate.organizationId, chosenName]);
  const failed = data.error ?? candidates.error;
  if (failed) return <Alert color="red">{forumError(intl, toApiError(failed))}</Alert>;
  if (!data.data) return <Loader role="status" aria-label={t('console.loading')} />;

  const mine = data.data.meetingRequests.nodes;
  const saved = data.data.own.nodes.find((d) => d.id === delegate.id)?.unavailableSlotIds ?? [];
  const chosen = unavailable ?? saved;
  const zone = setup.forumEdition.timezone;
  const slots = setup.forumSlots
    .filter((s) => !s.isBreak)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const error = act.error ?? save.error;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('consoleForum.act.audited')}
      </Text>
      {error && (
        <Alert color="red" role="alert" data-testid="act-error">
          {forumError(intl, toApiError(error))}
        </Alert>
      )}
      {done && (
        <Alert color="teal" role="status" data-testid="act-done">
          {done}
        </Alert>
      )}
      <section aria-labelledby="act-send">
        <Title order={3} fz="md" id="act-send" mb={4}>
          {t('consoleForum.act.send')}
        </Title>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            w={260}
            label={t('consoleForum.act.with')}
            data={others}
            value={target}
            onChange={(id) => {
              setTarget(id);
              setChosenName(candidates.data?.forumDelegates.nodes.find((d) => d.id === id) ?? null);
            }}
            searchable
            searchValue={typed}
            onSearchChange={setTyped}
            filter={({ options }) => options}
            clearable
            nothingFoundMessage={t('consoleForum.delegates.none')}
          />
          <Button
            onClick={() => act.mutate({ kind: 'send' })}
            disabled={!target}
            loading={act.isPending && act.variables?.kind === 'send'}
          >
            {t('consoleForum.act.sendButton')}
          </Button>
        </Group>
      </section>
      <section aria-labelledby="act-requests">
        <Title order={3} fz="md" id="act-requests" mb={4}>
          {t('consoleForum.act.requests', { count: mine.length })}
        </Title>
        <Stack gap={6} component="ul" className="act-list" data-testid="act-requests">
          {mine.map((r) => {
            const sent = r.fromDelegateId === delegate.id;
            const otherName =
              (sent ? r.toDelegateName : r.fromDelegateName) ?? t('consoleForum.act.anyDelegate');
            return (
              <Group component="li" key={r.id} gap="xs" wrap="wrap" data-request={r.id}>
                <Badge variant="light" color={r.status === 'ACCEPTED' ? 'teal' : 'blue'}>
                  {t(`consoleForum.act.status.${r.status}`)}
                </Badge>
                <Text size="sm">
                  {t(sent ? 'consoleForum.act.sentTo' : 'consoleForum.act.receivedFrom', { name: otherName })}
                </Text>
                {!sent && r.status === 'PENDING' && (
                  <>
                    <Button
                      size="compact-sm"
                      aria-label={t('consoleForum.act.acceptName', { name: otherName })}
                      onClick={() => act.mutate({ kind: 'accept', request: r })}
                    >
                      {t('consoleForum.act.accept')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      aria-label={t('consoleForum.act.declineName', { name: otherName })}
                      onClick={() => act.mutate({ kind: 'decline', request: r })}
                    >
                      {t('consoleForum.act.decline')}
                    </Button>
                  </>
                )}
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('consoleForum.act.cancelName', { name: otherName })}
                  onClick={() => act.mutate({ kind: 'cancel', request: r })}
                >
                  {t('consoleForum.act.cancel')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      </section>
      <section aria-labelledby="act-unavailable">
        <Title order={3} fz="md" id="act-unavailable" mb={4}>
          {t('consoleForum.act.unavailable')}
        </Title>
        <Chip.Group multiple value={chosen} onChange={setUnavailable}>
          <Group gap={6} wrap="wrap" data-testid="act-slots">
            {slots.map((s) => (
              <Chip key={s.id} value={s.id} size="xs">
                <span dir="ltr">
                  {s.day} {timeOf(s.startsAt, intlLocaleOf(locale), zone)}
                </span>
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Button
          mt="xs"
          variant="light"
          onClick={() => save.mutate(chosen)}
          loading={save.isPending}
          disabled={unavailable === null}
        >
          {t('consoleForum.act.saveUnavailable')}
        </Button>
      </section>
    </Stack>
  );
}
