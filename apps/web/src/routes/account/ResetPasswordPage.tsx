import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { REQUEST_PASSWORD_RESET, RESET_PASSWORD } from '../../api/account';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import { AuthCard, FormError } from '../AuthPages';

const route = getRouteApi('/reset');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a reset code by mail (`/reset`), then sets a new password with it (`/reset?token=…`, the mail's link). */
export function ResetPasswordPage() {
  const t = useT();
  const { token } = route.useSearch();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  if (done)
    return (
      <AuthCard title={t('account.reset.title')}>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="reset-done">
          {t('account.reset.done')}
        </Alert>
        <Button component={Link} to="/signin" size="md">
          {t('nav.signIn')}
        </Button>
      </AuthCard>
    );
  if (token || sentTo)
    return (
      <AuthCard
        title={t('account.reset.title')}
        intro={
          sentTo ? t('account.reset.sent', { email: `\u2068${sentTo}\u2069` }) : t('account.reset.newIntro')
        }
      >
        <NewPasswordForm initialCode={token ?? ''} onDone={() => setDone(true)} />
      </AuthCard>
    );
  return (
    <AuthCard title={t('account.reset.title')} intro={t('account.reset.askIntro')}>
      <AskForm onSent={setSentTo} />
    </AuthCard>
  );
}

function AskForm({ onSent }: { onSent(email: string): void }) {
  const t = useT();
  const intl = useIntl();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = email.trim();
    setInvalid(!EMAIL.test(value));
    if (!EMAIL.test(value)) return;
    setBusy(true);
    setError(null);
    try {
      await call(REQUEST_PASSWORD_RESET, { email: value });
      onSent(value);
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={invalid ? t('validation.email') : null}
          required
          dir="ltr"
        />
        <FormError message={error} />
        <Button type="submit" size="md" loading={busy} fullWidth>
          {t('account.reset.ask')}
        </Button>
        <Anchor component={Link} to="/signin" size="sm" ta="center">
          {t('account.reset.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

function NewPasswordForm({ initialCode, onDone }: { initialCode: string; onDone(): void }) {
  const t = useT();
  const intl = useIntl();
  const [code, setCode] = useState(initialCode);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = {
    code: code.trim() ? null : t('validation.required'),
    password: password.length >= 10 ? null : t('validation.passwordLength'),
    repeat: repeat === password ? null : t('account.reset.mismatch'),
  };
  const show = (k: keyof typeof problems) => (touched ? problems[k] : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await call(RESET_PASSWORD, { token: code.trim(), newPassword: password });
      onDone();
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('account.reset.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="one-time-code"
          spellCheck={false}
          error={show('code')}
          required
          dir="ltr"
          data-testid="reset-code"
        />
        <PasswordInput
          label={t('account.reset.newPassword')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={show('password')}
          required
          dir="ltr"
        />
        <PasswordInput
          label={t('account.reset.repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={show('repeat')}
          required
          dir="ltr"
        />
        <FormError message={error} />
        <Button type="submit" size="md" loading={busy} fullWidth>
          {t('account.reset.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('account.reset.endsSessions')}
        </Text>
      </Stack>
    </form>
  );
}
