import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  SCHEDULE_CHANGES,
  type EditionSetup,
  type ScheduleChange,
  type ScheduleChangeKind,
} from '../../../api/consoleForum';
import { timeOf } from '../../../forum/agendaStore';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../../i18n/locale';
import { forumError } from './forumErrors';

const PAGE = 50;
const KINDS = ['ALL', 'NEW', 'MOVED', 'CANCELLED'] as const;
const KIND_COLOR: Record<ScheduleChangeKind, string> = { NEW: 'teal', MOVED: 'blue', CANCELLED: 'red' };

/**
 * The draft against the schedule delegates were last shown (`scheduleChanges`): how many meetings
 * are new, moved or cancelled and for how many delegates, then the changes themselves, by kind or
 * for one delegate, a page at a time. Its query key sits under the meetings' key, so every move,
 * run or publication that refreshes the grid refreshes it too.
 */
export function ScheduleChanges({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editionId = setup.forumEdition.id;
  const zone = setup.forumEdition.timezone;
  const [kind, setKind] = useState<(typeof KINDS)[number]>('ALL');
  const [delegateId, setDelegateId] = useState<string | null>(null);
  const changes = useInfiniteQuery({
    queryKey: ['consoleForum', 'meetings', editionId, 'changes', kind, delegateId],
    queryFn: ({ pageParam }) =>
      call(SCHEDULE_CHANGES, {
        editionId,
        delegateId,
        kind: kind === 'ALL' ? null : kind,
        first: PAGE,
        after: pageParam,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.scheduleChanges.hasNextPage ? last.scheduleChanges.endCursor : undefined,
    placeholderData: keepPreviousData,
  });
  const slots = useMemo(() => new Map(setup.forumSlots.map((s) => [s.id, s])), [setup.forumSlots]);
  const place = (slotId: string | null, table: string | null) => {
    const slot = slotId ? slots.get(slotId) : undefined;
    if (!slot) return '–';
    return `${slot.day} ${timeOf(slot.startsAt, intlLocaleOf(locale), zone)}${table ? ` · ${table}` : ''}`;
  };

  if (changes.error) return <Alert color="red">{forumError(intl, toApiError(changes.error))}</Alert>;
  if (!changes.data) return <Loader role="status" aria-label={t('console.loading')} />;
  const head = changes.data.pages[0].scheduleChanges;
  const rows: ScheduleChange[] = changes.data.pages.flatMap((p) => p.scheduleChanges.changes);
  const total = head.newMeetings + head.moved + head.cancelled;

  return (
    <section aria-labelledby="changes-heading" data-testid="schedule-changes">
      <Title order={2} fz="lg" id="changes-heading" mb="xs">
        {t('consoleForum.changes.title')}
      </Title>
      <Text size="sm" mb="xs">
        {head.publishedVersion === 0
          ? t('consoleForum.changes.neverPublished')
          : t('consoleForum.changes.since', { version: head.publishedVersion })}
      </Text>
      <Group gap="xs" mb="xs" wrap="wrap" data-testid="changes-counts">
        <Badge variant="light" color="teal" data-testid="changes-new">
          {t('consoleForum.changes.count.NEW', { count: head.newMeetings })}
        </Badge>
        <Badge variant="light" color="blue" data-testid="changes-moved">
          {t('consoleForum.changes.count.MOVED', { count: head.moved })}
        </Badge>
        <Badge variant="light" color="red" data-testid="changes-cancelled">
          {t('consoleForum.changes.count.CANCELLED', { count: head.cancelled })}
        </Badge>
        <Badge variant="light" color="gray" data-testid="changes-delegates">
          {t('consoleForum.changes.count.delegates', { count: head.delegates })}
        </Badge>
      </Group>
      <Group gap="xs" mb="xs" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('consoleForum.changes.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`consoleForum.changes.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as (typeof KINDS)[number])}
        />
        <Select
          w={280}
          label={t('consoleForum.changes.delegate')}
          placeholder={t('consoleForum.changes.allDelegates')}
          data={head.changedDelegates.map((d) => ({
            value: d.delegateId,
            label: t('consoleForum.changes.delegateOption', {
              name: d.name,
              organization: d.organizationName,
              count: d.changes,
            }),
          }))}
          value={delegateId}
          onChange={setDelegateId}
          searchable
          clearable
          limit={100}
          nothingFoundMessage={t('consoleForum.changes.none')}
        />
      </Group>
      {total === 0 ? (
        <Text size="sm" data-testid="changes-none">
          {t('consoleForum.changes.none')}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table
            withTableBorder
            striped
            data-testid="changes-table"
            aria-label={t('consoleForum.changes.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consoleForum.changes.col.meeting')}</Table.Th>
                <Table.Th>{t('consoleForum.changes.col.before')}</Table.Th>
                <Table.Th>{t('consoleForum.changes.col.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.meetingId} data-meeting={c.meetingId}>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={KIND_COLOR[c.kind]} className="change-kind">
                      {t(`consoleForum.changes.kind.${c.kind}`)}
                    </Badge>
                    <br />
                    <bdi>{c.delegateName}</bdi> · <bdi>{c.organizationName}</bdi>
                    <br />
                    <bdi>{c.counterpartDelegateName}</bdi> · <bdi>{c.counterpartOrganizationName}</bdi>
                  </Table.Td>
                  <Table.Td dir="ltr" ta="start">
                    {c.kind === 'NEW' ? '–' : place(c.publishedSlotId, c.publishedTableLabel)}
                  </Table.Td>
                  <Table.Td>
                    {c.kind === 'CANCELLED' ? (
                      t('consoleForum.changes.cancelledPlace')
                    ) : (
                      <span dir="ltr">{place(c.slotId, c.tableLabel)}</span>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {changes.hasNextPage && (
        <Button
          variant="light"
          mt="xs"
          onClick={() => void changes.fetchNextPage()}
          loading={changes.isFetchingNextPage}
        >
          {t('consoleForum.changes.more')}
        </Button>
      )}
    </section>
  );
}
