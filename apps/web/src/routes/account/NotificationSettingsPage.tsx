import { Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  NOTIFICATION_PREFERENCES,
  SET_NOTIFICATION_PREFERENCES,
  type NotificationPreference,
} from '../../api/account';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageKey } from '../../i18n/catalogues';
import { FormError } from '../AuthPages';
import { SignInFirst } from './AccountPage';

/** Email on or off for each kind of notice; each switch saves at once. */
export function NotificationSettingsPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const { me, resuming } = useSession();
  const prefs = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => call(NOTIFICATION_PREFERENCES),
    enabled: !!me,
  });
  const save = useMutation({
    mutationFn: (p: NotificationPreference) => call(SET_NOTIFICATION_PREFERENCES, { preferences: [p] }),
    onSuccess: (r) =>
      queries.setQueryData(['notification-preferences'], {
        notificationPreferences: r.setNotificationPreferences,
      }),
  });
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me) return <SignInFirst next="/account/notifications" />;
  const label = (kind: string) => {
    const id = `account.notifications.kind.${kind}`;
    return intl.messages[id] ? t(id as MessageKey) : kind;
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={26}>
          {t('account.notifications.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('account.notifications.intro')}
        </Text>
      </div>
      {prefs.isPending ? <Loader role="status" size="sm" aria-label={t('account.loading')} /> : null}
      {prefs.isError ? <FormError message={errorMessage(intl, toApiError(prefs.error))} /> : null}
      {save.isError ? <FormError message={errorMessage(intl, toApiError(save.error))} /> : null}
      {prefs.data?.notificationPreferences.map((p) => (
        <Switch
          key={p.kind}
          label={label(p.kind)}
          checked={p.email}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ kind: p.kind, email: e.currentTarget.checked })}
          data-testid={`pref-${p.kind}`}
        />
      ))}
    </Stack>
  );
}
