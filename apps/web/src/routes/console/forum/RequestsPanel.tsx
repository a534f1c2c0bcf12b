import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import { LARGEST_PAGE, readAllPages } from '../../../api/connection';
import type { EditionSetup, RequestStatus } from '../../../api/consoleForum';
import {
  CONSOLE_REQUESTS,
  MATRIX_GROUPINGS,
  REQUEST_MATRIX,
  type ConsoleRequest,
  type MatrixCell,
  type MatrixGrouping,
  type RequestDirection,
  type RequestFilters,
} from '../../../api/consoleRequests';
import type { LocalizedText } from '../../../api/operations';
import { countryName, pickText } from '../../../components/text';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../../i18n/locale';
import { FIRST_PAGE, PAGE_SIZE, Pager, pageVariables, type PagePosition } from './DelegatesPanel';
import { forumError } from './forumErrors';
import { matrixLayout, type MatrixSide } from './requestMatrix';
import type { EditionSearch } from './routes';

const route = getRouteApi('/console/forum/$editionId');

/** Rows and columns of the matrix: the largest senders and receivers. */
export const MATRIX_SIZE = 20;
const STATUSES: RequestStatus[] = ['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'];
const DIRECTIONS: RequestDirection[] = ['ANY', 'SENT', 'RECEIVED'];
const STATUS_COLOR: Record<RequestStatus, string> = {
  PENDING: 'blue',
  ACCEPTED: 'teal',
  DECLINED: 'red',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

/** The requests tab: the request table (the api's connection, filtered and paged) or the matrix. */
export function RequestsPanel({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = search.view ?? 'table';
  return (
    <Stack gap="md">
      <SegmentedControl
        w="fit-content"
        value={view}
        aria-label={t('consoleForum.requests.view')}
        onChange={(v) =>
          void navigate({ search: (s) => ({ ...s, view: v as 'table' | 'matrix' }), replace: true })
        }
        data={[
          { value: 'table', label: t('consoleForum.requests.view.table') },
          { value: 'matrix', label: t('consoleForum.requests.view.matrix') },
        ]}
      />
      {view === 'matrix' ? <RequestMatrix setup={setup} /> : <RequestTable setup={setup} />}
    </Stack>
  );
}

const matrixKey = (editionId: string, by: MatrixGrouping) =>
  ['consoleForum', 'matrix', editionId, by] as const;

/** A side of the matrix in the interface language; no key: no group, or no delegate named yet. */
function useSideName(by: MatrixGrouping) {
  const t = useT();
  const { locale } = useLocale();
  return (key: string | null, label: LocalizedText | null) =>
    key === null
      ? t(by === 'GROUP' ? 'consoleForum.matrix.noGroup' : 'consoleForum.matrix.none')
      : by === 'COUNTRY'
        ? countryName(key, locale)
        : pickText(label, locale) || key;
}

function RequestMatrix({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const editionId = setup.forumEdition.id;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const by = search.by ?? 'ORGANIZATION';
  const matrix = useQuery({
    queryKey: matrixKey(editionId, by),
    queryFn: () => call(REQUEST_MATRIX, { editionId, groupBy: by }),
  });
  const layout = useMemo(
    () => (matrix.data ? matrixLayout<LocalizedText>(matrix.data.meetingRequestMatrix, MATRIX_SIZE) : null),
    [matrix.data],
  );
  const name = useSideName(by);
  const open = (from: MatrixSide<LocalizedText>, to: MatrixSide<LocalizedText>) =>
    void navigate({
      search: {
        tab: 'requests',
        view: 'table',
        by,
        dir: 'SENT',
        ...(by === 'ORGANIZATION' ? { org: from.key! } : { rgroup: from.key! }),
        to: to.key!,
      },
    });
  // Countries have no request filter, and a missing group cannot be asked for: those cells only count.
  const drillable = (from: MatrixSide<LocalizedText>, to: MatrixSide<LocalizedText>) =>
    by !== 'COUNTRY' && from.key !== null && to.key !== null;

  return (
    <section aria-labelledby="matrix-heading">
      <Title order={2} fz="lg" id="matrix-heading" mb="xs">
        {t('consoleForum.matrix.title')}
      </Title>
      <Select
        w={260}
        mb="xs"
        label={t('consoleForum.matrix.by')}
        data={MATRIX_GROUPINGS.map((g) => ({ value: g, label: t(`consoleForum.matrix.by.${g}`) }))}
        value={by}
        allowDeselect={false}
        onChange={(v) =>
          v && void navigate({ search: (s) => ({ ...s, by: v as MatrixGrouping }), replace: true })
        }
      />
      {matrix.error && <Alert color="red">{forumError(intl, toApiError(matrix.error))}</Alert>}
      {matrix.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {layout && layout.rows.length === 0 && <Text>{t('consoleForum.requests.none')}</Text>}
      {layout && layout.rows.length > 0 && (
        <>
          <Text size="sm" mb="xs" data-testid="matrix-summary">
            {t('consoleForum.matrix.summary', {
              rows: layout.rows.length,
              senders: layout.senders,
              columns: layout.columns.length,
              receivers: layout.receivers,
              shown: layout.shown,
              total: layout.total,
            })}
          </Text>
          {/* Focusable so the keyboard can scroll a wide grid on a phone. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-heading">
            <table className="request-matrix" data-testid="request-matrix">
              <caption>{t('consoleForum.matrix.caption')}</caption>
              <thead>
                <tr>
                  <td />
                  {layout.columns.map((c) => (
                    <th key={c.key ?? ''} scope="col">
                      <bdi>{name(c.key, c.label)}</bdi>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {layout.rows.map((r, i) => (
                  <tr key={r.key ?? ''}>
                    <th scope="row">
                      <bdi>{name(r.key, r.label)}</bdi>
                    </th>
                    {layout.columns.map((c, j) => {
                      const cell: MatrixCell | null = layout.cells[i][j];
                      if (!cell) return <td key={c.key ?? ''} />;
                      const label = t('consoleForum.matrix.cell', {
                        from: name(r.key, r.label),
                        to: name(c.key, c.label),
                        pending: cell.pending,
                        accepted: cell.accepted,
                        total: cell.total,
                      });
                      const counts = (
                        <>
                          <span className="pending">{cell.pending}</span>
                          {' / '}
                          <span className="accepted">{cell.accepted}</span>
                        </>
                      );
                      return (
                        <td key={c.key ?? ''} data-from={r.key ?? ''} data-to={c.key ?? ''}>
                          {drillable(r, c) ? (
                            <button type="button" className="matrix-cell" onClick={() => open(r, c)}>
                              {counts}
                              <VisuallyHidden>{` (${label})`}</VisuallyHidden>
                            </button>
                          ) : (
                            counts
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Text size="xs" c="dimmed" mt={4}>
            {t('consoleForum.matrix.legend')}
          </Text>
        </>
      )}
    </section>
  );
}

/** The requests of one matrix cell: the sender's sent requests, kept where the receiver matches. */
async function pairRequests(
  editionId: string,
  by: MatrixGrouping,
  from: string,
  to: string,
  statuses: RequestStatus[] | null,
): Promise<ConsoleRequest[]> {
  const side = (filters: Partial<RequestFilters> & { direction: RequestDirection }) =>
    readAllPages(async (after) => {
      const page = await call(CONSOLE_REQUESTS, {
        editionId,
        organizationId: null,
        groupId: null,
        delegateId: null,
        statuses,
        ...filters,
        first: LARGEST_PAGE,
        after,
        last: null,
        before: null,
      });
      return page.meetingRequests;
    });
  if (by === 'ORGANIZATION')
    return (await side({ organizationId: from, direction: 'SENT' })).filter((r) => r.toOrganizationId === to);
  const [sent, received] = await Promise.all([
    side({ groupId: from, direction: 'SENT' }),
    side({ groupId: to, direction: 'RECEIVED' }),
  ]);
  const ids = new Set(received.map((r) => r.id));
  return sent.filter((r) => ids.has(r.id));
}

function RequestTable({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editionId = setup.forumEdition.id;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<EditionSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const groups = new Map(setup.forumGroups.map((g) => [g.id, pickText(g.name, locale) || g.code]));
  const filters: RequestFilters = useMemo(
    () => ({
      organizationId: search.org ?? null,
      groupId: search.rgroup ?? null,
      delegateId: search.delegate ?? null,
      direction: search.dir ?? 'ANY',
      statuses: search.rstatus ? [search.rstatus] : null,
    }),
    [search.org, search.rgroup, search.delegate, search.dir, search.rstatus],
  );
  const by: MatrixGrouping = search.rgroup ? 'GROUP' : 'ORGANIZATION';
  const pair = search.to ? { by, from: search.rgroup ?? search.org, to: search.to } : null;
  const [at, setAt] = useState<PagePosition>(FIRST_PAGE);
  useEffect(() => setAt(FIRST_PAGE), [filters, search.to]);
  const paged = useQuery({
    queryKey: ['consoleForum', 'requests', editionId, filters, at],
    queryFn: () => call(CONSOLE_REQUESTS, { editionId, ...filters, ...pageVariables(at, PAGE_SIZE) }),
    placeholderData: keepPreviousData,
    enabled: !pair,
  });
  const pairQuery = useQuery({
    queryKey: ['consoleForum', 'requestPair', editionId, pair, filters.statuses],
    queryFn: () => pairRequests(editionId, pair!.by, pair!.from!, pair!.to, filters.statuses),
    enabled: !!pair?.from,
  });
  // The matrix's labels name the pair when the matrix was read (it is, when the pair came from it).
  const matrix = useQuery({
    queryKey: matrixKey(editionId, by),
    queryFn: () => call(REQUEST_MATRIX, { editionId, groupBy: by }),
    enabled: !!pair,
    staleTime: 60_000,
  });
  const sideName = useSideName(by);
  const labelOf = (key: string | undefined, side: 'from' | 'to') => {
    const cell = matrix.data?.meetingRequestMatrix.find(
      (c) => (side === 'from' ? c.fromKey : c.toKey) === key,
    );
    return cell ? sideName(key!, side === 'from' ? cell.fromLabel : cell.toLabel) : '…';
  };

  const query = pair ? pairQuery : paged;
  const all = pairQuery.data ?? [];
  const rows = pair
    ? all.slice(at.page * PAGE_SIZE, (at.page + 1) * PAGE_SIZE)
    : (paged.data?.meetingRequests.nodes ?? []);
  const total = pair
    ? pairQuery.data
      ? all.length
      : null
    : (paged.data?.meetingRequests.totalCount ?? null);
  const pageInfo = pair
    ? {
        hasNextPage: (at.page + 1) * PAGE_SIZE < all.length,
        hasPreviousPage: at.page > 0,
        startCursor: 'local',
        endCursor: 'local',
      }
    : paged.data?.meetingRequests.pageInfo;
  const when = new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'short', timeStyle: 'short' });
  const delegateName = (() => {
    const r = rows.find((x) => x.fromDelegateId === search.delegate || x.toDelegateId === search.delegate);
    return r ? (r.fromDelegateId === search.delegate ? r.fromDelegateName : r.toDelegateName) : null;
  })();

  return (
    <section aria-labelledby="requests-heading">
      <Title order={2} fz="lg" id="requests-heading" mb="xs">
        {t('consoleForum.requests.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} mb="xs">
        <Select
          label={t('consoleForum.requests.status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`consoleForum.act.status.${s}`) }))}
          value={search.rstatus ?? null}
          onChange={(v) => setSearch({ rstatus: (v as RequestStatus | null) ?? undefined })}
          clearable
          placeholder={t('consoleForum.delegates.all')}
        />
        <Select
          label={t('consoleForum.requests.group')}
          data={setup.forumGroups.map((g) => ({ value: g.id, label: groups.get(g.id) ?? g.code }))}
          value={search.rgroup ?? null}
          onChange={(v) => setSearch({ rgroup: v ?? undefined, to: undefined })}
          clearable
          placeholder={t('consoleForum.delegates.all')}
        />
        <Select
          label={t('consoleForum.requests.direction')}
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`consoleForum.requests.direction.${d}`) }))}
          value={search.dir ?? 'ANY'}
          allowDeselect={false}
          disabled={!!pair}
          onChange={(v) => setSearch({ dir: (v as RequestDirection | null) ?? undefined })}
        />
      </SimpleGrid>
      {(pair || search.org || search.delegate) && (
        <Group gap="xs" mb="xs" wrap="wrap" data-testid="requests-scope">
          <Text size="sm">
            {pair
              ? t('consoleForum.requests.pair', {
                  from: labelOf(pair.from, 'from'),
                  to: labelOf(pair.to, 'to'),
                })
              : search.delegate
                ? t('consoleForum.requests.ofDelegate', { name: delegateName ?? '…' })
                : t('consoleForum.requests.ofOrganization')}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() =>
              setSearch({ org: undefined, rgroup: undefined, delegate: undefined, to: undefined })
            }
          >
            {t('consoleForum.requests.clear')}
          </Button>
        </Group>
      )}
      {query.error && <Alert color="red">{forumError(intl, toApiError(query.error))}</Alert>}
      {query.isPending && query.fetchStatus !== 'idle' && (
        <Loader role="status" aria-label={t('console.loading')} />
      )}
      {total !== null && (
        <Text size="sm" role="status" data-testid="requests-total">
          {t('consoleForum.requests.total', { count: total })}
        </Text>
      )}
      {total === 0 && <Text>{t('consoleForum.requests.none')}</Text>}
      {rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="requests-heading">
          <Table striped withTableBorder data-testid="requests-table" aria-labelledby="requests-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consoleForum.requests.from')}</Table.Th>
                <Table.Th>{t('consoleForum.requests.to')}</Table.Th>
                <Table.Th>{t('consoleForum.requests.status')}</Table.Th>
                <Table.Th>{t('consoleForum.requests.created')}</Table.Th>
                <Table.Th>{t('consoleForum.requests.answered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-request={r.id}>
                  <Table.Td>
                    <bdi>{r.fromDelegateName}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {r.toDelegateName ? <bdi>{r.toDelegateName}</bdi> : t('consoleForum.requests.noDelegate')}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={`${STATUS_COLOR[r.status]}.9`} className="nowrap">
                      {t(`consoleForum.act.status.${r.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" span className="nowrap">
                      {when.format(new Date(r.createdAt))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.respondedAt ? (
                      <Text size="sm" span className="nowrap">
                        {when.format(new Date(r.respondedAt))}
                      </Text>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Pager
        at={at}
        pageInfo={pageInfo}
        busy={query.isFetching}
        onMove={(to) => setAt(pair ? { ...FIRST_PAGE, page: to.page } : to)}
      />
    </section>
  );
}
