import { Alert, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { CONSOLE_COUNTS } from '../../api/console';
import { errorMessage } from '../../components/text';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/LocaleProvider';

/** "100+" when the api has more than the page it returned. */
export const countLabel = (count: number, more: boolean): string => (more ? `${count}+` : String(count));

function Waiting({ to, label, count }: { to?: string; label: MessageKey; count: string }) {
  const t = useT();
  const link = to ? { component: Link, to: to as never } : {};
  return (
    <Card withBorder padding="md" className="console-count" {...link}>
      <Text fz={32} fw={800} c="teal.9" lh={1.1}>
        {count}
      </Text>
      <Text fw={600}>{t(label)}</Text>
    </Card>
  );
}

/** /console: what waits for the organisers. */
export function ConsoleHome() {
  const t = useT();
  const intl = useIntl();
  const counts = useQuery({ queryKey: ['console', 'counts'], queryFn: () => call(CONSOLE_COUNTS) });
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.home.title')}</Title>
      {counts.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {counts.error && <Alert color="red">{errorMessage(intl, toApiError(counts.error))}</Alert>}
      {counts.data && (
        <>
          <Title order={2} fz="lg">
            {t('console.home.waiting')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Waiting
              to="/console/review"
              label="console.home.newOrganizations"
              count={countLabel(
                counts.data.reviewQueue.edges.length,
                counts.data.reviewQueue.pageInfo.hasNextPage,
              )}
            />
            <Waiting
              to="/console/review"
              label="console.home.identityChanges"
              count={countLabel(
                counts.data.pendingOrganizationChanges.edges.length,
                counts.data.pendingOrganizationChanges.pageInfo.hasNextPage,
              )}
            />
            <Waiting
              to="/console/claims"
              label="console.home.contestedClaims"
              count={countLabel(
                counts.data.organizationClaims.length,
                counts.data.organizationClaims.length >= 100,
              )}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
