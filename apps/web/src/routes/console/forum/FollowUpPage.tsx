import { useMemo, useState } from 'react';
import { Alert, Badge, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import { EDITION_SETUP } from '../../../api/consoleForum';
import { FORUM_SECTORS } from '../../../api/forum';
import {
  FOLLOW_UP_PAGE,
  FOLLOW_UP_REPORT,
  FOLLOW_UP_STAGES,
  type FollowUpGroup,
  type FollowUpMeeting,
  type FollowUpSide,
  type FollowUpStage,
} from '../../../api/consoleStats';
import { countryName, pickText } from '../../../components/text';
import type { MessageKey } from '../../../i18n/catalogues';
import { directionOf, intlLocaleOf } from '../../../i18n/locale';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { setupKey } from './EditionPage';
import { forumError } from './forumErrors';
import { countAxes, STATS_REFRESH_MS, StatsSection, type StatsColumn } from './statsShared';
import { BackToEdition } from './StatsLinks';
import './forum.css';

const route = getRouteApi('/console/forum/$editionId/follow-up');

/** Each stage's tint (light badges with dark text, which keep their contrast on every tint). */
const STAGE_COLOR: Record<FollowUpStage, string> = {
  NOT_REPORTED: 'gray',
  NO_SHOW: 'red',
  HELD: 'blue',
  FOLLOW_UP: 'cyan',
  NEGOTIATION_STARTED: 'orange',
  AGREEMENT_SIGNED: 'green',
  CONTRACT_SIGNED: 'teal',
};

/** /console/forum/$editionId/follow-up: how far each meeting went, as its sides reported, months after the forum. */
export function FollowUpPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const { editionId } = route.useParams();
  const [stage, setStage] = useState<FollowUpStage | null>(null);
  const setup = useQuery({
    queryKey: setupKey(editionId),
    queryFn: () => call(EDITION_SETUP, { id: editionId }),
  });
  const report = useQuery({
    queryKey: ['consoleStats', 'followUp', editionId, stage],
    queryFn: () => call(FOLLOW_UP_REPORT, { editionId, stage, first: FOLLOW_UP_PAGE }),
    refetchInterval: STATS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const sectors = useQuery({
    queryKey: ['forum', 'sectors', locale],
    queryFn: async () => (await call(FORUM_SECTORS, { lang: locale })).sectors,
  });
  const stageLabel = (s: FollowUpStage) => t(`consoleStats.stage.${s}` as MessageKey);
  const number = (x: number) => intl.formatNumber(x);
  const timezone = setup.data?.forumEdition.timezone ?? 'UTC';
  const when = useMemo(() => {
    const f = new Intl.DateTimeFormat(intlLocaleOf(locale), {
      timeZone: timezone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    return (iso: string) => f.format(new Date(iso));
  }, [locale, timezone]);
  const sectorLabel = useMemo(
    () => new Map((sectors.data ?? []).map((s) => [s.code, s.label])),
    [sectors.data],
  );

  const groupColumns = useMemo(
    () =>
      (dim: 'country' | 'sector'): StatsColumn<FollowUpGroup>[] => {
        const label = (key: string) =>
          key === 'none'
            ? t('consoleStats.none')
            : dim === 'country'
              ? countryName(key, locale)
              : sectorLabel.has(key)
                ? `${key} · ${sectorLabel.get(key)}`
                : key;
        return [
          {
            id: 'key',
            label: t(`consoleStats.dim.${dim}`),
            cell: (g) => <bdi>{label(g.key)}</bdi>,
            csv: (g) => label(g.key),
          },
          {
            id: 'code',
            label: t('consoleStats.col.code'),
            cell: (g) => <span dir="ltr">{g.key}</span>,
            csv: (g) => g.key,
          },
          {
            id: 'meetings',
            label: t('consoleStats.col.meetings'),
            cell: (g) => number(g.meetings),
            csv: (g) => g.meetings,
            numeric: true,
          },
          ...FOLLOW_UP_STAGES.map((s) => ({
            id: s,
            label: stageLabel(s),
            cell: (g: FollowUpGroup) => number(g.stages.find((x) => x.stage === s)?.meetings ?? 0),
            csv: (g: FollowUpGroup) => g.stages.find((x) => x.stage === s)?.meetings ?? 0,
            numeric: true,
          })),
        ];
      },
    [t, locale, sectorLabel, intl],
  );

  const meetingColumns = useMemo<StatsColumn<FollowUpMeeting>[]>(() => {
    const side = (i: number) => (m: FollowUpMeeting) => m.sides[i] as FollowUpSide | undefined;
    const sideText = (s: FollowUpSide | undefined) =>
      s ? `${s.delegateName} (${pickText(s.organizationName, locale)})` : '';
    return [
      {
        id: 'startsAt',
        label: t('consoleStats.col.startsAt'),
        cell: (m) => when(m.startsAt),
        csv: (m) => when(m.startsAt),
      },
      {
        id: 'table',
        label: t('consoleStats.col.table'),
        cell: (m) => m.tableLabel ?? '—',
        csv: (m) => m.tableLabel,
      },
      ...[0, 1].flatMap((i) => [
        {
          id: `side${i}`,
          label: t(i === 0 ? 'consoleStats.col.sideA' : 'consoleStats.col.sideB'),
          cell: (m: FollowUpMeeting) => <bdi>{sideText(side(i)(m))}</bdi>,
          csv: (m: FollowUpMeeting) => sideText(side(i)(m)),
        },
        {
          id: `side${i}Stage`,
          label: t(i === 0 ? 'consoleStats.col.sideAStage' : 'consoleStats.col.sideBStage'),
          cell: (m: FollowUpMeeting) => {
            const s = side(i)(m);
            return s ? stageLabel(s.stage) : '';
          },
          csv: (m: FollowUpMeeting) => {
            const s = side(i)(m);
            return s ? stageLabel(s.stage) : '';
          },
        },
      ]),
      {
        id: 'stage',
        label: t('consoleStats.col.stage'),
        cell: (m) => (
          <Badge color={STAGE_COLOR[m.stage]} variant="light" c="dark.8">
            {stageLabel(m.stage)}
          </Badge>
        ),
        csv: (m) => stageLabel(m.stage),
      },
    ];
  }, [t, locale, when]);

  if (report.isPending || setup.isPending) return <Loader role="status" aria-label={t('console.loading')} />;
  if (report.error) return <Alert color="red">{forumError(intl, toApiError(report.error))}</Alert>;
  if (setup.error) return <Alert color="red">{forumError(intl, toApiError(setup.error))}</Alert>;
  const r = report.data.followUpReport;
  const stageRows = r.stages;

  return (
    <Stack gap="lg" className="console-forum console-stats">
      <BackToEdition editionId={editionId} />
      <div>
        <Title order={1}>{t('consoleStats.followUp.title')}</Title>
        <Text c="dimmed">
          <bdi>{pickText(setup.data.forumEdition.name, locale)}</bdi>
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Paper withBorder p="sm" data-testid="followup-meetings">
          <Text size="xs" c="dimmed">
            {t('consoleStats.col.meetings')}
          </Text>
          <Text fw={700} size="xl" className="stats-number">
            {number(r.meetings)}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="followup-dates">
          <Text size="xs" c="dimmed">
            {t('consoleStats.followUp.requestDates')}
          </Text>
          <Text fw={500} dir="ltr" ta="start">
            {r.requestDates.join(' · ')}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="followup-sent">
          <Text size="xs" c="dimmed">
            {t('consoleStats.followUp.requestsSent')}
          </Text>
          <Text fw={700} size="xl" className="stats-number">
            {number(r.requestsSent)}
          </Text>
        </Paper>
      </SimpleGrid>
      <StatsSection
        id="followup-stages"
        title={t('consoleStats.followUp.stages')}
        file="follow-up-stages.csv"
        columns={[
          {
            id: 'stage',
            label: t('consoleStats.col.stage'),
            cell: (s) => stageLabel(s.stage),
            csv: (s) => stageLabel(s.stage),
          },
          {
            id: 'meetings',
            label: t('consoleStats.col.meetings'),
            cell: (s) => number(s.meetings),
            csv: (s) => s.meetings,
            numeric: true,
          },
        ]}
        rows={stageRows}
        rowKey={(s) => s.stage}
      >
        <BarChart
          h={220}
          data={stageRows.map((s) => ({ label: stageLabel(s.stage), meetings: s.meetings }))}
          dataKey="label"
          {...countAxes(rtl)}
          series={[{ name: 'meetings', label: t('consoleStats.col.meetings'), color: 'teal.6' }]}
        />
      </StatsSection>
      {(['country', 'sector'] as const).map((dim) => (
        <StatsSection
          key={dim}
          id={`followup-${dim}`}
          title={t(`consoleStats.by.${dim}`)}
          file={`follow-up-${dim}.csv`}
          columns={groupColumns(dim)}
          rows={dim === 'country' ? r.byCountry : r.bySector}
          rowKey={(g) => g.key}
        />
      ))}
      <Group align="end" wrap="wrap">
        <Select
          label={t('consoleStats.followUp.filter')}
          data={FOLLOW_UP_STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
          value={stage}
          onChange={(v) => setStage(v as FollowUpStage | null)}
          clearable
          placeholder={t('consoleStats.followUp.allStages')}
        />
        <Text size="sm" c="dimmed" role="status">
          {t('consoleStats.followUp.listed', { shown: r.list.length, total: r.listTotal })}
        </Text>
      </Group>
      <StatsSection
        id="followup-meetings-list"
        title={t('consoleStats.followUp.list')}
        file="follow-up-meetings.csv"
        columns={meetingColumns}
        rows={r.list}
        rowKey={(m) => m.meetingId}
      />
    </Stack>
  );
}
