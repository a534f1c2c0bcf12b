import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconClock, IconPrinter, IconWifiOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { ApiError, call, toApiError } from '../api/client';
import {
  AGENDA_FEED_URL,
  FORUM_EDITIONS,
  MY_AGENDA,
  ORGANIZATION_AGENDA,
  type AgendaMeeting,
} from '../api/operations';
import {
  DELEGATE_BADGE,
  delegatesOf,
  MY_FORUM_ORGANIZATIONS,
  REPORT_OUTCOME,
  type ForumBadge,
  type MeetingOutcome,
} from '../api/forum';
import { useSession } from '../auth/session';
import { errorMessage, pickText } from '../components/text';
import {
  byDay,
  dayTitle,
  lastAgendaEdition,
  loadAgenda,
  saveAgenda,
  timeOf,
  zoneName,
  type StoredAgenda,
} from '../forum/agendaStore';
import { flushOutcomes, loadOutcomes, outcomeOf, queueOutcome } from '../forum/outcomeQueue';
import { OutcomeReport } from './forum/OutcomeReport';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { intlLocaleOf } from '../i18n/locale';

const route = getRouteApi('/agenda/$edition');
// The QR code library loads with the badge only (the service worker precaches it for offline use).
const BadgeCard = lazy(() => import('./forum/BadgeCard').then((m) => ({ default: m.BadgeCard })));

/** /agenda: the newest published edition's agenda (offline: the one loaded last). */
export function AgendaIndexPage() {
  const t = useT();
  const navigate = useNavigate();
  const editions = useQuery({
    queryKey: ['agendaEdition'],
    queryFn: async () => {
      const published = (await call(FORUM_EDITIONS)).forumEditions.filter((e) => e.publishedAt);
      return { published, mine: await firstWithDelegate(published.map((e) => e.id)) };
    },
  });
  // The newest published edition where one of the user's organisations has a delegate, else the
  // newest published one (a member who is no delegate still reads how the forum runs).
  const target =
    editions.data?.mine ??
    editions.data?.published[0]?.id ??
    (editions.data ? undefined : (lastAgendaEdition() ?? undefined));
  useEffect(() => {
    if (target) void navigate({ to: '/agenda/$edition', params: { edition: target }, replace: true });
  }, [target, navigate]);
  if (editions.data && !target) return <Alert color="gray">{t('agenda.noEdition')}</Alert>;
  return <Loader role="status" aria-label={t('agenda.loading')} />;
}

/** The first of these editions (newest first) where one of the user's organisations registered a delegate. */
async function firstWithDelegate(editionIds: string[]): Promise<string | undefined> {
  if (!editionIds.length) return undefined;
  try {
    const { myOrganizations } = await call(MY_FORUM_ORGANIZATIONS);
    for (const editionId of editionIds) {
      const delegates = await Promise.all(myOrganizations.map((o) => delegatesOf(editionId, o.id)));
      if (delegates.flat().some((d) => d.status === 'REGISTERED')) return editionId;
    }
  } catch {
    // Signed out, or the lists cannot be read: the newest published edition is shown instead.
  }
  return undefined;
}

/** The agenda without badges, and the delegates whose badges the page shows beside it. */
interface LoadedAgenda {
  agenda: Omit<StoredAgenda, 'badges'>;
  badgeDelegateIds: string[];
}

/**
 * The signed-in user's meetings of one edition, in two round trips after the session: the edition,
 * the user and their organisations in one query, then each organisation's agenda and delegates
 * together. The badges are a request of their own after it (`fetchBadges`), so the meetings show
 * without waiting for them.
 */
async function fetchAgenda(editionId: string): Promise<LoadedAgenda> {
  const { me, forumEdition, myOrganizations } = await call(MY_AGENDA, { editionId });
  if (!me) throw new ApiError('UNAUTHENTICATED', 'signed out');
  const [agendas, registered] = await Promise.all([
    Promise.all(myOrganizations.map((o) => call(ORGANIZATION_AGENDA, { editionId, organizationId: o.id }))),
    Promise.all(myOrganizations.map((o) => delegatesOf(editionId, o.id))),
  ]);
  const delegates = registered.flat().filter((d) => d.status === 'REGISTERED');
  const seen = new Set<string>();
  const meetings = agendas
    .flatMap((a) => a.organizationAgenda)
    .filter((m) => m.status !== 'CANCELLED' && !seen.has(m.meetingId) && !!seen.add(m.meetingId));
  // A delegate sees their own badge; a member who is no delegate, those of the organisation's
  // delegates who have meetings (else of all its delegates), at most ten.
  const own = delegates.filter((d) => d.userId === me.id);
  const meeting = delegates.filter((d) => meetings.some((m) => m.delegateId === d.id));
  return {
    agenda: {
      userId: me.id,
      savedAt: new Date().toISOString(),
      edition: forumEdition,
      organizations: myOrganizations,
      meetings,
    },
    badgeDelegateIds: (own.length ? own : meeting.length ? meeting : delegates).slice(0, 10).map((d) => d.id),
  };
}

const fetchBadges = (delegateIds: string[]): Promise<ForumBadge[]> =>
  Promise.all(
    delegateIds.map(async (delegateId) => (await call(DELEGATE_BADGE, { delegateId })).delegateBadge),
  );

/** One delegate's private calendar feed: asked for on demand, since a new one replaces the old. */
function CalendarFeed({ delegateId, name, named }: { delegateId: string; name: string; named: boolean }) {
  const t = useT();
  const intl = useIntl();
  const feed = useMutation({
    mutationFn: async () => (await call(AGENDA_FEED_URL, { delegateId })).agendaFeedUrl.url,
  });
  return (
    <Stack gap={4}>
      {named && (
        <Text size="sm" fw={600}>
          <bdi>{name}</bdi>
        </Text>
      )}
      {feed.data ? (
        <>
          <Button
            component="a"
            href={feed.data.replace(/^https?:/, 'webcal:')}
            leftSection={<IconCalendarPlus size={18} aria-hidden />}
            variant="light"
          >
            {t('agenda.openCalendar')}
          </Button>
          <Text size="sm">{t('agenda.feedHint')}</Text>
          <Text size="xs" dir="ltr" className="feed-url" data-testid="feed-url">
            {feed.data}
          </Text>
        </>
      ) : (
        <Button
          onClick={() => feed.mutate()}
          loading={feed.isPending}
          leftSection={<IconCalendarPlus size={18} aria-hidden />}
          variant="light"
        >
          {t('agenda.addToCalendar')}
        </Button>
      )}
      {feed.error && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(intl, toApiError(feed.error))}
        </Text>
      )}
    </Stack>
  );
}

/** A signed-in delegate's published meetings of one edition, by day, in the venue's time zone. */
export function AgendaPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { edition } = route.useParams();
  const { me, signedIn, resuming, offline } = useSession();
  const [stored] = useState(() => loadAgenda(edition));
  const [outcomes, setOutcomes] = useState(() => loadOutcomes());
  // Outcome reports wait in localStorage and are sent once signed in with the api in reach.
  const flush = useCallback(async () => {
    if (!me) return;
    setOutcomes(
      await flushOutcomes(
        me.id,
        async (r) => {
          await call(REPORT_OUTCOME, {
            meetingId: r.meetingId,
            organizationId: r.organizationId,
            outcome: r.outcome,
            note: r.note,
          });
        },
        (e) => toApiError(e).code,
      ),
    );
  }, [me]);
  useEffect(() => {
    void flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [flush]);
  // Started as soon as the session has an access token, beside the `me` query.
  const agenda = useQuery({
    queryKey: ['agenda', edition, signedIn],
    queryFn: () => fetchAgenda(edition),
    enabled: signedIn,
  });
  const badgeDelegateIds = agenda.data?.badgeDelegateIds;
  const badges = useQuery({
    queryKey: ['agendaBadges', edition, badgeDelegateIds],
    queryFn: () => fetchBadges(badgeDelegateIds!),
    enabled: !!badgeDelegateIds,
  });
  // Stored for offline use when the meetings come, and again with the badges (until then, the
  // badges stored last for the same user are kept).
  useEffect(() => {
    if (!agenda.data) return;
    const { agenda: loaded } = agenda.data;
    const before = loadAgenda(loaded.edition.id);
    saveAgenda({
      ...loaded,
      badges: badges.data ?? (before?.userId === loaded.userId ? before.badges : undefined),
    });
  }, [agenda.data, badges.data]);

  // The copy loaded last when the api is out of reach: the signed-in user's own, or, with no
  // session because the network is down, the one this browser stored (erased at sign-out).
  const unreachable = offline || globalThis.navigator?.onLine === false;
  const fromStore = !agenda.data && stored && (me ? stored.userId === me.id : unreachable) ? stored : null;
  const loaded = agenda.data?.agenda;
  // While the badges load, the ones stored last for the same user.
  const data = loaded
    ? { ...loaded, badges: badges.data ?? (stored?.userId === loaded.userId ? stored.badges : undefined) }
    : fromStore;

  if (!data) {
    if (resuming || (agenda.isPending && signedIn))
      return <Loader role="status" aria-label={t('agenda.loading')} />;
    if (!signedIn)
      return (
        <Stack>
          <Title order={1}>{t('agenda.title')}</Title>
          <Alert color="gray">{t('agenda.signIn')}</Alert>
          <Link to="/signin" search={{ next: `/agenda/${edition}` }} className="button-link">
            {t('nav.signIn')}
          </Link>
        </Stack>
      );
    return (
      <Alert color="red" role="alert">
        {agenda.error ? errorMessage(intl, toApiError(agenda.error)) : t('agenda.error')}
      </Alert>
    );
  }

  const zone = data.edition.timezone;
  const intlLocale = intlLocaleOf(locale);
  const userId = me?.id ?? data.userId;
  const now = Date.now();
  const report = (m: AgendaMeeting, outcome: MeetingOutcome, note: string | null) => {
    const organizationId = m.organizationId ?? data.organizations[0]?.id;
    if (!organizationId) return;
    setOutcomes(queueOutcome({ userId, meetingId: m.meetingId, organizationId, outcome, note }));
    void flush();
  };
  const days = byDay(data.meetings, zone);
  const delegates = [...new Map(data.meetings.map((m) => [m.delegateId, m.delegateName])).entries()];
  const manyDelegates = delegates.length > 1;

  return (
    <Stack gap="md" className="agenda">
      <div>
        <Title order={1}>{t('agenda.title')}</Title>
        <Text fw={600}>
          <bdi>{pickText(data.edition.name, locale)}</bdi>
        </Text>
        {data.edition.venue && (
          <Text size="sm" c="dimmed">
            <bdi>{data.edition.venue}</bdi>
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('agenda.venueTime')}{' '}
          {zoneName(zone, intlLocale, data.meetings[0]?.start ?? `${data.edition.startsOn}T12:00:00Z`)}
        </Text>
      </div>

      {fromStore && (
        <Alert color="yellow" icon={<IconWifiOff size={18} aria-hidden />} data-testid="agenda-offline">
          {t('agenda.offline', {
            date: `${dayTitle(fromStore.savedAt, intlLocale, zone)} ${timeOf(fromStore.savedAt, intlLocale, zone)}`,
          })}
        </Alert>
      )}

      <Group gap="xs" className="no-print">
        <Button
          variant="default"
          leftSection={<IconPrinter size={18} aria-hidden />}
          onClick={() => window.print()}
        >
          {t('agenda.print')}
        </Button>
      </Group>

      {days.length === 0 && <Alert color="gray">{t('agenda.empty')}</Alert>}

      {days.map(([day, meetings]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <Title order={2} size="h3" id={`day-${day}`} mb="xs">
            {dayTitle(meetings[0].start, intlLocale, zone)}
          </Title>
          <ol className="agenda-list">
            {meetings.map((m) => (
              <li key={m.meetingId}>
                <Card
                  withBorder
                  padding="sm"
                  className="meeting"
                  data-testid="meeting"
                  data-meeting={m.meetingId}
                >
                  <Group gap="md" wrap="nowrap" align="flex-start">
                    <Text fw={700} className="meeting-time" dir="ltr">
                      <IconClock size={16} aria-hidden />{' '}
                      <time dateTime={m.start}>{timeOf(m.start, intlLocale, zone)}</time>
                      {'–'}
                      <time dateTime={m.end}>{timeOf(m.end, intlLocale, zone)}</time>
                    </Text>
                    <Text size="sm" className="meeting-table">
                      {t('agenda.table')}{' '}
                      {m.tableLabel ? (
                        <span dir="ltr" className="table-label">
                          {m.tableLabel}
                        </span>
                      ) : (
                        t('agenda.noTable')
                      )}
                    </Text>
                  </Group>
                  <Text fw={600} mt={4}>
                    <bdi>{m.counterpartDelegateName}</bdi>
                  </Text>
                  <Text size="sm">
                    <bdi>{m.counterpartOrganizationName}</bdi>
                  </Text>
                  {manyDelegates && (
                    <Text size="xs" c="dimmed">
                      {t('agenda.yourDelegate')} <bdi>{m.delegateName}</bdi>
                    </Text>
                  )}
                  {new Date(m.start).getTime() <= now && (
                    <OutcomeReport
                      meetingId={m.meetingId}
                      queued={outcomeOf(outcomes, userId, m.meetingId)}
                      onReport={(outcome, note) => report(m, outcome, note)}
                    />
                  )}
                </Card>
              </li>
            ))}
          </ol>
        </section>
      ))}

      {!!data.badges?.length && (
        <section aria-labelledby="agenda-badge" className="no-print">
          <Title order={2} size="h3" id="agenda-badge" mb="xs">
            {t('forum.badge.title')}
          </Title>
          <Text size="sm" mb="xs">
            {t('forum.badge.hint')}
          </Text>
          <Suspense fallback={<Loader role="status" size="sm" aria-label={t('agenda.loading')} />}>
            <Stack gap="sm">
              {data.badges.map((b) => (
                <BadgeCard key={b.delegateId} badge={b} />
              ))}
            </Stack>
          </Suspense>
        </section>
      )}

      {delegates.length > 0 && (
        <section aria-labelledby="agenda-calendar" className="no-print">
          <Title order={2} size="h3" id="agenda-calendar" mb="xs">
            {t('agenda.calendar')}
          </Title>
          <Stack gap="sm">
            {delegates.map(([id, name]) => (
              <CalendarFeed key={id} delegateId={id} name={name} named={manyDelegates} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
