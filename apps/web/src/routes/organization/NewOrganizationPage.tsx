import { useState } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { CREATE_ORGANIZATION, createInput } from '../../api/organization';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import { SignInFirst } from '../account/AccountPage';
import { emptyProfile, OrganizationForm, toInput } from './OrganizationForm';

/** Creating an organisation: it waits for an organiser's review before it appears in search. */
export function NewOrganizationPage() {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { me, resuming } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me) return <SignInFirst next="/my/organizations/new" />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={26}>
          {t('organization.new.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('organization.new.intro')}
        </Text>
      </div>
      <OrganizationForm
        initial={emptyProfile()}
        creating
        submitLabel={t('organization.new.submit')}
        busy={busy}
        error={error}
        onSubmit={async (values) => {
          setBusy(true);
          setError(null);
          try {
            const { createOrganization } = await call(CREATE_ORGANIZATION, {
              input: createInput({ ...toInput(values), kind: values.kind! }),
            });
            await queries.invalidateQueries({ queryKey: ['my-organizations'] });
            await navigate({ to: '/my/organizations/$id', params: { id: createOrganization.id } });
          } catch (e) {
            const err = toApiError(e);
            setError(err.code === 'FORBIDDEN' ? t('organization.mine.verifyFirst') : errorMessage(intl, err));
          } finally {
            setBusy(false);
          }
        }}
      />
    </Stack>
  );
}
