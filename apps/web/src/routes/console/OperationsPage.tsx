import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { IconListDetails } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  AUDIT_LOG,
  MAIL_DELIVERIES,
  MAIL_STATUSES,
  OPEN_JOB_QUEUES,
  type AuditEntry,
  type MailDelivery,
  type MailStatus,
} from '../../api/console';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { consoleError } from './errors';

const MAIL_COLOR: Record<MailStatus, string> = {
  FAILED: 'red',
  PENDING: 'gray',
  SENDING: 'blue',
  SENT: 'teal',
};

function useDateTime() {
  const { locale } = useLocale();
  const f = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: 'short',
    timeStyle: 'medium',
    hourCycle: 'h23',
  });
  return (iso: string) => f.format(new Date(iso));
}

function Mail({ mail }: { mail: MailDelivery }) {
  const t = useT();
  const when = useDateTime();
  return (
    <Card withBorder component="li" p="sm" data-testid="mail-delivery">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} dir="auto">
            {mail.subject}
          </Text>
          <Badge color={MAIL_COLOR[mail.status]} variant="light">
            {t(`console.ops.mail.status.${mail.status}`)}
          </Badge>
        </Group>
        <Text fz="sm" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
          {mail.to}
        </Text>
        <Text fz="sm" c="dimmed">
          <span dir="ltr">{mail.template}</span> · {when(mail.createdAt)} ·{' '}
          {t('console.ops.mail.attempts', { count: mail.attempts })}
        </Text>
        {mail.lastError && (
          <Alert color="red" p="xs">
            <Text fz="sm" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
              {mail.lastError}
            </Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function MailPanel() {
  const t = useT();
  const intl = useIntl();
  const [status, setStatus] = useState<MailStatus | 'ALL'>('FAILED');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState('');
  const mails = useInfiniteQuery({
    queryKey: ['console', 'mail', status, applied],
    queryFn: ({ pageParam }) =>
      call(MAIL_DELIVERIES, {
        status: status === 'ALL' ? null : status,
        to: applied || null,
        after: pageParam,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.mailDeliveries.pageInfo.hasNextPage ? last.mailDeliveries.pageInfo.endCursor : null,
  });
  const list = mails.data?.pages.flatMap((p) => p.mailDeliveries.edges.map((e) => e.node)) ?? [];
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(to.trim());
        }}
      >
        <Group align="flex-end" gap="xs">
          <Select
            label={t('console.ops.mail.status')}
            value={status}
            allowDeselect={false}
            onChange={(v) => v && setStatus(v as MailStatus | 'ALL')}
            data={[
              ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`console.ops.mail.status.${s}`) })),
              { value: 'ALL', label: t('console.ops.all') },
            ]}
            w={180}
          />
          <TextInput
            type="email"
            dir="ltr"
            label={t('console.ops.mail.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            style={{ flex: 1, minInlineSize: 180 }}
          />
          <Button type="submit" variant="light">
            {t('console.ops.filter')}
          </Button>
        </Group>
      </form>
      {mails.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {mails.error && <Alert color="red">{consoleError(intl, toApiError(mails.error))}</Alert>}
      {mails.data && !list.length && <Text c="dimmed">{t('console.ops.mail.none')}</Text>}
      <Stack component="ul" gap="xs" className="plain-list">
        {list.map((m) => (
          <Mail key={m.id} mail={m} />
        ))}
      </Stack>
      {mails.hasNextPage && (
        <Button variant="light" loading={mails.isFetchingNextPage} onClick={() => void mails.fetchNextPage()}>
          {t('console.more')}
        </Button>
      )}
    </Stack>
  );
}

function Entry({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const when = useDateTime();
  return (
    <Card withBorder component="li" p="sm" data-testid="audit-entry">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Code dir="ltr">{entry.action}</Code>
          <Text fz="sm" c="dimmed">
            {when(entry.at)}
          </Text>
        </Group>
        <Text fz="sm">
          {t('console.ops.audit.entity')} <span dir="ltr">{`${entry.entityType} ${entry.entityId}`}</span>
        </Text>
        <Text fz="sm">
          {t('console.ops.audit.actor')}{' '}
          {entry.actorId ? <span dir="ltr">{entry.actorId}</span> : t('console.ops.audit.system')}
        </Text>
        {(entry.before || entry.after) && (
          <details>
            <summary>{t('console.ops.audit.changes', { details: entry.fields.join(', ') })}</summary>
            <Stack gap={4} mt={4}>
              {entry.before && (
                <Text fz="xs" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
                  {t('console.review.before')}: {entry.before}
                </Text>
              )}
              {entry.after && (
                <Text fz="xs" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
                  {t('console.review.after')}: {entry.after}
                </Text>
              )}
            </Stack>
          </details>
        )}
      </Stack>
    </Card>
  );
}

function AuditPanel() {
  const t = useT();
  const intl = useIntl();
  const empty = { entityType: '', entityId: '', actorId: '' };
  const [draft, setDraft] = useState(empty);
  const [filters, setFilters] = useState(empty);
  const log = useInfiniteQuery({
    queryKey: ['console', 'audit', filters],
    queryFn: ({ pageParam }) =>
      call(AUDIT_LOG, {
        entityType: filters.entityType || null,
        entityId: filters.entityId || null,
        actorId: filters.actorId || null,
        before: pageParam,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.auditLog.nextCursor,
  });
  const entries = log.data?.pages.flatMap((p) => p.auditLog.entries) ?? [];
  const field = (key: keyof typeof empty, label: string) => (
    <TextInput
      dir="ltr"
      label={label}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value.trim() })}
      style={{ flex: 1, minInlineSize: 150 }}
    />
  );
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <Group align="flex-end" gap="xs">
          {field('entityType', t('console.ops.audit.entityType'))}
          {field('entityId', t('console.ops.audit.entityId'))}
          {field('actorId', t('console.ops.audit.actorId'))}
          <Button type="submit" variant="light">
            {t('console.ops.filter')}
          </Button>
        </Group>
      </form>
      {log.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {log.error && <Alert color="red">{consoleError(intl, toApiError(log.error))}</Alert>}
      {log.data && !entries.length && <Text c="dimmed">{t('console.ops.audit.none')}</Text>}
      <Stack component="ul" gap="xs" className="plain-list">
        {entries.map((e) => (
          <Entry key={e.id} entry={e} />
        ))}
      </Stack>
      {log.hasNextPage && (
        <Button variant="light" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('console.more')}
        </Button>
      )}
    </Stack>
  );
}

/** /console/operations (admins): mail deliveries and their failures, the audit log. */
/** Opens the job queues dashboard (bull-board, served by the api) in this tab. */
function JobQueuesLink() {
  const t = useT();
  const intl = useIntl();
  const open = useMutation({
    mutationFn: () => call(OPEN_JOB_QUEUES),
    onSuccess: (r) => window.location.assign(r.openJobQueues),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="light"
        leftSection={<IconListDetails size={16} aria-hidden />}
        loading={open.isPending}
        onClick={() => open.mutate()}
        data-testid="job-queues"
      >
        {t('console.ops.queues.open')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('console.ops.queues.hint')}
      </Text>
      {open.error ? (
        <Alert color="red" role="alert">
          {consoleError(intl, toApiError(open.error))}
        </Alert>
      ) : null}
    </Stack>
  );
}

export function OperationsPage() {
  const t = useT();
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.ops.title')}</Title>
      <JobQueuesLink />
      <Tabs defaultValue="mail" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mail">{t('console.ops.mail.title')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('console.ops.audit.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mail" pt="md">
          <MailPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
