import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Radio,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../../api/client';
import {
  BOOK_WALK_IN,
  CHECK_IN,
  CHECK_IN_BADGE,
  deskDelegates,
  FREE_SLOTS,
  MARK_NO_SHOW,
  type DeskDelegate,
} from '../../../../api/consoleDesk';
import {
  EDITION_MEETINGS,
  EDITION_SETUP,
  type EditionSetup,
  type GridMeeting,
} from '../../../../api/consoleForum';
import { pickText } from '../../../../components/text';
import { useLocale, useT } from '../../../../i18n/LocaleProvider';
import { forumError } from '../forumErrors';
import { deskError } from './deskErrors';
import { slotFormat } from './format';
import { currentRound, tableSheets } from './printData';
import { Scanner } from './Scanner';
import { useDeskLive } from './deskLive';
import './desk.css';

const route = getRouteApi('/console/forum/$editionId/desk');
/** How often the arrivals are read again, and the board while its live connection is down. */
const POLL_MS = 15_000;
/** How often the board looks at the clock for the round on now. */
const TICK_MS = 30_000;
/** The same badge seen again within this time is the same scan. */
const SAME_SCAN_MS = 8_000;

const keys = {
  delegates: (id: string) => ['consoleDesk', 'delegates', id] as const,
  meetings: (id: string) => ['consoleDesk', 'published', id] as const,
};

/** /console/forum/$editionId/desk: check-in (camera or by hand), the live board with no-shows, walk-ins. */
export function DeskPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { editionId } = route.useParams();
  const setup = useQuery({
    queryKey: ['consoleForum', 'setup', editionId],
    queryFn: () => call(EDITION_SETUP, { id: editionId }),
  });
  const delegates = useQuery({
    queryKey: keys.delegates(editionId),
    queryFn: () => deskDelegates(editionId),
    refetchInterval: POLL_MS,
  });
  const failed = setup.error ?? delegates.error;
  if (failed) return <Alert color="red">{forumError(intl, toApiError(failed))}</Alert>;
  if (!setup.data || !delegates.data) return <Loader role="status" aria-label={t('console.loading')} />;
  const registered = delegates.data.forumDelegates.filter((d) => d.status === 'REGISTERED');
  const arrived = registered.filter((d) => d.checkedInAt).length;

  return (
    <Stack gap="md" className="desk-page">
      <Anchor
        renderRoot={(props) => (
          <Link to="/console/forum/$editionId" params={{ editionId }} search={{ tab: 'setup' }} {...props} />
        )}
      >
        {t('consoleDesk.backToEdition')}
      </Anchor>
      <div>
        <Title order={1}>{t('consoleDesk.title')}</Title>
        <Text>
          <bdi>{pickText(setup.data.forumEdition.name, locale)}</bdi>
        </Text>
        <Text data-testid="desk-arrivals">
          {t('consoleDesk.arrivals', { arrived, total: registered.length })}
        </Text>
      </div>
      <Tabs defaultValue="checkin" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="checkin">{t('consoleDesk.tab.checkin')}</Tabs.Tab>
          <Tabs.Tab value="board">{t('consoleDesk.tab.board')}</Tabs.Tab>
          <Tabs.Tab value="walkin">{t('consoleDesk.tab.walkin')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="checkin" pt="md">
          <CheckInPanel editionId={editionId} setup={setup.data} delegates={registered} />
        </Tabs.Panel>
        <Tabs.Panel value="board" pt="md">
          <BoardPanel setup={setup.data} delegates={registered} />
        </Tabs.Panel>
        <Tabs.Panel value="walkin" pt="md">
          <WalkInPanel setup={setup.data} delegates={registered} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

interface Arrival {
  name: string;
  organization: string | null;
  checkedInAt: string | null;
  already: boolean;
}

function CheckInPanel({
  editionId,
  setup,
  delegates,
}: {
  editionId: string;
  setup: EditionSetup;
  delegates: DeskDelegate[];
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const client = useQueryClient();
  const f = slotFormat(locale, setup.forumEdition.timezone);
  const [last, setLast] = useState<Arrival | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const seen = useRef<{ code: string; at: number } | null>(null);
  const done = (a: Arrival) => {
    setLast(a);
    setProblem(null);
    void client.invalidateQueries({ queryKey: keys.delegates(editionId) });
  };
  const fail = (e: unknown) => {
    setLast(null);
    setProblem(deskError(intl, toApiError(e)));
  };
  const byBadge = useMutation({
    mutationFn: (code: string) => call(CHECK_IN_BADGE, { editionId, code }),
    onSuccess: ({ checkInBadge: { badge, alreadyCheckedIn } }) =>
      done({
        name: badge.delegateName,
        organization: pickText(badge.organizationName, locale),
        checkedInAt: badge.checkedInAt,
        already: alreadyCheckedIn,
      }),
    onError: fail,
  });
  const byHand = useMutation({
    mutationFn: (d: DeskDelegate) => call(CHECK_IN, { delegateId: d.id }),
    onSuccess: ({ checkIn }, d) =>
      done({
        name: checkIn.name,
        organization: null,
        checkedInAt: checkIn.checkedInAt,
        already: !!d.checkedInAt,
      }),
    onError: fail,
  });
  const scanned = (code: string) => {
    const now = Date.now();
    if (byBadge.isPending || (seen.current?.code === code && now - seen.current.at < SAME_SCAN_MS)) return;
    seen.current = { code, at: now };
    byBadge.mutate(code);
  };
  const query = text.trim().toLocaleLowerCase();
  const matches =
    query.length >= 2 && !query.startsWith('tb1.')
      ? delegates.filter((d) => d.name.toLocaleLowerCase().includes(query)).slice(0, 8)
      : [];

  return (
    <Stack gap="md">
      <Scanner onCode={scanned} />
      <div role="status" aria-live="polite" data-testid="checkin-result">
        {last && (
          <Alert color={last.already ? 'yellow' : 'teal'} title={<bdi>{last.name}</bdi>}>
            {last.organization && (
              <Text>
                <bdi>{last.organization}</bdi>
              </Text>
            )}
            <Text>
              {t(last.already ? 'consoleDesk.already' : 'consoleDesk.checkedIn', {
                time: last.checkedInAt ? f.time(last.checkedInAt) : '',
              })}
            </Text>
          </Alert>
        )}
        {problem && <Alert color="red">{problem}</Alert>}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim().toUpperCase().startsWith('TB1.')) byBadge.mutate(text.trim());
          else if (matches.length === 1) byHand.mutate(matches[0]);
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('consoleDesk.manual.label')}
            description={t('consoleDesk.manual.help')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="light" loading={byBadge.isPending || byHand.isPending}>
            {t('consoleDesk.manual.submit')}
          </Button>
        </Stack>
      </form>
      {matches.length > 0 && (
        <Stack gap="xs" component="ul" className="desk-list">
          {matches.map((d) => (
            <Group key={d.id} component="li" justify="space-between" wrap="nowrap">
              <Text>
                <bdi>{d.name}</bdi>
              </Text>
              {d.checkedInAt ? (
                <Badge color="teal" variant="light">
                  {t('consoleDesk.arrivedAt', { time: f.time(d.checkedInAt) })}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  onClick={() => byHand.mutate(d)}
                  aria-label={t('consoleDesk.checkInName', { name: d.name })}
                >
                  {t('consoleDesk.checkIn')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function BoardPanel({ setup, delegates }: { setup: EditionSetup; delegates: DeskDelegate[] }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const client = useQueryClient();
  const editionId = setup.forumEdition.id;
  const f = slotFormat(locale, setup.forumEdition.timezone);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const [picked, setPicked] = useState<string | null>(null);
  // The delegates of the round shown, followed live; the meetings read again on each event.
  const [followed, setFollowed] = useState<string[]>([]);
  const live = useDeskLive(editionId, followed, () => {
    void client.invalidateQueries({ queryKey: keys.meetings(editionId) });
    void client.invalidateQueries({ queryKey: ['consoleDesk', 'free', editionId] });
  });
  const meetings = useQuery({
    queryKey: keys.meetings(editionId),
    queryFn: () => call(EDITION_MEETINGS, { editionId, view: 'PUBLISHED' }),
    refetchInterval: live ? false : POLL_MS,
  });
  // The clock moves the board on to the next round by itself.
  const round = currentRound(setup.forumSlots, new Date(Math.max(now, meetings.dataUpdatedAt)));
  const shownSlot = picked ?? round?.slot.id ?? null;
  const seated = useMemo(
    () =>
      (meetings.data?.editionMeetings ?? [])
        .filter((m) => m.slotId === shownSlot && m.status !== 'CANCELLED')
        .flatMap((m) => [m.delegateId, m.counterpartDelegateId]),
    [meetings.data, shownSlot],
  );
  useEffect(() => setFollowed(seated), [seated]);
  const [problem, setProblem] = useState<string | null>(null);
  const noShow = useMutation({
    mutationFn: (v: { meetingId: string; absentDelegateId: string }) => call(MARK_NO_SHOW, v),
    onSuccess: () => {
      setProblem(null);
      void client.invalidateQueries({ queryKey: keys.meetings(editionId) });
    },
    onError: (e) => setProblem(deskError(intl, toApiError(e))),
  });
  const [marked, setMarked] = useState<Record<string, string>>({});
  if (meetings.error) return <Alert color="red">{forumError(intl, toApiError(meetings.error))}</Alert>;
  if (!meetings.data) return <Loader role="status" aria-label={t('console.loading')} />;
  if (!round) return <Text>{t('consoleDesk.board.noRounds')}</Text>;
  const rounds = setup.forumSlots
    .filter((s) => !s.isBreak)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const slot = rounds.find((s) => s.id === picked) ?? round.slot;
  const state = slot.id === round.slot.id ? round.state : null;
  const sheets = tableSheets(setup.forumTables, meetings.data.editionMeetings, [slot]);
  const running = sheets.filter((s) => s.rows[0]?.meeting).length;
  const arrivedAt = new Map(delegates.map((d) => [d.id, d.checkedInAt]));

  const side = (m: GridMeeting, who: 'a' | 'b') => {
    const id = who === 'a' ? m.delegateId : m.counterpartDelegateId;
    const name = who === 'a' ? m.delegateName : m.counterpartDelegateName;
    const org = who === 'a' ? m.organizationName : m.counterpartOrganizationName;
    const at = arrivedAt.get(id);
    return (
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          <bdi>{name}</bdi> · <bdi>{org}</bdi>
        </Text>
        <Group gap={6}>
          <Badge color={at ? 'teal' : 'gray'} variant="light">
            {at ? t('consoleDesk.arrivedAt', { time: f.time(at) }) : t('consoleDesk.notArrived')}
          </Badge>
          {marked[m.meetingId] === id ? (
            <Badge color="red" variant="light">
              {t('consoleDesk.board.noShowMarked')}
            </Badge>
          ) : (
            <Button
              size="compact-xs"
              variant="outline"
              color="red"
              aria-label={t('consoleDesk.board.noShowName', { name })}
              onClick={() =>
                noShow.mutate(
                  { meetingId: m.meetingId, absentDelegateId: id },
                  { onSuccess: () => setMarked((x) => ({ ...x, [m.meetingId]: id })) },
                )
              }
            >
              {t('consoleDesk.board.noShow')}
            </Button>
          )}
        </Group>
      </Group>
    );
  };

  return (
    <Stack gap="md">
      <Select
        label={t('consoleDesk.board.round')}
        data={rounds.map((s) => ({
          value: s.id,
          label: `${f.day(s.startsAt)} ${f.range(s.startsAt, s.endsAt)}`,
        }))}
        value={slot.id}
        onChange={setPicked}
        allowDeselect={false}
      />
      <Group gap="xs">
        {state && <Text fw={700}>{t(`consoleDesk.board.state.${state}`)}</Text>}
        <Badge variant="dot" color={live ? 'teal' : 'gray'} data-testid="board-live">
          {live ? t('consoleDesk.board.live') : t('consoleDesk.board.polling')}
        </Badge>
      </Group>
      <Text data-testid="board-summary">
        {t('consoleDesk.board.summary', { running, empty: sheets.length - running })}
      </Text>
      {problem && <Alert color="red">{problem}</Alert>}
      <Stack gap="xs" component="ul" className="desk-list" aria-label={t('consoleDesk.board.tables')}>
        {sheets.map(({ table, rows }) => {
          const m = rows[0]?.meeting ?? null;
          return (
            <Card key={table.id} component="li" withBorder padding="sm" data-testid="board-table">
              <Group justify="space-between" mb={m ? 6 : 0}>
                <Text fw={700}>
                  <bdi>{table.label}</bdi>
                </Text>
                <Badge color={m ? 'teal' : 'gray'}>
                  {m ? t('consoleDesk.board.running') : t('consoleDesk.board.empty')}
                </Badge>
              </Group>
              {m && (
                <Stack gap={4}>
                  {side(m, 'a')}
                  {side(m, 'b')}
                </Stack>
              )}
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}

function WalkInPanel({ setup, delegates }: { setup: EditionSetup; delegates: DeskDelegate[] }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const client = useQueryClient();
  const editionId = setup.forumEdition.id;
  const f = slotFormat(locale, setup.forumEdition.timezone);
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const options = delegates
    .map((d) => ({ value: d.id, label: d.name }))
    .sort((x, y) => x.label.localeCompare(y.label, locale));
  const free = useQuery({
    queryKey: ['consoleDesk', 'free', editionId, a, b],
    queryFn: () => call(FREE_SLOTS, { editionId, delegateId: a!, withDelegateId: b! }),
    enabled: !!a && !!b && a !== b,
  });
  const book = useMutation({
    mutationFn: () =>
      call(BOOK_WALK_IN, { input: { editionId, fromDelegateId: a!, toDelegateId: b!, slotId: slotId! } }),
    onSuccess: () => {
      setSlotId(null);
      void client.invalidateQueries({ queryKey: keys.meetings(editionId) });
      void free.refetch();
    },
  });
  const booked = book.data?.bookWalkIn.meeting;
  const bookedSlot = booked && setup.forumSlots.find((s) => s.id === booked.slotId);
  const bookedTable = booked && setup.forumTables.find((x) => x.id === booked.tableId);
  const name = (id: string | null) => delegates.find((d) => d.id === id)?.name ?? '';

  return (
    <Stack gap="md">
      <Select
        label={t('consoleDesk.walkin.first')}
        data={options}
        value={a}
        onChange={(v) => {
          setA(v);
          setSlotId(null);
          book.reset();
        }}
        searchable
        nothingFoundMessage={t('consolePrint.nothingFound')}
      />
      <Select
        label={t('consoleDesk.walkin.second')}
        data={options.filter((o) => o.value !== a)}
        value={b}
        onChange={(v) => {
          setB(v);
          setSlotId(null);
          book.reset();
        }}
        searchable
        nothingFoundMessage={t('consolePrint.nothingFound')}
      />
      {free.error && <Alert color="red">{forumError(intl, toApiError(free.error))}</Alert>}
      {free.isFetching && !free.data && <Loader role="status" aria-label={t('console.loading')} />}
      {free.data &&
        (free.data.freeSlots.length ? (
          <Radio.Group label={t('consoleDesk.walkin.slot')} value={slotId} onChange={setSlotId}>
            <Stack gap={6} mt={6}>
              {free.data.freeSlots.map((s) => (
                <Radio
                  key={s.slotId}
                  value={s.slotId}
                  label={`${f.day(s.startsAt)} ${f.range(s.startsAt, s.endsAt)} · ${t('consoleDesk.walkin.freeTables', { count: s.freeTables })}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text>{t('consoleDesk.walkin.noSlot')}</Text>
        ))}
      <Button onClick={() => book.mutate()} disabled={!a || !b || !slotId} loading={book.isPending}>
        {t('consoleDesk.walkin.book')}
      </Button>
      <div role="status" aria-live="polite">
        {book.error && <Alert color="red">{forumError(intl, toApiError(book.error))}</Alert>}
        {booked && bookedSlot && (
          <Alert color="teal" data-testid="walkin-booked">
            {intl.formatMessage(
              { id: 'consoleDesk.walkin.booked' },
              {
                a: <bdi key="a">{name(a)}</bdi>,
                b: <bdi key="b">{name(b)}</bdi>,
                time: f.range(bookedSlot.startsAt, bookedSlot.endsAt),
                table: <bdi key="t">{bookedTable?.label ?? '—'}</bdi>,
              },
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
