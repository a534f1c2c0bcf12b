import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconLogout, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  DELETE_MY_ACCOUNT,
  END_SESSION,
  EXPORT_MY_DATA,
  LOGOUT_EVERYWHERE,
  MY_SESSIONS,
  type AccountSession,
} from '../../api/account';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import { FormError } from '../AuthPages';
import { deviceOf } from './device';

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder radius="lg" p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Signed-out visitors are asked to sign in and come back. */
export function SignInFirst({ next }: { next: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Alert color="gray" role="status">
      <Stack gap="xs" align="flex-start">
        <Text>{t('account.signInFirst')}</Text>
        <Button onClick={() => void navigate({ to: '/signin', search: { next } })} size="compact-md">
          {t('nav.signIn')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The account page: who is signed in, sessions, data export and deletion. */
export function AccountPage() {
  const t = useT();
  const { me, resuming } = useSession();
  const navigate = useNavigate();
  const [deleted, setDeleted] = useState(false);

  if (deleted)
    return (
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="account-deleted">
        {t('account.delete.done')}
      </Alert>
    );
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me) return <SignInFirst next="/account" />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={26}>
          {t('account.title')}
        </Title>
        <Text mt={4}>
          <bdi>{me.displayName}</bdi>
        </Text>
        <Text size="sm" c="dimmed">
          <bdi dir="ltr">{me.email}</bdi>
        </Text>
      </div>
      {!me.emailVerified ? (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          <Group gap="xs">
            <Text size="sm">{t('auth.unverified')}</Text>
            <Button
              onClick={() => void navigate({ to: '/verify-email', search: { email: me.email } })}
              size="compact-sm"
              variant="white"
            >
              {t('auth.confirmNow')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Anchor
        renderRoot={(props) => <Link to="/account/notifications" {...props} />}
        data-testid="notifications-link"
      >
        {t('account.notifications.link')}
      </Anchor>
      <Sessions />
      <ExportData />
      <DeleteAccount email={me.email} onDeleted={() => setDeleted(true)} />
    </Stack>
  );
}

function SessionCard({ session, onEnd, busy }: { session: AccountSession; onEnd(): void; busy: boolean }) {
  const t = useT();
  const intl = useIntl();
  const { browser, system } = deviceOf(session.userAgent);
  const when = (iso: string) =>
    intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  // Product names read the same in every language.
  const name = [browser, system].filter(Boolean).join(' · ') || t('account.sessions.unknownDevice');
  return (
    <Card withBorder radius="md" p="sm" component="li" data-testid="session">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>
            <bdi>{name}</bdi>
          </Text>
          {session.current ? (
            <Badge color="teal" variant="light" tt="none">
              {t('account.sessions.current')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('account.sessions.started', { date: when(session.startedAt) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('account.sessions.lastActive', { date: when(session.lastActiveAt) })}
        </Text>
        <Group justify="flex-end">
          <Button
            variant="light"
            color="red"
            size="compact-sm"
            leftSection={<IconLogout size={14} aria-hidden />}
            onClick={onEnd}
            loading={busy}
          >
            {t('account.sessions.end')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Sessions() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const sessions = useQuery({ queryKey: ['account', 'sessions'], queryFn: () => call(MY_SESSIONS) });
  const [error, setError] = useState<string | null>(null);
  const end = useMutation({
    mutationFn: (s: AccountSession) => call(END_SESSION, { id: s.id }),
    onSuccess: async (_r, s) => {
      setError(null);
      if (s.current) {
        await signOut();
        await navigate({ to: '/' });
      } else await queries.invalidateQueries({ queryKey: ['account', 'sessions'] });
    },
    onError: (e) => setError(errorMessage(intl, toApiError(e))),
  });
  const everywhere = useMutation({
    mutationFn: () => call(LOGOUT_EVERYWHERE),
    onSuccess: async () => {
      await signOut();
      await navigate({ to: '/' });
    },
    onError: (e) => setError(errorMessage(intl, toApiError(e))),
  });
  const list = sessions.data?.mySessions ?? [];

  return (
    <Section title={t('account.sessions.title')} id="sessions-title">
      <Text size="sm">{t('account.sessions.intro')}</Text>
      {sessions.isPending ? <Loader role="status" size="sm" aria-label={t('account.loading')} /> : null}
      {sessions.isError ? <FormError message={errorMessage(intl, toApiError(sessions.error))} /> : null}
      {sessions.isSuccess ? (
        <>
          <Text size="sm" c="dimmed">
            {t('account.sessions.count', { count: list.length })}
          </Text>
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {list.map((s) => (
              <SessionCard
                key={s.id}
                session={s}
                busy={end.isPending && end.variables?.id === s.id}
                onEnd={() => end.mutate(s)}
              />
            ))}
          </Stack>
        </>
      ) : null}
      <FormError message={error} />
      <Button
        variant="outline"
        color="red"
        leftSection={<IconLogout size={16} aria-hidden />}
        onClick={() => everywhere.mutate()}
        loading={everywhere.isPending}
      >
        {t('account.sessions.everywhere')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('account.sessions.everywhereHint')}
      </Text>
    </Section>
  );
}

/** Offers the export as a file the browser saves; nothing is kept in the page afterwards. */
function saveJson(json: string, name: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportData() {
  const t = useT();
  const intl = useIntl();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const exportData = useMutation({
    mutationFn: () => call(EXPORT_MY_DATA),
    onSuccess: ({ exportMyData }) => {
      setError(null);
      saveJson(exportMyData, `tashbik-data-${new Date().toISOString().slice(0, 10)}.json`);
      setSaved(true);
    },
    onError: (e) => setError(errorMessage(intl, toApiError(e))),
  });
  return (
    <Section title={t('account.export.title')} id="export-title">
      <Text size="sm">{t('account.export.intro')}</Text>
      <FormError message={error} />
      {saved ? (
        <Text size="sm" role="status" c="teal.9">
          {t('account.export.done')}
        </Text>
      ) : null}
      <Button
        variant="light"
        leftSection={<IconDownload size={16} aria-hidden />}
        onClick={() => exportData.mutate()}
        loading={exportData.isPending}
      >
        {t('account.export.submit')}
      </Button>
    </Section>
  );
}

function DeleteAccount({ email, onDeleted }: { email: string; onDeleted(): void }) {
  const t = useT();
  const intl = useIntl();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmed = typed.trim().toLowerCase() === email.toLowerCase();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!confirmed || !password) return;
    setBusy(true);
    setError(null);
    try {
      await call(DELETE_MY_ACCOUNT, { password });
      await signOut();
      onDeleted();
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.code === 'CONFLICT' ? t('account.delete.conflict') : errorMessage(intl, apiError));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('account.delete.title')} id="delete-title">
      <Text size="sm">{t('account.delete.intro')}</Text>
      <Button
        color="red"
        variant="outline"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('account.delete.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('account.delete.title')}
        centered
        closeButtonProps={{ 'aria-label': t('account.delete.cancel') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('account.delete.warning')}</Text>
            <TextInput
              label={t('account.delete.typeEmail', { email: `\u2068${email}\u2069` })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={touched && !confirmed ? t('account.delete.typeMismatch') : null}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              required
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={touched && !password ? t('validation.required') : null}
              dir="ltr"
              required
            />
            <FormError message={error} />
            <Button
              type="submit"
              color="red"
              loading={busy}
              leftSection={<IconTrash size={16} aria-hidden />}
            >
              {t('account.delete.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Section>
  );
}
