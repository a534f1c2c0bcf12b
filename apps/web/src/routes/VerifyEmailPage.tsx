import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../api/client';
import { RESEND_VERIFICATION, VERIFY_EMAIL } from '../api/operations';
import { useSession } from '../auth/session';
import { errorMessage } from '../components/text';
import { useT } from '../i18n/LocaleProvider';
import { AuthCard, FormError } from './AuthPages';

const route = getRouteApi('/verify-email');

/** Confirms an address with the code from the mail, typed here or carried by the mail's link (?token=). */
export function VerifyEmailPage() {
  const t = useT();
  const intl = useIntl();
  const { me } = useSession();
  const { token, email } = route.useSearch();
  const [code, setCode] = useState(token ?? '');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const autoSent = useRef(false);

  async function verify(value: string) {
    setState('busy');
    setError(null);
    try {
      await call(VERIFY_EMAIL, { token: value.trim() });
      setState('done');
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
      setState('idle');
    }
  }

  useEffect(() => {
    if (token && !autoSent.current) {
      autoSent.current = true;
      void verify(token);
    }
  }, [token]);

  const address = email ?? me?.email ?? null;
  if (state === 'done')
    return (
      <AuthCard title={t('auth.verify.title')}>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="verified">
          {t('auth.verify.done')}
        </Alert>
        <Button component={Link} to={me ? '/' : '/signin'} size="md">
          {t('auth.continue')}
        </Button>
      </AuthCard>
    );

  return (
    <AuthCard
      title={t('auth.verify.title')}
      intro={
        address ? t('auth.verify.intro', { email: `\u2068${address}\u2069` }) : t('auth.verify.introNoEmail')
      }
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (code.trim()) void verify(code);
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('auth.verify.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            spellCheck={false}
            dir="ltr"
            required
            data-testid="verify-code"
          />
          <FormError message={error} />
          <Button type="submit" size="md" loading={state === 'busy'} fullWidth>
            {t('auth.verify.submit')}
          </Button>
          {address ? (
            <Group justify="center">
              <Button
                variant="subtle"
                size="compact-sm"
                disabled={resent}
                onClick={async () => {
                  await call(RESEND_VERIFICATION, { email: address }).catch(() => undefined);
                  setResent(true);
                }}
              >
                {t('auth.verify.resend')}
              </Button>
            </Group>
          ) : null}
          {resent ? (
            <Text size="sm" c="dimmed" role="status">
              {t('auth.verify.resent')}
            </Text>
          ) : null}
        </Stack>
      </form>
    </AuthCard>
  );
}
