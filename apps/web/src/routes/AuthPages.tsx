import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../api/client';
import { REGISTER } from '../api/operations';
import { useSession } from '../auth/session';
import { errorMessage } from '../components/text';
import { useLocale, useT } from '../i18n/LocaleProvider';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} maw={460} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      <Stack gap="md">
        <div>
          <Title order={1} fz={26}>
            {title}
          </Title>
          {intro ? (
            <Text c="dimmed" size="sm" mt={4}>
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}

/** Sign-up: name, email, password, terms; on success the verification page, which says where the code went. */
export function SignUpPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [values, setValues] = useState({ displayName: '', email: '', password: '', acceptTerms: false });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = {
    displayName: values.displayName.trim() ? null : t('validation.required'),
    email: EMAIL.test(values.email.trim()) ? null : t('validation.email'),
    password: values.password.length >= 10 ? null : t('validation.passwordLength'),
    acceptTerms: values.acceptTerms ? null : t('validation.terms'),
  };
  const show = (k: keyof typeof problems) => (touched ? problems[k] : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const email = values.email.trim();
      await call(REGISTER, { input: { ...values, email, displayName: values.displayName.trim(), locale } });
      await navigate({ to: '/verify-email', search: { email } });
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.signUp.title')} intro={t('auth.signUp.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('auth.displayName')}
            autoComplete="name"
            value={values.displayName}
            onChange={(e) => setValues({ ...values, displayName: e.currentTarget.value })}
            error={show('displayName')}
            required
            dir="auto"
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            error={show('email')}
            required
            dir="ltr"
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
            error={show('password')}
            required
            dir="ltr"
          />
          <Checkbox
            label={t('auth.acceptTerms')}
            checked={values.acceptTerms}
            onChange={(e) => setValues({ ...values, acceptTerms: e.currentTarget.checked })}
            error={show('acceptTerms')}
          />
          <FormError message={error} />
          <Button type="submit" size="md" loading={busy} fullWidth>
            {t('auth.signUp.submit')}
          </Button>
          <Anchor component={Link} to="/signin" size="sm" ta="center">
            {t('auth.signUp.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

const signInRoute = getRouteApi('/signin');

/** Sign-in with email and password; back to where the user came from, or the directory. */
export function SignInPage() {
  const t = useT();
  const intl = useIntl();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const { next } = signInRoute.useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!EMAIL.test(email.trim()) || !password) {
      setError(intl.formatMessage({ id: 'error.INVALID_CREDENTIALS' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      await navigate({ to: next ?? '/' });
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            dir="ltr"
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            dir="ltr"
          />
          <Anchor component={Link} to="/reset" size="sm" style={{ alignSelf: 'flex-start' }}>
            {t('account.forgot')}
          </Anchor>
          <FormError message={error} />
          <Button type="submit" size="md" loading={busy} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} to="/signup" size="sm" ta="center">
            {t('auth.signIn.noAccount')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
