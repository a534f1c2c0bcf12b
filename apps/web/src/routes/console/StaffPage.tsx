import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { PLATFORM_STAFF, SET_PLATFORM_ROLES, USER_BY_EMAIL, type StaffMember } from '../../api/console';
import type { PlatformRole } from '../../api/operations';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/LocaleProvider';
import { consoleError } from './errors';

const ROLES: PlatformRole[] = ['ORGANISER', 'ADMIN'];

/** The roles after granting or revoking one. */
export const toggled = (roles: PlatformRole[], role: PlatformRole, grant: boolean): PlatformRole[] =>
  grant ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role);

function Person({ person, onChanged }: { person: StaffMember; onChanged(message: string): void }) {
  const t = useT();
  const intl = useIntl();
  const { me } = useSession();
  const change = useMutation({
    mutationFn: ({ role, grant }: { role: PlatformRole; grant: boolean }) =>
      call(SET_PLATFORM_ROLES, { userId: person.userId, roles: toggled(person.roles, role, grant) }),
    onSuccess: (_r, { role, grant }) =>
      onChanged(
        t(grant ? 'console.staff.granted' : 'console.staff.revoked', {
          name: person.displayName,
          details: t(`console.staff.role.${role}`),
        }),
      ),
  });
  const error = change.error ? toApiError(change.error) : null;
  return (
    <Card withBorder component="li" data-testid="staff-member">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} fz="md">
            <bdi>{person.displayName}</bdi>
            {person.userId === me?.id && (
              <Text span c="dimmed" fz="sm" ms={6}>
                {t('console.staff.you')}
              </Text>
            )}
          </Title>
          <Group gap={4}>
            {person.roles.length === 0 && (
              <Badge color="gray" variant="light">
                {t('console.staff.noRole')}
              </Badge>
            )}
            {person.roles.map((r) => (
              <Badge key={r} variant="light" color={r === 'ADMIN' ? 'indigo' : 'teal'}>
                {t(`console.staff.role.${r}`)}
              </Badge>
            ))}
          </Group>
        </Group>
        <Text fz="sm" dir="ltr" style={{ textAlign: 'start', overflowWrap: 'anywhere' }}>
          {person.email}
        </Text>
        {error && (
          <Alert color="red" p="xs">
            {error.code === 'CONFLICT' ? t('console.staff.lastAdmin') : consoleError(intl, error)}
          </Alert>
        )}
        <Group gap="xs">
          {ROLES.map((role) => {
            const has = person.roles.includes(role);
            return (
              <Button
                key={role}
                size="compact-sm"
                variant={has ? 'outline' : 'filled'}
                color={has ? 'red' : undefined}
                loading={change.isPending && change.variables?.role === role}
                disabled={change.isPending}
                onClick={() => change.mutate({ role, grant: !has })}
              >
                {t(has ? `console.staff.revoke.${role}` : `console.staff.grant.${role}`, {
                  name: person.displayName,
                })}
              </Button>
            );
          })}
        </Group>
      </Stack>
    </Card>
  );
}

/** /console/staff (admins): who holds a platform role; find an account by email to appoint it. */
export function StaffPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const staff = useQuery({
    queryKey: ['console', 'staff'],
    queryFn: async () => (await call(PLATFORM_STAFF)).platformStaff,
  });
  const find = useMutation({
    mutationFn: async (address: string) => (await call(USER_BY_EMAIL, { email: address })).userByEmail,
  });
  const onChanged = (message: string) => {
    setDone(message);
    void queries.invalidateQueries({ queryKey: ['console', 'staff'] });
    if (find.data) find.mutate(find.data.email);
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.staff.title')}</Title>
      <div role="status" aria-live="polite">
        {done && (
          <Alert
            color="teal"
            withCloseButton
            closeButtonLabel={t('console.close')}
            onClose={() => setDone(null)}
          >
            <bdi>{done}</bdi>
          </Alert>
        )}
      </div>
      <Card withBorder component="section" aria-labelledby="appoint-title">
        <Stack gap="xs">
          <Title order={2} fz="lg" id="appoint-title">
            {t('console.staff.appoint')}
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (email.trim()) find.mutate(email.trim());
            }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                type="email"
                dir="ltr"
                label={t('console.staff.email')}
                description={t('console.staff.emailHelp')}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                required
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                loading={find.isPending}
                leftSection={<IconSearch size={16} aria-hidden />}
              >
                {t('console.staff.find')}
              </Button>
            </Group>
          </form>
          {find.error && <Alert color="red">{consoleError(intl, toApiError(find.error))}</Alert>}
          {find.isSuccess && !find.data && <Alert color="gray">{t('console.staff.notFound')}</Alert>}
          {find.data && (
            <Stack component="ul" className="plain-list">
              <Person person={find.data} onChanged={onChanged} />
            </Stack>
          )}
        </Stack>
      </Card>
      <Title order={2} fz="lg">
        {t('console.staff.current')}
      </Title>
      {staff.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {staff.error && <Alert color="red">{consoleError(intl, toApiError(staff.error))}</Alert>}
      <Stack component="ul" gap="sm" className="plain-list">
        {staff.data?.map((p) => (
          <Person key={p.userId} person={p} onChanged={onChanged} />
        ))}
      </Stack>
    </Stack>
  );
}
