import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  REGISTER_DELEGATE,
  SET_UNAVAILABLE,
  type ForumDelegate,
  type ForumSlot,
  type MyOrganization,
} from '../../api/forum';
import { errorMessage, pickText } from '../../components/text';
import { timeOf } from '../../forum/agendaStore';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf } from '../../i18n/locale';
import { dayLabel } from './common';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function RegisterForm({ editionId, organizationId }: { editionId: string; organizationId: string }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<{ name?: string; email?: string }>({});
  const register = useMutation({
    mutationFn: (input: { name: string; email: string }) =>
      call(REGISTER_DELEGATE, { input: { editionId, organizationId, ...input } }),
    onSuccess: async () => {
      setName('');
      setEmail('');
      await queries.invalidateQueries({ queryKey: ['forum', 'delegates', editionId] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = {
          ...(name.trim() ? {} : { name: t('forum.delegates.nameRequired') }),
          ...(EMAIL.test(email.trim()) ? {} : { email: t('forum.delegates.emailInvalid') }),
        };
        setProblems(found);
        if (!found.name && !found.email) register.mutate({ name: name.trim(), email: email.trim() });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('forum.delegates.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problems.name}
          autoComplete="name"
          dir="auto"
        />
        <TextInput
          label={t('forum.delegates.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problems.email}
          autoComplete="email"
          dir="ltr"
        />
        <Group>
          <Button
            type="submit"
            loading={register.isPending}
            leftSection={<IconUserPlus size={18} aria-hidden />}
          >
            {t('forum.delegates.submit')}
          </Button>
        </Group>
        {register.data && (
          <Alert color="teal" role="status">
            {t('forum.delegates.registered', { name: register.data.registerDelegate.name })}
          </Alert>
        )}
        {register.error && (
          <Alert color="red" role="alert">
            {errorMessage(intl, toApiError(register.error))}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** The slots a delegate cannot attend, ticked by day; breaks are not offered. */
function UnavailableSlots({
  delegate,
  slots,
  timezone,
  editionId,
  onClose,
}: {
  delegate: ForumDelegate;
  slots: ForumSlot[];
  timezone: string;
  editionId: string;
  onClose(): void;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const intlLocale = intlLocaleOf(locale);
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(delegate.unavailableSlotIds);
  const save = useMutation({
    mutationFn: () =>
      call(SET_UNAVAILABLE, {
        input: { id: delegate.id, organizationId: delegate.organizationId, unavailableSlotIds: chosen },
      }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['forum', 'delegates', editionId] });
      onClose();
    },
  });
  const open = slots.filter((s) => !s.isBreak).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const days = [...new Set(open.map((s) => s.day))];
  return (
    <Stack gap="sm">
      <Text size="sm">{t('forum.delegates.unavailableHint')}</Text>
      <Checkbox.Group value={chosen} onChange={setChosen} label={t('forum.delegates.unavailable')}>
        <Stack gap="md" mt="xs">
          {days.map((day) => (
            <fieldset key={day} className="slot-day">
              <legend>{dayLabel(day, intlLocale)}</legend>
              <div className="slot-grid">
                {open
                  .filter((s) => s.day === day)
                  .map((s) => (
                    <Checkbox
                      key={s.id}
                      value={s.id}
                      label={
                        <span dir="ltr">
                          {timeOf(s.startsAt, intlLocale, timezone)}–{timeOf(s.endsAt, intlLocale, timezone)}
                        </span>
                      }
                    />
                  ))}
              </div>
            </fieldset>
          ))}
        </Stack>
      </Checkbox.Group>
      {save.error && (
        <Alert color="red" role="alert">
          {errorMessage(intl, toApiError(save.error))}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('forum.delegates.close')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('forum.delegates.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One organisation's delegates for the edition: the list, registration, unavailable slots. */
export function DelegatesSection({
  editionId,
  organization,
  delegates,
  slots,
  timezone,
  open,
}: {
  editionId: string;
  organization: MyOrganization;
  delegates: ForumDelegate[];
  slots: ForumSlot[];
  timezone: string;
  open: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<ForumDelegate | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const headingId = `delegates-${organization.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t('forum.delegates.title', { name: pickText(organization.name, locale) })}
      </Title>
      <Stack gap="xs">
        {delegates.length === 0 && <Text c="dimmed">{t('forum.delegates.empty')}</Text>}
        {delegates.map((d) => (
          <Card key={d.id} withBorder padding="sm" data-testid="delegate">
            <Text fw={600}>
              <bdi>{d.name}</bdi>
            </Text>
            <Text size="sm">
              <span dir="ltr">{d.email}</span>
            </Text>
            {d.status === 'WITHDRAWN' ? (
              <Badge color="gray" variant="light">
                {t('forum.delegates.withdrawn')}
              </Badge>
            ) : (
              <Group justify="space-between" gap="xs" mt={4}>
                <Text size="sm" data-testid="unavailable-count">
                  {t('forum.delegates.unavailableCount', { count: d.unavailableSlotIds.length })}
                </Text>
                {open && (
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(d)}>
                    {t('forum.delegates.edit')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
        {open && (
          <Card withBorder padding="sm">
            <Title order={3} size="h4" mb="xs">
              {t('forum.delegates.add')}
            </Title>
            <RegisterForm editionId={editionId} organizationId={organization.id} />
          </Card>
        )}
      </Stack>
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? <bdi>{editing.name}</bdi> : null}
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('forum.delegates.close') }}
      >
        {editing && (
          <UnavailableSlots
            delegate={editing}
            slots={slots}
            timezone={timezone}
            editionId={editionId}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </section>
  );
}
