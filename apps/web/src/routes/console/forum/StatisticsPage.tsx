import { useMemo } from 'react';
import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import { EDITION_SETUP } from '../../../api/consoleForum';
import { FORUM_SECTORS } from '../../../api/forum';
import { EDITION_STATISTICS, type EditionStatsRow, type RoundUtilisation } from '../../../api/consoleStats';
import { countryName, pickText } from '../../../components/text';
import type { MessageKey } from '../../../i18n/catalogues';
import { directionOf, intlLocaleOf } from '../../../i18n/locale';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { setupKey } from './EditionPage';
import { forumError } from './forumErrors';
import { countAxes, STATS_REFRESH_MS, StatsSection, type StatsColumn } from './statsShared';
import { csvRate } from './statsCsv';
import { BackToEdition } from './StatsLinks';
import './forum.css';

const route = getRouteApi('/console/forum/$editionId/statistics');

type Dimension = 'country' | 'sector' | 'group';
const DIMENSIONS: { dim: Dimension; field: 'byCountry' | 'bySector' | 'byGroup' }[] = [
  { dim: 'country', field: 'byCountry' },
  { dim: 'sector', field: 'bySector' },
  { dim: 'group', field: 'byGroup' },
];

const COUNTS = [
  'delegates',
  'requestsSent',
  'accepted',
  'declined',
  'pending',
  'expired',
  'cancelled',
] as const satisfies readonly (keyof EditionStatsRow)[];
const MEETINGS = ['meetingsScheduled', 'meetingsHeld', 'noShows'] as const;

/** /console/forum/$editionId/statistics: requests, acceptance and meetings by country, sector and group, and table use per round. */
export function StatisticsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const { editionId } = route.useParams();
  const setup = useQuery({
    queryKey: setupKey(editionId),
    queryFn: () => call(EDITION_SETUP, { id: editionId }),
  });
  const stats = useQuery({
    queryKey: ['consoleStats', 'statistics', editionId],
    queryFn: () => call(EDITION_STATISTICS, { editionId }),
    refetchInterval: STATS_REFRESH_MS,
  });
  const sectors = useQuery({
    queryKey: ['forum', 'sectors', locale],
    queryFn: async () => (await call(FORUM_SECTORS, { lang: locale })).sectors,
  });

  const percent = (x: number | null) =>
    x === null ? '—' : intl.formatNumber(x, { style: 'percent', maximumFractionDigits: 1 });
  const number = (x: number) => intl.formatNumber(x);

  const labelOf = useMemo(() => {
    const sectorLabel = new Map((sectors.data ?? []).map((s) => [s.code, s.label]));
    const groupName = new Map(
      (setup.data?.forumGroups ?? []).map((g) => [g.code, pickText(g.name, locale) || g.code]),
    );
    return (dim: Dimension, key: string): string => {
      if (key === 'none') return t('consoleStats.none');
      if (dim === 'country') return countryName(key, locale);
      if (dim === 'sector') return sectorLabel.has(key) ? `${key} · ${sectorLabel.get(key)}` : key;
      return groupName.get(key) ?? key;
    };
  }, [sectors.data, setup.data, locale, t]);

  const timezone = setup.data?.forumEdition.timezone ?? 'UTC';
  const roundLabel = useMemo(() => {
    const f = new Intl.DateTimeFormat(intlLocaleOf(locale), {
      timeZone: timezone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return (r: RoundUtilisation) => f.format(new Date(r.startsAt));
  }, [locale, timezone]);

  const groupColumns = useMemo(
    () =>
      (dim: Dimension): StatsColumn<EditionStatsRow>[] => [
        {
          id: 'key',
          label: t(`consoleStats.dim.${dim}` as MessageKey),
          cell: (r) => <bdi>{labelOf(dim, r.key)}</bdi>,
          csv: (r) => labelOf(dim, r.key),
        },
        {
          id: 'code',
          label: t('consoleStats.col.code'),
          cell: (r) => <span dir="ltr">{r.key}</span>,
          csv: (r) => r.key,
        },
        ...COUNTS.map((k) => ({
          id: k,
          label: t(`consoleStats.col.${k}` as MessageKey),
          cell: (r: EditionStatsRow) => number(r[k]),
          csv: (r: EditionStatsRow) => r[k],
          numeric: true,
        })),
        {
          id: 'acceptanceRate',
          label: t('consoleStats.col.acceptanceRate'),
          cell: (r) => percent(r.acceptanceRate),
          csv: (r) => csvRate(r.acceptanceRate),
          numeric: true,
        },
        ...MEETINGS.map((k) => ({
          id: k,
          label: t(`consoleStats.col.${k}` as MessageKey),
          cell: (r: EditionStatsRow) => number(r[k]),
          csv: (r: EditionStatsRow) => r[k],
          numeric: true,
        })),
      ],
    [t, labelOf, intl],
  );

  const roundColumns = useMemo<StatsColumn<RoundUtilisation>[]>(
    () => [
      { id: 'position', label: t('consoleStats.col.round'), cell: (r) => r.position, csv: (r) => r.position },
      {
        id: 'startsAt',
        label: t('consoleStats.col.startsAt'),
        cell: (r) => roundLabel(r),
        csv: (r) => roundLabel(r),
      },
      {
        id: 'meetings',
        label: t('consoleStats.col.meetings'),
        cell: (r) => number(r.meetings),
        csv: (r) => r.meetings,
        numeric: true,
      },
      {
        id: 'tablesUsed',
        label: t('consoleStats.col.tablesUsed'),
        cell: (r) => number(r.tablesUsed),
        csv: (r) => r.tablesUsed,
        numeric: true,
      },
      {
        id: 'tablesAvailable',
        label: t('consoleStats.col.tablesAvailable'),
        cell: (r) => number(r.tablesAvailable),
        csv: (r) => r.tablesAvailable,
        numeric: true,
      },
      {
        id: 'utilisation',
        label: t('consoleStats.col.utilisation'),
        cell: (r) => percent(r.utilisation),
        csv: (r) => csvRate(r.utilisation),
        numeric: true,
      },
    ],
    [t, roundLabel, intl],
  );

  if (stats.isPending || setup.isPending) return <Loader role="status" aria-label={t('console.loading')} />;
  if (stats.error) return <Alert color="red">{forumError(intl, toApiError(stats.error))}</Alert>;
  if (setup.error) return <Alert color="red">{forumError(intl, toApiError(setup.error))}</Alert>;
  const s = stats.data.editionStatistics;
  const totals = s.totals;
  const figures: { id: string; value: string }[] = [
    { id: 'delegates', value: number(totals.delegates) },
    { id: 'requestsSent', value: number(totals.requestsSent) },
    { id: 'accepted', value: number(totals.accepted) },
    { id: 'declined', value: number(totals.declined) },
    { id: 'pending', value: number(totals.pending) },
    { id: 'expired', value: number(totals.expired) },
    { id: 'acceptanceRate', value: percent(totals.acceptanceRate) },
    { id: 'meetingsScheduled', value: number(totals.meetingsScheduled) },
    { id: 'meetingsHeld', value: number(totals.meetingsHeld) },
    { id: 'noShows', value: number(totals.noShows) },
  ];
  const series = (keys: readonly string[], colors: string[]) =>
    keys.map((k, i) => ({ name: k, label: t(`consoleStats.col.${k}` as MessageKey), color: colors[i] }));

  return (
    <Stack gap="lg" className="console-forum console-stats">
      <BackToEdition editionId={editionId} />
      <div>
        <Title order={1}>{t('consoleStats.title')}</Title>
        <Text c="dimmed">
          <bdi>{pickText(setup.data.forumEdition.name, locale)}</bdi> · {t('consoleStats.live')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="stats-totals">
        {figures.map((f) => (
          <Paper key={f.id} withBorder p="sm" data-testid={`total-${f.id}`}>
            <Text size="xs" c="dimmed">
              {t(`consoleStats.col.${f.id}` as MessageKey)}
            </Text>
            <Text fw={700} size="xl" className="stats-number">
              {f.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {DIMENSIONS.map(({ dim, field }) => {
        const rows = s[field];
        const data = rows.map((r) => ({ ...r, label: labelOf(dim, r.key) }));
        return (
          <StatsSection
            key={dim}
            id={`stats-${dim}`}
            title={t(`consoleStats.by.${dim}` as MessageKey)}
            file={`statistics-${dim}.csv`}
            columns={groupColumns(dim)}
            rows={rows}
            rowKey={(r) => r.key}
          >
            {rows.length === 0 ? (
              <Text c="dimmed">{t('consoleStats.empty')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <div>
                  <Text size="sm" fw={500}>
                    {t('consoleStats.chart.requests')}
                  </Text>
                  <BarChart
                    h={220}
                    data={data}
                    dataKey="label"
                    {...countAxes(rtl)}
                    type="stacked"
                    withLegend
                    series={series(
                      ['accepted', 'declined', 'pending', 'expired'],
                      ['teal.6', 'red.6', 'yellow.6', 'gray.5'],
                    )}
                  />
                </div>
                <div>
                  <Text size="sm" fw={500}>
                    {t('consoleStats.chart.meetings')}
                  </Text>
                  <BarChart
                    h={220}
                    data={data}
                    dataKey="label"
                    {...countAxes(rtl)}
                    withLegend
                    series={series(MEETINGS, ['blue.6', 'teal.6', 'orange.6'])}
                  />
                </div>
              </SimpleGrid>
            )}
          </StatsSection>
        );
      })}
      <StatsSection
        id="stats-rounds"
        title={t('consoleStats.by.round')}
        file="statistics-rounds.csv"
        columns={roundColumns}
        rows={s.rounds}
        rowKey={(r) => r.slotId}
      >
        {s.rounds.length > 0 && (
          <BarChart
            h={220}
            data={s.rounds.map((r) => ({
              label: roundLabel(r),
              utilisation: r.utilisation === null ? 0 : Math.round(r.utilisation * 1000) / 10,
            }))}
            dataKey="label"
            unit="%"
            {...countAxes(rtl, 100)}
            series={[{ name: 'utilisation', label: t('consoleStats.col.utilisation'), color: 'violet.6' }]}
          />
        )}
      </StatsSection>
    </Stack>
  );
}
