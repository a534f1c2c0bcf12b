import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileUpload } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import type { PageInfo } from '../../../api/connection';
import { ASSIGN_GROUP, COUNTRY_LIST, REGISTER_DELEGATE, type EditionSetup } from '../../../api/consoleForum';
import {
  CONSOLE_DELEGATES,
  type DelegateFilters,
  type DelegateStatus,
  type PageAt,
} from '../../../api/consoleRequests';
import { countryName, pickText } from '../../../components/text';
import type { MessageKey } from '../../../i18n/catalogues';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { DelegateActions, type ActingFor } from './DelegateActions';
import { readDelegatesCsv, rejectedCsv, type DelegateRow, type RejectedRow } from './delegatesCsv';
import { forumError } from './forumErrors';
import type { EditionSearch } from './routes';

const DELEGATE_STATUSES: DelegateStatus[] = ['REGISTERED', 'WITHDRAWN'];

export const PAGE_SIZE = 50;
const PARALLEL = 4;

interface ImportState {
  total: number;
  done: number;
  imported: number;
  rejected: RejectedRow[];
  finished: boolean;
  missing?: string[];
}

/** Sends the rows a few at a time; each refusal of the api becomes a rejected row with its code. */
async function importRows(
  editionId: string,
  rows: DelegateRow[],
  onRow: (ok: boolean, rejected?: RejectedRow) => void,
) {
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      try {
        const { registerDelegate } = await call(REGISTER_DELEGATE, {
          input: {
            editionId,
            organizationId: row.organizationId,
            name: row.name,
            email: row.email,
            languages: row.languages.length > 0 ? row.languages : null,
          },
        });
        if (row.groupId) await call(ASSIGN_GROUP, { delegateId: registerDelegate.id, groupId: row.groupId });
        onRow(true);
      } catch (e) {
        const error = toApiError(e);
        onRow(false, {
          line: row.line,
          reason: error.code,
          details: error.message,
          raw: [row.organizationId, row.name, row.email, row.languages.join(' ')].join(','),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

function ImportSection({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const queries = useQueryClient();
  const [state, setState] = useState<ImportState | null>(null);
  const reset = useRef<() => void>(null);
  const groups = useMemo(() => new Map(setup.forumGroups.map((g) => [g.code, g.id])), [setup.forumGroups]);
  const download = useMemo(
    () =>
      state?.finished && state.rejected.length > 0
        ? URL.createObjectURL(new Blob([rejectedCsv(state.rejected)], { type: 'text/csv' }))
        : null,
    [state],
  );
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const start = async (file: File) => {
    const read = readDelegatesCsv(await file.text(), groups);
    if ('missing' in read)
      return setState({
        total: 0,
        done: 0,
        imported: 0,
        rejected: [],
        finished: true,
        missing: read.missing,
      });
    const rejected = [...read.rejected];
    let done = 0;
    let imported = 0;
    setState({ total: read.rows.length, done, imported, rejected, finished: false });
    await importRows(setup.forumEdition.id, read.rows, (ok, row) => {
      done++;
      if (ok) imported++;
      else if (row) rejected.push(row);
      setState({ total: read.rows.length, done, imported, rejected: [...rejected], finished: false });
    });
    rejected.sort((a, b) => a.line - b.line);
    setState({ total: read.rows.length, done, imported, rejected, finished: true });
    reset.current?.();
    await queries.invalidateQueries({ queryKey: ['consoleForum', 'delegates', setup.forumEdition.id] });
  };

  const reason = (r: RejectedRow) =>
    r.reason in KNOWN_REASONS ? t(`consoleForum.import.reason.${r.reason}` as MessageKey) : r.reason;

  return (
    <section aria-labelledby="import-heading">
      <Title order={2} fz="lg" id="import-heading" mb="xs">
        {t('consoleForum.import.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('consoleForum.import.help')}
      </Text>
      <Text size="xs" dir="ltr" ta="start" ff="monospace" mb="xs">
        organization_id,name,email,languages,group
      </Text>
      <FileButton
        accept=".csv,text/csv"
        disabled={!!state && !state.finished}
        onChange={(file) => file && void start(file)}
        resetRef={reset}
      >
        {(props) => (
          <Button {...props} variant="light" leftSection={<IconFileUpload size={16} aria-hidden />}>
            {t('consoleForum.import.file')}
          </Button>
        )}
      </FileButton>
      {state?.missing && (
        <Alert color="red" role="alert">
          {t('consoleForum.import.missing', { details: state.missing.join(', ') })}
        </Alert>
      )}
      {state && !state.missing && (
        <Stack gap={4} mt="xs">
          <Progress
            value={state.total ? (100 * state.done) / state.total : 100}
            aria-label={t('consoleForum.import.progress')}
          />
          <Text size="sm" role="status" data-testid="import-summary">
            {state.finished
              ? t('consoleForum.import.done', {
                  count: state.imported,
                  details: String(state.rejected.length),
                })
              : t('consoleForum.import.running', { count: state.done, details: String(state.total) })}
          </Text>
        </Stack>
      )}
      {state?.finished && state.rejected.length > 0 && (
        <>
          <div className="table-scroll">
            <Table mt="xs" withTableBorder striped aria-label={t('consoleForum.import.rejected')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consoleForum.import.line')}</Table.Th>
                  <Table.Th>{t('consoleForum.import.reasonHeader')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.rejected.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>
                      {reason(r)}
                      {r.details && (
                        <Text size="xs" dir="ltr" ta="start">
                          {r.details}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {download && (
            <Anchor href={download} download="rejected-delegates.csv" size="sm">
              {t('consoleForum.import.download')}
            </Anchor>
          )}
        </>
      )}
    </section>
  );
}

const KNOWN_REASONS = {
  MISSING_ORGANIZATION: 1,
  BAD_ORGANIZATION: 1,
  MISSING_NAME: 1,
  BAD_EMAIL: 1,
  BAD_LANGUAGE: 1,
  UNKNOWN_GROUP: 1,
  DUPLICATE_EMAIL: 1,
  CONFLICT: 1,
  NOT_FOUND: 1,
  BAD_USER_INPUT: 1,
};

/** Where a paged table stands: page n (from 0), reached after or before a cursor. */
export interface PagePosition {
  page: number;
  after: string | null;
  before: string | null;
}
export const FIRST_PAGE: PagePosition = { page: 0, after: null, before: null };

/** The variables that read a position: forward with first/after, backward with last/before. */
export const pageVariables = (at: PagePosition, size: number): PageAt =>
  at.before
    ? { first: null, after: null, last: size, before: at.before }
    : { first: size, after: at.after, last: null, before: null };

/** Previous and next buttons over a connection's pageInfo, and the page number. */
export function Pager({
  at,
  pageInfo,
  busy,
  onMove,
}: {
  at: PagePosition;
  pageInfo: PageInfo | undefined;
  busy: boolean;
  onMove: (to: PagePosition) => void;
}) {
  const t = useT();
  return (
    <Group mt="xs" gap="xs">
      <Button
        variant="default"
        disabled={at.page === 0 || !pageInfo?.startCursor || busy}
        onClick={() => onMove({ page: at.page - 1, after: null, before: pageInfo!.startCursor })}
      >
        {t('consoleForum.previous')}
      </Button>
      <Text size="sm">{t('consoleForum.page', { page: at.page + 1 })}</Text>
      <Button
        variant="default"
        disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor || busy}
        onClick={() => onMove({ page: at.page + 1, after: pageInfo!.endCursor, before: null })}
      >
        {t('consoleForum.next')}
      </Button>
    </Group>
  );
}

const route = getRouteApi('/console/forum/$editionId');

/**
 * The delegates tab: the edition's delegates as the api's connection (50 a page, filtered by the
 * api; the filters live in the URL), the CSV import below it.
 */
export function DelegatesPanel({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editionId = setup.forumEdition.id;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [query] = useDebouncedValue(text.trim(), 300);
  const setSearch = (patch: Partial<EditionSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  useEffect(() => {
    if ((search.q ?? '') !== query) setSearch({ q: query || undefined });
    // Only the debounced text writes the URL.
  }, [query]);
  const filters: DelegateFilters = useMemo(
    () => ({
      search: search.q ?? null,
      country: search.country ?? null,
      groupId: search.group ?? null,
      status: search.status ?? null,
      checkedIn: search.arrived ? search.arrived === 'yes' : null,
    }),
    [search.q, search.country, search.group, search.status, search.arrived],
  );
  const [at, setAt] = useState<PagePosition>(FIRST_PAGE);
  useEffect(() => setAt(FIRST_PAGE), [filters]);
  const countries = useQuery({
    queryKey: ['consoleForum', 'countries', locale],
    queryFn: () => call(COUNTRY_LIST),
    staleTime: Infinity,
  });
  const delegates = useQuery({
    queryKey: ['consoleForum', 'delegates', editionId, filters, at],
    queryFn: () => call(CONSOLE_DELEGATES, { editionId, ...filters, ...pageVariables(at, PAGE_SIZE) }),
    placeholderData: keepPreviousData,
  });
  const groups = new Map(setup.forumGroups.map((g) => [g.id, pickText(g.name, locale) || g.code]));
  const connection = delegates.data?.forumDelegates;
  const nodes = connection?.nodes ?? [];
  const [acting, setActing] = useState<ActingFor | null>(null);

  return (
    <Stack gap="xl">
      <section aria-labelledby="delegates-heading">
        <Title order={2} fz="lg" id="delegates-heading" mb="xs">
          {t('consoleForum.delegates.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} mb="xs">
          <TextInput
            type="search"
            label={t('consoleForum.delegates.search')}
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Select
            label={t('consoleForum.delegates.country')}
            data={(countries.data?.countries ?? []).map((c) => ({ value: c.code, label: c.label }))}
            value={search.country ?? null}
            onChange={(v) => setSearch({ country: v ?? undefined })}
            searchable
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
          <Select
            label={t('consoleForum.delegates.group')}
            data={setup.forumGroups.map((g) => ({ value: g.id, label: groups.get(g.id) ?? g.code }))}
            value={search.group ?? null}
            onChange={(v) => setSearch({ group: v ?? undefined })}
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
          <Select
            label={t('consoleForum.delegates.status')}
            data={DELEGATE_STATUSES.map((s) => ({
              value: s,
              label: t(`consoleForum.delegates.status.${s}`),
            }))}
            value={search.status ?? null}
            onChange={(v) => setSearch({ status: (v as DelegateStatus | null) ?? undefined })}
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
          <Select
            label={t('consoleForum.delegates.arrived')}
            data={(['yes', 'no'] as const).map((v) => ({
              value: v,
              label: t(`consoleForum.delegates.arrived.${v}`),
            }))}
            value={search.arrived ?? null}
            onChange={(v) => setSearch({ arrived: (v as 'yes' | 'no' | null) ?? undefined })}
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
        </SimpleGrid>
        {delegates.error && <Alert color="red">{forumError(intl, toApiError(delegates.error))}</Alert>}
        {delegates.isPending && <Loader role="status" aria-label={t('console.loading')} />}
        {connection && (
          <Text size="sm" role="status" data-testid="delegates-total">
            {t('consoleForum.delegates.total', { count: connection.totalCount })}
          </Text>
        )}
        {delegates.data && nodes.length === 0 && <Text>{t('consoleForum.delegates.none')}</Text>}
        {nodes.length > 0 && (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="delegates-table" aria-labelledby="delegates-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consoleForum.delegates.name')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.organization')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.country')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.group')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.status')}</Table.Th>
                  <Table.Th>{t('consoleForum.act.column')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes.map((d) => (
                  <Table.Tr key={d.id} data-delegate={d.id}>
                    <Table.Td>
                      <bdi>{d.name}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{pickText(d.organizationName, locale)}</bdi>
                    </Table.Td>
                    <Table.Td>{countryName(d.organizationCountry, locale)}</Table.Td>
                    <Table.Td>{d.groupId ? <bdi>{groups.get(d.groupId) ?? '–'}</bdi> : '–'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" className="nowrap">
                        {t(`consoleForum.delegates.status.${d.status}`)}
                      </Text>
                      {d.checkedInAt && (
                        <Text size="sm" fw={600} c="teal.9" className="nowrap">
                          {t('consoleForum.delegates.arrived.yes')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t('consoleForum.act.openName', { name: d.name })}
                          onClick={() =>
                            setActing({ id: d.id, name: d.name, organizationId: d.organizationId })
                          }
                        >
                          {t('consoleForum.act.open')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('consoleForum.delegates.requestsOf', { name: d.name })}
                          onClick={() =>
                            void navigate({
                              search: { tab: 'requests', view: 'table', delegate: d.id, dir: 'ANY' },
                            })
                          }
                        >
                          {t('consoleForum.delegates.requests')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Pager at={at} pageInfo={connection?.pageInfo} busy={delegates.isFetching} onMove={setAt} />
      </section>
      <ImportSection setup={setup} />
      <DelegateActions
        key={acting?.id ?? 'none'}
        setup={setup}
        delegate={acting}
        onClose={() => setActing(null)}
      />
    </Stack>
  );
}
