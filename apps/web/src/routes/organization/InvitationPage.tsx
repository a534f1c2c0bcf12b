import { useState } from 'react';
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { ACCEPT_INVITATION } from '../../api/organization';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import { AuthCard, FormError } from '../AuthPages';
import { SignInFirst } from '../account/AccountPage';

const route = getRouteApi('/invitations/$invitationId');

/** The invitation mail's link: the signed-in invitee joins the organisation with the code it carries. */
export function InvitationPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const { invitationId } = route.useParams();
  const { token } = route.useSearch();
  const { me, resuming } = useSession();
  const [joined, setJoined] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me)
    return (
      <AuthCard title={t('organization.invitation.title')}>
        <SignInFirst
          next={`/invitations/${invitationId}${token ? `?token=${encodeURIComponent(token)}` : ''}`}
        />
      </AuthCard>
    );
  if (joined)
    return (
      <AuthCard title={t('organization.invitation.title')}>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('organization.invitation.joined')}
        </Alert>
        <Button
          renderRoot={(props) => <Link to="/my/organizations/$id" params={{ id: joined }} {...props} />}
        >
          {t('auth.continue')}
        </Button>
      </AuthCard>
    );
  return (
    <AuthCard title={t('organization.invitation.title')} intro={t('organization.invitation.intro')}>
      <Stack gap="sm">
        {!token ? <Text size="sm">{t('organization.invitation.noCode')}</Text> : null}
        <FormError message={error} />
        <Button
          size="md"
          disabled={!token}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const { acceptInvitation } = await call(ACCEPT_INVITATION, { token: token ?? '' });
              await queries.invalidateQueries();
              setJoined(acceptInvitation.organizationId);
            } catch (e) {
              setError(errorMessage(intl, toApiError(e)));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('organization.invitation.accept')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
