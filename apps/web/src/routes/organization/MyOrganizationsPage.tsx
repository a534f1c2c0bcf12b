import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { MY_ORGANIZATIONS } from '../../api/organization';
import { useSession } from '../../auth/session';
import { countryName, errorMessage, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { FormError } from '../AuthPages';
import { SignInFirst } from '../account/AccountPage';
import { StatusBadge } from './common';

/** The organisations I belong to, with their review status; the way to create one. */
export function MyOrganizationsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { me, resuming } = useSession();
  const result = useQuery({
    queryKey: ['my-organizations'],
    queryFn: () => call(MY_ORGANIZATIONS),
    enabled: !!me,
  });
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me) return <SignInFirst next="/my/organizations" />;
  const roles = new Map((result.data?.me?.memberships ?? []).map((m) => [m.organizationId, m.role]));
  const list = result.data?.myOrganizations ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} fz={26}>
          {t('organization.mine.title')}
        </Title>
        <Button component={Link} to="/my/organizations/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('organization.mine.create')}
        </Button>
      </Group>
      {!me.emailVerified ? <Alert color="yellow">{t('organization.mine.verifyFirst')}</Alert> : null}
      {result.isPending ? <Loader role="status" size="sm" aria-label={t('account.loading')} /> : null}
      {result.isError ? <FormError message={errorMessage(intl, toApiError(result.error))} /> : null}
      {result.isSuccess && !list.length ? <Text>{t('organization.mine.none')}</Text> : null}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {list.map((o) => (
          <Card key={o.id} withBorder radius="md" p="md" component="li" data-testid="my-org">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Anchor
                  renderRoot={(props) => <Link to="/my/organizations/$id" params={{ id: o.id }} {...props} />}
                  fw={700}
                  fz="lg"
                >
                  <bdi>{pickText(o.name, locale)}</bdi>
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`kind.${o.kind}`)} · {countryName(o.country, locale)}
                  {o.city ? (
                    <>
                      {' · '}
                      <bdi>{o.city}</bdi>
                    </>
                  ) : null}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(roles.get(o.id) === 'OWNER' ? 'organization.role.OWNER' : 'organization.role.MEMBER')}
                </Text>
              </Stack>
              <StatusBadge status={o.status} />
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
