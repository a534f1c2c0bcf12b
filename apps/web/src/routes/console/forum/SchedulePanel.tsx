import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  CANCEL_MEETING,
  EDITION_MEETINGS,
  MOVE_MEETING,
  PIN_MEETING,
  PUBLISH_SCHEDULE,
  SCHEDULE_EDITION,
  SCHEDULE_RUN,
  SCHEDULE_RUNS,
  type EditionSetup,
  type ForumSlot,
  type GridMeeting,
  type ScheduleRun,
} from '../../../api/consoleForum';
import { timeOf } from '../../../forum/agendaStore';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../../i18n/locale';
import { setupKey } from './EditionPage';
import { forumError } from './forumErrors';
import { buildGrid, delegatesToNotify, moveWarning } from './grid';
import { useRunProgress } from './runProgress';
import { ScheduleChanges } from './ScheduleChanges';
import { byLabel } from './SetupPanel';

const FINISHED = new Set(['DONE', 'FAILED']);
export const TABLES_PER_PAGE = 8;
const meetingsKey = (editionId: string, view: 'DRAFT' | 'PUBLISHED') =>
  ['consoleForum', 'meetings', editionId, view] as const;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function RunSection({
  setup,
  run,
  onStarted,
}: {
  setup: EditionSetup;
  run: ScheduleRun | null;
  onStarted: (r: ScheduleRun) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const [limit, setLimit] = useState('30');
  const [allowMoves, setAllowMoves] = useState(false);
  const [problem, setProblem] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      call(SCHEDULE_EDITION, {
        editionId: setup.forumEdition.id,
        timeLimitSeconds: Number(limit),
        allowMoves,
      }),
    onSuccess: ({ scheduleEdition }) => onStarted(scheduleEdition),
  });
  const running = !!run && !FINISHED.has(run.state);
  const { progress, live } = useRunProgress(run?.id ?? null, running);

  return (
    <section aria-labelledby="run-heading">
      <Title order={2} fz="lg" id="run-heading" mb="xs">
        {t('consoleForum.run.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(limit);
          if (!/^\d{1,4}$/.test(limit) || n < 1 || n > 3600) return setProblem(true);
          setProblem(false);
          start.mutate();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            w={170}
            label={t('consoleForum.run.timeLimit')}
            dir="ltr"
            inputMode="numeric"
            value={limit}
            onChange={(e) => setLimit(e.currentTarget.value)}
            error={problem ? t('consoleForum.problem.timeLimit') : undefined}
          />
          <Checkbox
            mb={8}
            label={t('consoleForum.run.allowMoves')}
            checked={allowMoves}
            onChange={(e) => setAllowMoves(e.currentTarget.checked)}
          />
          <Button type="submit" loading={start.isPending} disabled={running}>
            {t('consoleForum.run.start')}
          </Button>
        </Group>
      </form>
      {start.error && (
        <Alert color="red" role="alert" mt="xs">
          {forumError(intl, toApiError(start.error))}
        </Alert>
      )}
      {run && (
        <Stack gap={4} mt="sm" data-testid="run-status" aria-live="polite">
          <Group gap="xs">
            <Badge
              variant="light"
              color={run.state === 'FAILED' ? 'red' : run.state === 'DONE' ? 'teal' : 'blue'}
            >
              {t(`consoleForum.run.state.${run.state}`)}
            </Badge>
            {running && live && (
              <Badge variant="dot" color="teal">
                {t('consoleForum.run.live')}
              </Badge>
            )}
          </Group>
          {running && (
            <>
              <Progress
                value={100 * (progress?.fraction ?? run.progress)}
                aria-label={t('consoleForum.run.progress')}
                animated
              />
              <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="run-progress">
                <Fact label={t('consoleForum.run.phase')} value={progress?.phase ?? run.phase ?? '–'} />
                <Fact label={t('consoleForum.run.bestBreaks')} value={progress?.bestBreaks ?? '–'} />
                <Fact label={t('consoleForum.run.lowerBound')} value={progress?.lowerBound ?? '–'} />
                <Fact
                  label={t('consoleForum.run.elapsed')}
                  value={progress ? `${seconds(progress.elapsedMs)} s` : '–'}
                />
              </SimpleGrid>
            </>
          )}
          {run.state === 'FAILED' && run.reason && (
            <Alert color="red" role="alert">
              <span dir="ltr">{run.reason}</span>
            </Alert>
          )}
        </Stack>
      )}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} dir="ltr" ta="start">
        {value}
      </Text>
    </div>
  );
}

function ResultSection({ run }: { run: ScheduleRun }) {
  const t = useT();
  const s = run.summary;
  if (!s) return null;
  return (
    <section aria-labelledby="result-heading" data-testid="run-result">
      <Title order={2} fz="lg" id="result-heading" mb="xs">
        {t('consoleForum.result.title')}
      </Title>
      <Group gap="xs" mb="xs">
        <Badge color={run.result === 'OPTIMAL' ? 'teal' : run.result === 'INFEASIBLE' ? 'red' : 'yellow'}>
          {t(`consoleForum.result.${run.result ?? 'UNKNOWN'}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t('consoleForum.result.scheduled')} value={`${s.scheduled} / ${s.requests}`} />
        <Fact label={t('consoleForum.result.breaks')} value={s.totalBreaks} />
        <Fact label={t('consoleForum.result.maxBreaks')} value={s.maxBreaks} />
        <Fact label={t('consoleForum.result.lowerBound')} value={s.lowerBound ?? '–'} />
        <Fact label={t('consoleForum.result.tableChanges')} value={s.tableChanges} />
        <Fact label={t('consoleForum.result.moved')} value={s.moved} />
        <Fact label={t('consoleForum.result.time')} value={`${seconds(s.timeMs)} s`} />
      </SimpleGrid>
      {s.unscheduled.length > 0 && (
        <>
          <Title order={3} fz="md" mt="sm">
            {t('consoleForum.result.unscheduled', { count: s.unscheduled.length })}
          </Title>
          <List size="sm">
            {s.unscheduled.slice(0, 50).map((u) => (
              <List.Item key={u.requestId}>
                <span dir="ltr">{u.requestId.slice(0, 8)}</span>: <span dir="ltr">{u.reason}</span>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </section>
  );
}

interface MoveTarget {
  meeting: GridMeeting;
}

function MeetingDialog({
  target,
  setup,
  meetings,
  onClose,
}: {
  target: MoveTarget | null;
  setup: EditionSetup;
  meetings: GridMeeting[];
  onClose: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const m = target?.meeting ?? null;
  const [slotId, setSlotId] = useState<string | null>(m?.slotId ?? null);
  const [tableId, setTableId] = useState<string | null>(m?.tableId ?? null);
  const zone = setup.forumEdition.timezone;
  const slotLabel = (s: ForumSlot) => `${s.day} ${timeOf(s.startsAt, intlLocaleOf(locale), zone)}`;
  const refresh = () =>
    queries.invalidateQueries({ queryKey: ['consoleForum', 'meetings', setup.forumEdition.id] });
  const move = useMutation({
    mutationFn: () => call(MOVE_MEETING, { meetingId: m!.meetingId, slotId: slotId!, tableId }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const pin = useMutation({
    mutationFn: () => call(PIN_MEETING, { meetingId: m!.meetingId, pinned: !m!.pinned }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const cancel = useMutation({
    mutationFn: () => call(CANCEL_MEETING, { meetingId: m!.meetingId }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const error = move.error ?? pin.error ?? cancel.error;
  const warning = m && slotId ? moveWarning(meetings, m, slotId, tableId) : null;
  return (
    <Modal
      opened={!!m}
      onClose={onClose}
      title={t('consoleForum.meeting.title')}
      closeButtonProps={{ 'aria-label': t('console.close') }}
    >
      {m && (
        <Stack gap="sm">
          <Stack gap={2} data-testid="meeting-sides">
            <Text>
              <bdi>{m.delegateName}</bdi> · <bdi>{m.organizationName}</bdi>
            </Text>
            <Text>
              <bdi>{m.counterpartDelegateName}</bdi> · <bdi>{m.counterpartOrganizationName}</bdi>
            </Text>
          </Stack>
          <Select
            label={t('consoleForum.meeting.slot')}
            data={setup.forumSlots
              .filter((s) => !s.isBreak)
              .map((s) => ({ value: s.id, label: slotLabel(s) }))}
            value={slotId}
            onChange={setSlotId}
            allowDeselect={false}
            searchable
          />
          <Select
            label={t('consoleForum.meeting.table')}
            data={setup.forumTables
              .filter((x) => x.active)
              .sort(byLabel)
              .map((x) => ({ value: x.id, label: x.label }))}
            value={tableId}
            onChange={setTableId}
            clearable
            searchable
            placeholder={t('consoleForum.meeting.anyTable')}
          />
          {warning && (
            <Alert color="yellow" data-testid="move-warning">
              {t(`consoleForum.meeting.warning.${warning}`)}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert" data-testid="meeting-error">
              {forumError(intl, toApiError(error))}
            </Alert>
          )}
          <Group gap="xs">
            <Button
              onClick={() => move.mutate()}
              loading={move.isPending}
              disabled={!slotId || (slotId === m.slotId && tableId === m.tableId)}
            >
              {t('consoleForum.meeting.move')}
            </Button>
            <Button variant="light" onClick={() => pin.mutate()} loading={pin.isPending}>
              {t(m.pinned ? 'consoleForum.meeting.unpin' : 'consoleForum.meeting.pin')}
            </Button>
            <Button variant="light" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('consoleForum.meeting.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function GridSection({
  setup,
  draft,
  published,
}: {
  setup: EditionSetup;
  draft: GridMeeting[];
  published: GridMeeting[];
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const zone = setup.forumEdition.timezone;
  const days = [...new Set(setup.forumSlots.map((s) => s.day))].sort();
  const [day, setDay] = useState(days[0] ?? '');
  const tables = useMemo(() => setup.forumTables.filter((x) => x.active).sort(byLabel), [setup.forumTables]);
  const pages = Math.max(1, Math.ceil(tables.length / TABLES_PER_PAGE));
  const [tablePage, setTablePage] = useState(0);
  const shown = tables.slice(tablePage * TABLES_PER_PAGE, (tablePage + 1) * TABLES_PER_PAGE);
  const grid = useMemo(
    () =>
      buildGrid(
        setup.forumSlots.filter((s) => s.day === day),
        shown,
        draft,
      ),
    [setup.forumSlots, day, shown, draft],
  );
  const publishedAt = useMemo(
    () => new Map(published.map((m) => [m.meetingId, `${m.slotId} ${m.tableId}`])),
    [published],
  );
  const [target, setTarget] = useState<MoveTarget | null>(null);
  const [dragged, setDragged] = useState<GridMeeting | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const drop = useMutation({
    mutationFn: (v: { meeting: GridMeeting; slotId: string; tableId: string }) =>
      call(MOVE_MEETING, { meetingId: v.meeting.meetingId, slotId: v.slotId, tableId: v.tableId }),
    onSettled: () =>
      queries.invalidateQueries({ queryKey: ['consoleForum', 'meetings', setup.forumEdition.id] }),
  });

  return (
    <section aria-labelledby="grid-heading">
      <Title order={2} fz="lg" id="grid-heading" mb="xs">
        {t('consoleForum.grid.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('consoleForum.grid.help')}
      </Text>
      <Group gap="xs" mb="xs" wrap="wrap">
        {days.length > 1 && (
          <SegmentedControl
            aria-label={t('consoleForum.grid.day')}
            data={days.map((d) => ({ value: d, label: d }))}
            value={day}
            onChange={setDay}
          />
        )}
        {pages > 1 && (
          <Select
            w={200}
            aria-label={t('consoleForum.grid.tables')}
            data={Array.from({ length: pages }, (_, i) => ({
              value: String(i),
              label: `${tables[i * TABLES_PER_PAGE].label} – ${tables[Math.min(tables.length, (i + 1) * TABLES_PER_PAGE) - 1].label}`,
            }))}
            value={String(tablePage)}
            onChange={(v) => setTablePage(Number(v ?? 0))}
            allowDeselect={false}
          />
        )}
      </Group>
      {drop.error && (
        <Alert
          color="red"
          role="alert"
          mb="xs"
          data-testid="grid-error"
          withCloseButton
          onClose={() => drop.reset()}
        >
          {forumError(intl, toApiError(drop.error))}
        </Alert>
      )}
      <div className="table-scroll">
        <table
          className="slot-grid"
          data-testid="slot-grid"
          aria-label={t('consoleForum.grid.caption', { date: day })}
        >
          <thead>
            <tr>
              <th scope="col">{t('consoleForum.grid.slot')}</th>
              {shown.map((x) => (
                <th key={x.id} scope="col" dir="ltr">
                  {x.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map(({ slot, cells }) => (
              <tr key={slot.id}>
                <th scope="row">
                  <time dateTime={slot.startsAt}>{timeOf(slot.startsAt, intlLocaleOf(locale), zone)}</time>
                </th>
                {cells.map((m, i) => {
                  const key = `${slot.id} ${shown[i].id}`;
                  return (
                    <td
                      key={key}
                      className={over === key ? 'drop-target' : undefined}
                      onDragOver={(e) => {
                        if (!dragged) return;
                        e.preventDefault();
                        setOver(key);
                      }}
                      onDragLeave={() => setOver((o) => (o === key ? null : o))}
                      onDrop={(e) => {
                        e.preventDefault();
                        setOver(null);
                        if (dragged) drop.mutate({ meeting: dragged, slotId: slot.id, tableId: shown[i].id });
                        setDragged(null);
                      }}
                    >
                      {m && (
                        <button
                          type="button"
                          draggable
                          data-meeting={m.meetingId}
                          className={`grid-meeting${m.pinned ? ' pinned' : ''}${publishedAt.has(m.meetingId) && publishedAt.get(m.meetingId) !== key ? ' moved' : ''}`}
                          onDragStart={(e) => {
                            e.dataTransfer.setData('text/plain', m.meetingId);
                            e.dataTransfer.effectAllowed = 'move';
                            setDragged(m);
                          }}
                          onDragEnd={() => setDragged(null)}
                          onClick={() => setTarget({ meeting: m })}
                          aria-label={t('consoleForum.grid.meetingLabel', {
                            name: `${m.delegateName} – ${m.counterpartDelegateName}`,
                          })}
                        >
                          {m.pinned && <IconPin size={12} aria-hidden />} <bdi>{m.delegateName}</bdi>
                          <br />
                          <bdi>{m.counterpartDelegateName}</bdi>
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MeetingDialog
        key={target?.meeting.meetingId ?? 'none'}
        target={target}
        setup={setup}
        meetings={draft}
        onClose={() => setTarget(null)}
      />
    </section>
  );
}

function PublishSection({
  setup,
  draft,
  published,
}: {
  setup: EditionSetup;
  draft: GridMeeting[];
  published: GridMeeting[];
}) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const notify = useMemo(() => delegatesToNotify(draft, published), [draft, published]);
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const m of [...draft, ...published]) {
      byId.set(m.delegateId, m.delegateName);
      byId.set(m.counterpartDelegateId, m.counterpartDelegateName);
    }
    return [...notify].map((id) => byId.get(id) ?? id).sort();
  }, [notify, draft, published]);
  const publish = useMutation({
    mutationFn: () => call(PUBLISH_SCHEDULE, { editionId: setup.forumEdition.id }),
    onSuccess: async () => {
      setOpen(false);
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['consoleForum', 'meetings', setup.forumEdition.id] }),
        queries.invalidateQueries({ queryKey: setupKey(setup.forumEdition.id) }),
      ]);
    },
  });
  return (
    <section aria-labelledby="publish-heading">
      <Title order={2} fz="lg" id="publish-heading" mb="xs">
        {t('consoleForum.publish.title')}
      </Title>
      <Text size="sm" mb="xs" data-testid="publish-pending">
        {t('consoleForum.publish.pending', { count: notify.size })}
      </Text>
      <Button onClick={() => setOpen(true)} disabled={notify.size === 0}>
        {t('consoleForum.publish.preview')}
      </Button>
      {publish.data && (
        <Alert color="teal" mt="xs" role="status" data-testid="publish-done">
          {t('consoleForum.publish.done', { count: publish.data.publishSchedule.changedMeetings })}
        </Alert>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('consoleForum.publish.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('console.close') }}
      >
        <Stack gap="sm">
          <Text>{t('consoleForum.publish.notified', { count: names.length })}</Text>
          <List
            size="sm"
            data-testid="publish-names"
            tabIndex={0}
            aria-label={t('consoleForum.publish.confirmTitle')}
            style={{ maxBlockSize: 240, overflowY: 'auto' }}
          >
            {names.map((n) => (
              <List.Item key={n}>
                <bdi>{n}</bdi>
              </List.Item>
            ))}
          </List>
          {publish.error && (
            <Alert color="red" role="alert">
              {forumError(intl, toApiError(publish.error))}
            </Alert>
          )}
          <Group gap="xs">
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              {t('consoleForum.publish.confirm')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('console.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  );
}

/** The scheduling tab: a run with its live progress and result, the draft grid, publication. */
export function SchedulePanel({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const editionId = setup.forumEdition.id;
  const [runId, setRunId] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: ['consoleForum', 'runs', editionId],
    queryFn: () => call(SCHEDULE_RUNS, { editionId }),
  });
  const latest = runs.data?.scheduleRuns[0] ?? null;
  const currentId = runId ?? latest?.id ?? null;
  const run = useQuery({
    queryKey: ['consoleForum', 'run', currentId],
    queryFn: async () => {
      const r = (await call(SCHEDULE_RUN, { jobId: currentId! })).scheduleRun;
      if (r.state === 'DONE')
        await queries.invalidateQueries({ queryKey: ['consoleForum', 'meetings', editionId] });
      return r;
    },
    enabled: !!currentId,
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.state) ? false : 1000),
  });
  const draft = useQuery({
    queryKey: meetingsKey(editionId, 'DRAFT'),
    queryFn: () => call(EDITION_MEETINGS, { editionId, view: 'DRAFT' }),
  });
  const published = useQuery({
    queryKey: meetingsKey(editionId, 'PUBLISHED'),
    queryFn: () => call(EDITION_MEETINGS, { editionId, view: 'PUBLISHED' }),
  });
  const current = run.data ?? (latest && latest.id === currentId ? latest : null);

  return (
    <Stack gap="xl">
      <RunSection setup={setup} run={current} onStarted={(r) => setRunId(r.id)} />
      {current?.state === 'DONE' && <ResultSection run={current} />}
      {(draft.error ?? published.error) && (
        <Alert color="red">{forumError(intl, toApiError((draft.error ?? published.error)!))}</Alert>
      )}
      {(draft.isPending || published.isPending) && <Loader role="status" aria-label={t('console.loading')} />}
      {draft.data && published.data && (
        <>
          <GridSection
            setup={setup}
            draft={draft.data.editionMeetings}
            published={published.data.editionMeetings}
          />
          <ScheduleChanges setup={setup} />
          <PublishSection
            setup={setup}
            draft={draft.data.editionMeetings}
            published={published.data.editionMeetings}
          />
        </>
      )}
    </Stack>
  );
}
