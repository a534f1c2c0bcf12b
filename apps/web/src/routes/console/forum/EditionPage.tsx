import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import { EDITION_SETUP } from '../../../api/consoleForum';
import { pickText } from '../../../components/text';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { DelegatesPanel } from './DelegatesPanel';
import { forumError } from './forumErrors';
import { RequestsPanel } from './RequestsPanel';
import { STATUS_COLOR } from './ForumEditionsPage';
import { SchedulePanel } from './SchedulePanel';
import { SetupPanel } from './SetupPanel';
import { StatsLinks } from './StatsLinks';
import { EDITION_TABS, type EditionTab } from './routes';
import './forum.css';

const route = getRouteApi('/console/forum/$editionId');

export const setupKey = (id: string) => ['consoleForum', 'setup', id] as const;

/** /console/forum/$editionId: one edition's set-up, delegates and scheduling, one tab each. */
export function EditionPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { editionId } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = useNavigate();
  const setup = useQuery({
    queryKey: setupKey(editionId),
    queryFn: () => call(EDITION_SETUP, { id: editionId }),
  });

  if (setup.isPending) return <Loader role="status" aria-label={t('console.loading')} />;
  if (setup.error) return <Alert color="red">{forumError(intl, toApiError(setup.error))}</Alert>;
  const { forumEdition: edition } = setup.data;

  return (
    <Stack gap="md" className="console-forum">
      <div>
        <Group gap="xs" wrap="wrap">
          <Title order={1}>
            <bdi>{pickText(edition.name, locale)}</bdi>
          </Title>
          <Badge color={STATUS_COLOR[edition.status]} variant="light">
            {t(`consoleForum.status.${edition.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" dir="ltr" ta="start">
          {edition.startsOn} – {edition.endsOn} · {edition.timezone}
        </Text>
        <Group gap="xs" mt={6}>
          <Button
            renderRoot={(props) => (
              <Link
                to="/console/forum/$editionId/print"
                params={{ editionId }}
                search={{ what: 'badges' }}
                {...props}
              />
            )}
            size="xs"
            variant="light"
          >
            {t('consolePrint.open')}
          </Button>
          <Button
            renderRoot={(props) => (
              <Link to="/console/forum/$editionId/desk" params={{ editionId }} {...props} />
            )}
            size="xs"
            variant="light"
          >
            {t('consoleDesk.open')}
          </Button>
        </Group>
        <StatsLinks editionId={editionId} />
      </div>
      <Tabs
        value={tab}
        onChange={(next) =>
          next &&
          void navigate({
            to: '/console/forum/$editionId',
            params: { editionId },
            search: { tab: next as EditionTab },
          })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {EDITION_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`consoleForum.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="setup" pt="md">
          <SetupPanel setup={setup.data} />
        </Tabs.Panel>
        <Tabs.Panel value="delegates" pt="md">
          <DelegatesPanel setup={setup.data} />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <RequestsPanel setup={setup.data} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <SchedulePanel setup={setup.data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
