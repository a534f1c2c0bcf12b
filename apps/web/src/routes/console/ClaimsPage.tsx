import { useState } from 'react';
import { Alert, Badge, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  CLAIM_STATUSES,
  ORGANIZATION_CLAIMS,
  RESOLVE_CLAIM,
  type Claim,
  type ClaimStatus,
} from '../../api/console';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { Decision } from './Decision';
import { consoleError } from './errors';

const STATUS_COLOR: Record<ClaimStatus, string> = {
  CONTESTED: 'orange',
  CODE_SENT: 'blue',
  APPROVED: 'teal',
  REJECTED: 'red',
  EXPIRED: 'gray',
};

function ClaimCard({ claim, onDone }: { claim: Claim; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const dateTime = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  });
  const open = claim.status === 'CONTESTED' || claim.status === 'CODE_SENT';
  return (
    <Card withBorder component="li" data-testid="claim">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} fz="lg">
            <bdi>{claim.organizationName}</bdi>
          </Title>
          <Badge color={STATUS_COLOR[claim.status]} variant="light">
            {t(`console.claims.status.${claim.status}`)}
          </Badge>
        </Group>
        <Text>
          {t('console.claims.claimant')} <bdi>{claim.claimantName}</bdi> ·{' '}
          <span dir="ltr">{claim.claimantEmail}</span>
        </Text>
        <Text fz="sm">
          {t('console.claims.codeSentTo')} <span dir="ltr">{claim.address}</span>
        </Text>
        <Text fz="sm" c="dimmed">
          {t('console.claims.createdOn', { date: dateTime.format(new Date(claim.createdAt)) })}
        </Text>
        {claim.contestReason && (
          <Alert color="orange" p="xs">
            {t(`console.claims.reason.${claim.contestReason}`)}
          </Alert>
        )}
        {claim.note && (
          <Text fz="sm">
            {t('console.claims.note')} <bdi>{claim.note}</bdi>
          </Text>
        )}
        {open && (
          <Decision
            subject={claim.organizationName}
            canApprove={claim.status === 'CONTESTED'}
            noteRequiredToReject={false}
            onApprove={(note) => call(RESOLVE_CLAIM, { id: claim.id, approve: true, note })}
            onReject={(note) => call(RESOLVE_CLAIM, { id: claim.id, approve: false, note: note || null })}
            onDone={(outcome) => onDone(t(`console.claims.${outcome}`, { name: claim.organizationName }))}
          />
        )}
      </Stack>
    </Card>
  );
}

/** /console/claims: claims on organisations without an owner; contested ones are decided here. */
export function ClaimsPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [status, setStatus] = useState<ClaimStatus | 'ALL'>('CONTESTED');
  const [done, setDone] = useState<string | null>(null);
  const claims = useQuery({
    queryKey: ['console', 'claims', status],
    queryFn: async () =>
      (await call(ORGANIZATION_CLAIMS, { status: status === 'ALL' ? null : status })).organizationClaims,
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.claims.title')}</Title>
      <Text c="dimmed">{t('console.claims.intro')}</Text>
      <Select
        label={t('console.claims.filter')}
        value={status}
        allowDeselect={false}
        onChange={(v) => v && setStatus(v as ClaimStatus | 'ALL')}
        data={[
          ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`console.claims.status.${s}`) })),
          { value: 'ALL', label: t('console.claims.all') },
        ]}
        maw={320}
      />
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
      {claims.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {claims.error && <Alert color="red">{consoleError(intl, toApiError(claims.error))}</Alert>}
      {claims.data && !claims.data.length && <Text c="dimmed">{t('console.claims.none')}</Text>}
      <Stack component="ul" gap="sm" className="plain-list">
        {claims.data?.map((c) => (
          <ClaimCard
            key={c.id}
            claim={c}
            onDone={(message) => {
              setDone(message);
              void queries.invalidateQueries({ queryKey: ['console'] });
            }}
          />
        ))}
      </Stack>
    </Stack>
  );
}
