import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { UNSUBSCRIBE } from '../../api/account';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/LocaleProvider';
import { AuthCard } from '../AuthPages';

const route = getRouteApi('/unsubscribe');

/**
 * Where a digest's or alert's "unsubscribe" link lands (?token=). Opening the page changes nothing
 * (mail scanners open links); the button turns that kind of email off. Mail clients with one-click
 * unsubscribe post to the api directly (List-Unsubscribe-Post).
 */
export function UnsubscribePage() {
  const t = useT();
  const intl = useIntl();
  const { me } = useSession();
  const { token } = route.useSearch();
  const [state, setState] = useState<'idle' | 'busy'>('idle');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function unsubscribe() {
    if (!token) return;
    setState('busy');
    setError(null);
    try {
      const { unsubscribe: result } = await call(UNSUBSCRIBE, { token });
      setDone(result.kind);
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setState('idle');
    }
  }

  return (
    <AuthCard title={t('account.unsubscribe.title')}>
      {done ? (
        <Stack gap="sm">
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="unsubscribed">
            {t('account.unsubscribe.done', {
              kind: t(`account.notifications.kind.${done}` as MessageKey),
            })}
          </Alert>
          <Text size="sm">{t('account.unsubscribe.inApp')}</Text>
          <Button component={Link} to={me ? '/account/notifications' : '/signin'} variant="light">
            {t('account.notifications.link')}
          </Button>
        </Stack>
      ) : token ? (
        <Stack gap="sm">
          <Text>{t('account.unsubscribe.intro')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button onClick={() => void unsubscribe()} loading={state === 'busy'} size="md">
            {t('account.unsubscribe.confirm')}
          </Button>
        </Stack>
      ) : (
        <Alert color="yellow" role="alert">
          {t('account.unsubscribe.noToken')}
        </Alert>
      )}
    </AuthCard>
  );
}
