import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconListSearch, IconMessages } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { delegatesOf, FORUM_EDITION_LIST, FORUM_EDITION_PAGE, type ForumSession } from '../../api/forum';
import { useSession } from '../../auth/session';
import { errorMessage, pickText } from '../../components/text';
import { zoneName } from '../../forum/agendaStore';
import { nextStep } from '../../forum/nextStep';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { dateRange, dayLabel, EditionStatus, useMyOrganizations } from './common';
import { DelegatesSection } from './DelegatesSection';

/** /events: the forum editions, newest first. */
export function EventsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editions = useQuery({
    queryKey: ['forum', 'editions'],
    queryFn: async () => (await call(FORUM_EDITION_LIST)).forumEditions,
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('forum.events.title')}</Title>
      {editions.isPending && <Loader role="status" aria-label={t('forum.events.loading')} />}
      {editions.error && (
        <Alert color="red" role="alert">
          {errorMessage(intl, toApiError(editions.error))}
        </Alert>
      )}
      {editions.data?.length === 0 && <Alert color="gray">{t('forum.events.empty')}</Alert>}
      {editions.data?.map((e) => (
        <Card key={e.id} withBorder padding="md" component="article" data-testid="edition">
          <Title order={2} size="h3">
            <Anchor
              renderRoot={(props) => <Link to="/events/$editionId" params={{ editionId: e.id }} {...props} />}
            >
              <bdi>{pickText(e.name, locale)}</bdi>
            </Anchor>
          </Title>
          <Text size="sm">{dateRange(e.startsOn, e.endsOn, intlLocaleOf(locale))}</Text>
          {e.venue && (
            <Text size="sm" c="dimmed">
              <bdi>{e.venue}</bdi>
            </Text>
          )}
          <Group gap={4} mt="xs">
            <EditionStatus status={e.status} published={!!e.publishedAt} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Sessions({ sessions, intlLocale }: { sessions: ForumSession[]; intlLocale: string }) {
  const t = useT();
  const days = [...new Set(sessions.map((s) => s.day))].sort();
  return (
    <Stack gap="xs">
      {days.map((day) => (
        <div key={day}>
          <Text fw={600}>{dayLabel(day, intlLocale)}</Text>
          <ul className="forum-sessions">
            {sessions
              .filter((s) => s.day === day)
              .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
              .map((s) => (
                <li key={s.id}>
                  {t(`forum.session.${s.kind}`)}{' '}
                  <span dir="ltr">
                    {s.startsAt.slice(0, 5)}–{s.endsAt.slice(0, 5)}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </Stack>
  );
}

const route = getRouteApi('/events/$editionId');

/** /events/$editionId: the edition, its days and sessions, where the visitor stands and what to do next. */
export function EditionPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const intlLocale = intlLocaleOf(locale);
  const { editionId } = route.useParams();
  const { me, resuming } = useSession();
  const page = useQuery({
    queryKey: ['forum', 'edition', editionId],
    queryFn: () => call(FORUM_EDITION_PAGE, { editionId }),
  });
  const organizations = useMyOrganizations();
  const delegates = useQuery({
    queryKey: ['forum', 'delegates', editionId, organizations.data?.map((o) => o.id)],
    queryFn: async () =>
      (await Promise.all(organizations.data!.map((o) => delegatesOf(editionId, o.id)))).flat(),
    enabled: !!organizations.data,
  });

  if (page.isPending || resuming) return <Loader role="status" aria-label={t('forum.events.loading')} />;
  if (page.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(intl, toApiError(page.error))}
      </Alert>
    );
  const { forumEdition: edition, forumSessions: sessions, forumSlots: slots } = page.data;
  const registered = (delegates.data ?? []).filter((d) => d.status === 'REGISTERED');
  const step =
    me && (organizations.isPending || delegates.isPending)
      ? null
      : nextStep({
          status: edition.status,
          published: !!edition.publishedAt,
          signedIn: !!me,
          organizations: organizations.data?.length ?? 0,
          delegates: registered.length,
        });
  const takingPart = registered.length > 0;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>
          <bdi>{pickText(edition.name, locale)}</bdi>
        </Title>
        <Text>{dateRange(edition.startsOn, edition.endsOn, intlLocale)}</Text>
        {edition.venue && (
          <Text size="sm" c="dimmed">
            <bdi>{edition.venue}</bdi>
          </Text>
        )}
        <Group gap={4} mt="xs">
          <EditionStatus status={edition.status} published={!!edition.publishedAt} />
        </Group>
      </div>

      <section aria-labelledby="next-step">
        <Card withBorder padding="md" bg="teal.0">
          <Title order={2} size="h3" id="next-step">
            {t('forum.next.title')}
          </Title>
          {step ? (
            <Text mt={4} data-testid="next-step">
              {t(`forum.next.${step}`)}
            </Text>
          ) : (
            <Loader role="status" size="sm" aria-label={t('forum.events.loading')} />
          )}
          {step === 'signIn' && (
            <Button
              renderRoot={(props) => (
                <Link to="/signin" search={{ next: `/events/${editionId}` }} {...props} />
              )}
              mt="sm"
            >
              {t('nav.signIn')}
            </Button>
          )}
          {takingPart && (
            <Group gap="xs" mt="sm">
              <Button
                renderRoot={(props) => (
                  <Link to="/events/$editionId/participants" params={{ editionId }} {...props} />
                )}
                leftSection={<IconListSearch size={18} aria-hidden />}
                variant={step === 'request' ? 'filled' : 'light'}
              >
                {t('forum.links.participants')}
              </Button>
              <Button
                renderRoot={(props) => (
                  <Link to="/events/$editionId/requests" params={{ editionId }} {...props} />
                )}
                leftSection={<IconMessages size={18} aria-hidden />}
                variant="light"
              >
                {t('forum.links.requests')}
              </Button>
              {edition.publishedAt && (
                <Button
                  renderRoot={(props) => (
                    <Link to="/agenda/$edition" params={{ edition: editionId }} {...props} />
                  )}
                  leftSection={<IconCalendarEvent size={18} aria-hidden />}
                  variant={step === 'agenda' ? 'filled' : 'light'}
                >
                  {t('forum.links.agenda')}
                </Button>
              )}
            </Group>
          )}
        </Card>
      </section>

      <section aria-labelledby="forum-days">
        <Title order={2} size="h3" id="forum-days" mb="xs">
          {t('forum.days.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('forum.edition.venueTime', {
            name: zoneName(edition.timezone, intlLocale, `${edition.startsOn}T12:00:00Z`),
          })}{' '}
          {t('forum.edition.slot', { count: edition.slotMinutes })}
        </Text>
        <Sessions sessions={sessions} intlLocale={intlLocale} />
      </section>

      {me &&
        edition.status !== 'DRAFT' &&
        organizations.data?.map((o) => (
          <DelegatesSection
            key={o.id}
            editionId={editionId}
            organization={o}
            delegates={(delegates.data ?? []).filter((d) => d.organizationId === o.id)}
            slots={slots}
            timezone={edition.timezone}
            open={edition.status === 'OPEN'}
          />
        ))}
      {delegates.error && (
        <Alert color="red" role="alert">
          {errorMessage(intl, toApiError(delegates.error))}
        </Alert>
      )}
    </Stack>
  );
}
