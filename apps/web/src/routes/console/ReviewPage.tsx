import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  APPROVE_CHANGE,
  APPROVE_ORGANIZATION,
  PENDING_CHANGES,
  REJECT_CHANGE,
  REJECT_ORGANIZATION,
  REVIEW_QUEUE,
  type PendingChange,
  type ReviewOrganization,
} from '../../api/console';
import { countryName, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { Decision } from './Decision';
import { consoleError } from './errors';
import { changeValueLines } from './values';

function Value({ json }: { json: string | null }) {
  const t = useT();
  const { locale } = useLocale();
  const lines = changeValueLines(json, locale);
  if (!lines) return <Text c="dimmed">{t('console.review.noValue')}</Text>;
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} dir="auto" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </>
  );
}

function OrganizationCard({ org, onDone }: { org: ReviewOrganization; onDone(outcome: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const name = pickText(org.name, locale);
  const date = new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'medium' }).format(
    new Date(org.createdAt),
  );
  return (
    <Card withBorder component="li" className="review-item" data-testid="review-organization">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="lg">
            <Anchor renderRoot={(props) => <Link to="/o/$id" params={{ id: org.id }} {...props} />}>
              <bdi>{name}</bdi>
            </Anchor>
          </Title>
          <Badge variant="light">{t(`kind.${org.kind}`)}</Badge>
        </Group>
        <Text c="dimmed" fz="sm">
          {[countryName(org.country, locale), org.city].filter(Boolean).join(' · ')}
          {' · '}
          {t('console.review.createdOn', { date })}
        </Text>
        {org.website && (
          <Text fz="sm" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
            {org.website}
          </Text>
        )}
        <Decision
          subject={name}
          onApprove={(note) => call(APPROVE_ORGANIZATION, { id: org.id, note })}
          onReject={(note) => call(REJECT_ORGANIZATION, { id: org.id, note })}
          onDone={(outcome) => onDone(t(`console.review.${outcome}`, { name }))}
        />
      </Stack>
    </Card>
  );
}

function ChangeCard({ change, onDone }: { change: PendingChange; onDone(outcome: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const name = change.organization ? pickText(change.organization.name, locale) : change.organizationId;
  return (
    <Card withBorder component="li" className="review-item" data-testid="review-change">
      <Stack gap="xs">
        <Title order={3} fz="lg">
          <Anchor
            renderRoot={(props) => <Link to="/o/$id" params={{ id: change.organizationId }} {...props} />}
          >
            <bdi>{name}</bdi>
          </Anchor>
        </Title>
        <Table withTableBorder captionSide="top" layout="fixed" className="wrap-table">
          <Table.Caption>{t('console.review.diffCaption', { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="25%">
                {t('console.review.field')}
              </Table.Th>
              <Table.Th scope="col">{t('console.review.before')}</Table.Th>
              <Table.Th scope="col">{t('console.review.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Th scope="row">{fieldLabel(t, c.field)}</Table.Th>
                <Table.Td className="diff-before">
                  <Value json={c.before} />
                </Table.Td>
                <Table.Td className="diff-after">
                  <Value json={c.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Decision
          subject={name}
          onApprove={(note) => call(APPROVE_CHANGE, { id: change.id, note })}
          onReject={(note) => call(REJECT_CHANGE, { id: change.id, note })}
          onDone={(outcome) => onDone(t(`console.review.change.${outcome}`, { name }))}
        />
      </Stack>
    </Card>
  );
}

const FIELDS = ['name', 'country', 'website', 'regionCode', 'region'];
function fieldLabel(t: ReturnType<typeof useT>, field: string): string {
  return FIELDS.includes(field) ? t(`console.review.fields.${field}` as never) : field;
}

/** /console/review: new organisations, then identity changes of approved ones, each approved or rejected with a note. */
export function ReviewPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const organizations = useInfiniteQuery({
    queryKey: ['console', 'reviewQueue'],
    queryFn: ({ pageParam }) => call(REVIEW_QUEUE, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.reviewQueue.pageInfo.hasNextPage ? last.reviewQueue.pageInfo.endCursor : null,
  });
  const changes = useInfiniteQuery({
    queryKey: ['console', 'pendingChanges'],
    queryFn: ({ pageParam }) => call(PENDING_CHANGES, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.pendingOrganizationChanges.pageInfo.hasNextPage
        ? last.pendingOrganizationChanges.pageInfo.endCursor
        : null,
  });
  const onDone = (message: string) => {
    setDone(message);
    void queries.invalidateQueries({ queryKey: ['console'] });
  };
  const orgs = organizations.data?.pages.flatMap((p) => p.reviewQueue.edges.map((e) => e.node)) ?? [];
  const pending =
    changes.data?.pages.flatMap((p) => p.pendingOrganizationChanges.edges.map((e) => e.node)) ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.review.title')}</Title>
      <div role="status" aria-live="polite">
        {done && (
          <Alert
            color="teal"
            withCloseButton
            closeButtonLabel={t('console.close')}
            onClose={() => setDone(null)}
          >
            <bdi>{done}</bdi>
          </Alert>
        )}
      </div>
      <Tabs defaultValue="organizations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="organizations">
            {t('console.review.organizations')}
            {organizations.data && ` (${orgs.length}${organizations.hasNextPage ? '+' : ''})`}
          </Tabs.Tab>
          <Tabs.Tab value="changes">
            {t('console.review.changes')}
            {changes.data && ` (${pending.length}${changes.hasNextPage ? '+' : ''})`}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organizations" pt="md">
          {organizations.isPending && <Loader role="status" aria-label={t('console.loading')} />}
          {organizations.error && (
            <Alert color="red">{consoleError(intl, toApiError(organizations.error))}</Alert>
          )}
          {organizations.data && !orgs.length && (
            <Text c="dimmed">{t('console.review.noOrganizations')}</Text>
          )}
          <Stack component="ul" gap="sm" className="plain-list">
            {orgs.map((o) => (
              <OrganizationCard key={o.id} org={o} onDone={onDone} />
            ))}
          </Stack>
          {organizations.hasNextPage && (
            <Button
              variant="light"
              mt="sm"
              loading={organizations.isFetchingNextPage}
              onClick={() => void organizations.fetchNextPage()}
            >
              {t('console.more')}
            </Button>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="changes" pt="md">
          {changes.isPending && <Loader role="status" aria-label={t('console.loading')} />}
          {changes.error && <Alert color="red">{consoleError(intl, toApiError(changes.error))}</Alert>}
          {changes.data && !pending.length && <Text c="dimmed">{t('console.review.noChanges')}</Text>}
          <Stack component="ul" gap="sm" className="plain-list">
            {pending.map((c) => (
              <ChangeCard key={c.id} change={c} onDone={onDone} />
            ))}
          </Stack>
          {changes.hasNextPage && (
            <Button
              variant="light"
              mt="sm"
              loading={changes.isFetchingNextPage}
              onClick={() => void changes.fetchNextPage()}
            >
              {t('console.more')}
            </Button>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
