import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
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
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  ASSIGN_GROUP,
  COUNTRY_LIST,
  DELEGATES_PAGE,
  REGISTER_DELEGATE,
  type EditionSetup,
} from '../../../api/consoleForum';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../api/operations';
import { countryName, pickText } from '../../../components/text';
import type { MessageKey } from '../../../i18n/catalogues';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { DelegateActions, type ActingFor } from './DelegateActions';
import { readDelegatesCsv, rejectedCsv, type DelegateRow, type RejectedRow } from './delegatesCsv';
import { forumError } from './forumErrors';

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

/** The delegates tab: the api pages and filters the list (50 a page); the CSV import below it. */
export function DelegatesPanel({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editionId = setup.forumEdition.id;
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 300);
  const [country, setCountry] = useState<string | null>(null);
  const [kind, setKind] = useState<OrganizationKind | null>(null);
  // The cursors of the pages seen so far: page n starts after cursors[n - 1].
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const filter = useMemo(
    () =>
      query || country || kind
        ? {
            ...(query ? { query } : {}),
            ...(country ? { countries: [country] } : {}),
            ...(kind ? { kinds: [kind] } : {}),
          }
        : null,
    [query, country, kind],
  );
  useEffect(() => setCursors([null]), [filter]);
  const countries = useQuery({
    queryKey: ['consoleForum', 'countries', locale],
    queryFn: () => call(COUNTRY_LIST),
    staleTime: Infinity,
  });
  const delegates = useQuery({
    queryKey: ['consoleForum', 'delegates', editionId, filter, cursors[page]],
    queryFn: () => call(DELEGATES_PAGE, { editionId, first: PAGE_SIZE, after: cursors[page], filter }),
    placeholderData: keepPreviousData,
  });
  const groups = new Map(setup.forumGroups.map((g) => [g.id, pickText(g.name, locale) || g.code]));
  const edges = delegates.data?.forumParticipants.edges ?? [];
  const [acting, setActing] = useState<ActingFor | null>(null);

  return (
    <Stack gap="xl">
      <section aria-labelledby="delegates-heading">
        <Title order={2} fz="lg" id="delegates-heading" mb="xs">
          {t('consoleForum.delegates.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="xs">
          <TextInput
            type="search"
            label={t('consoleForum.delegates.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Select
            label={t('consoleForum.delegates.country')}
            data={(countries.data?.countries ?? []).map((c) => ({ value: c.code, label: c.label }))}
            value={country}
            onChange={setCountry}
            searchable
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
          <Select
            label={t('consoleForum.delegates.kind')}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(k) => setKind(k as OrganizationKind | null)}
            clearable
            placeholder={t('consoleForum.delegates.all')}
          />
        </SimpleGrid>
        {delegates.error && <Alert color="red">{forumError(intl, toApiError(delegates.error))}</Alert>}
        {delegates.isPending && <Loader role="status" aria-label={t('console.loading')} />}
        {delegates.data && edges.length === 0 && <Text>{t('consoleForum.delegates.none')}</Text>}
        {edges.length > 0 && (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="delegates-table" aria-labelledby="delegates-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('consoleForum.delegates.name')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.organization')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.country')}</Table.Th>
                  <Table.Th>{t('consoleForum.delegates.group')}</Table.Th>
                  <Table.Th>{t('consoleForum.act.column')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node: d }) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <bdi>{d.name}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{pickText(d.organization.name, locale)}</bdi>
                      <Badge size="xs" variant="light" ms={4}>
                        {t(`kind.${d.organization.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{countryName(d.organization.country, locale)}</Table.Td>
                    <Table.Td>{d.group ? <bdi>{groups.get(d.group.id) ?? d.group.code}</bdi> : '–'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t('consoleForum.act.openName', { name: d.name })}
                        onClick={() =>
                          setActing({ id: d.id, name: d.name, organizationId: d.organization.id })
                        }
                      >
                        {t('consoleForum.act.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Group mt="xs" gap="xs">
          <Button variant="default" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('consoleForum.previous')}
          </Button>
          <Text size="sm">{t('consoleForum.page', { page: page + 1 })}</Text>
          <Button
            variant="default"
            disabled={!delegates.data?.forumParticipants.pageInfo.hasNextPage || delegates.isFetching}
            onClick={() => setCursors((c) => [...c, delegates.data!.forumParticipants.pageInfo.endCursor])}
          >
            {t('consoleForum.next')}
          </Button>
        </Group>
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
