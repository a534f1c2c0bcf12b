import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { EditionInput, SessionKind } from '../../../api/consoleForum';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/LocaleProvider';
import { emptySession, toEditionInput, type EditionValues, type Problems } from './editionForm';

/** The edition's settings and sessions, checked before they are sent; `onSubmit` sends them. */
export function EditionForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
}: {
  initial: EditionValues;
  submitLabel: MessageKey;
  pending: boolean;
  onSubmit: (input: EditionInput) => void;
}) {
  const t = useT();
  const [v, setV] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const set = (f: keyof EditionValues) => (e: React.ChangeEvent<HTMLInputElement>) => {
    // Read now: the event's target is gone by the time the updater runs.
    const value = e.currentTarget.value;
    setV((prev) => ({ ...prev, [f]: value }));
  };
  const err = (key: string) =>
    problems[key] ? t(`consoleForum.problem.${problems[key]}` as MessageKey) : undefined;
  const setSession = (i: number, patch: Partial<EditionValues['sessions'][number]>) =>
    setV((prev) => ({ ...prev, sessions: prev.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const ltr = { dir: 'ltr' as const };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = toEditionInput(v);
        if ('problems' in result) return setProblems(result.problems);
        setProblems({});
        onSubmit(result.input);
      }}
    >
      <Stack gap="sm">
        <Fieldset legend={t('consoleForum.edition.name')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('consoleForum.edition.nameAr')}
              dir="rtl"
              lang="ar"
              value={v.nameAr}
              onChange={set('nameAr')}
              error={err('name')}
            />
            <TextInput
              label={t('consoleForum.edition.nameFr')}
              dir="ltr"
              lang="fr"
              value={v.nameFr}
              onChange={set('nameFr')}
            />
            <TextInput
              label={t('consoleForum.edition.nameEn')}
              dir="ltr"
              lang="en"
              value={v.nameEn}
              onChange={set('nameEn')}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <TextInput
            label={t('consoleForum.edition.startsOn')}
            placeholder="2027-03-14"
            {...ltr}
            value={v.startsOn}
            onChange={set('startsOn')}
            error={err('startsOn')}
          />
          <TextInput
            label={t('consoleForum.edition.endsOn')}
            placeholder="2027-03-15"
            {...ltr}
            value={v.endsOn}
            onChange={set('endsOn')}
            error={err('endsOn')}
          />
          <TextInput
            label={t('consoleForum.edition.timezone')}
            {...ltr}
            value={v.timezone}
            onChange={set('timezone')}
            error={err('timezone')}
          />
          <TextInput label={t('consoleForum.edition.venue')} value={v.venue} onChange={set('venue')} />
          <TextInput
            label={t('consoleForum.edition.slotMinutes')}
            inputMode="numeric"
            {...ltr}
            value={v.slotMinutes}
            onChange={set('slotMinutes')}
            error={err('slotMinutes')}
          />
          <TextInput
            label={t('consoleForum.edition.maxMeetings')}
            description={t('consoleForum.edition.noLimit')}
            inputMode="numeric"
            {...ltr}
            value={v.maxMeetings}
            onChange={set('maxMeetings')}
            error={err('maxMeetings')}
          />
          <TextInput
            label={t('consoleForum.edition.maxRequests')}
            description={t('consoleForum.edition.noLimit')}
            inputMode="numeric"
            {...ltr}
            value={v.maxRequests}
            onChange={set('maxRequests')}
            error={err('maxRequests')}
          />
          <TextInput
            label={t('consoleForum.edition.fairness')}
            inputMode="numeric"
            {...ltr}
            value={v.fairness}
            onChange={set('fairness')}
            error={err('fairness')}
          />
          <TextInput
            label={t('consoleForum.edition.requestExpiryHours')}
            inputMode="numeric"
            {...ltr}
            value={v.requestExpiryHours}
            onChange={set('requestExpiryHours')}
            error={err('requestExpiryHours')}
          />
          <TextInput
            label={t('consoleForum.edition.reminderMinutes')}
            description={t('consoleForum.edition.reminderNone')}
            inputMode="numeric"
            {...ltr}
            value={v.reminderMinutes}
            onChange={set('reminderMinutes')}
            error={err('reminderMinutes')}
          />
        </SimpleGrid>

        <Fieldset legend={t('consoleForum.edition.sessions')}>
          <Stack gap="sm">
            {v.sessions.map((s, i) => (
              <Group key={i} align="flex-end" gap="xs" wrap="wrap" className="session-row">
                <TextInput
                  w={130}
                  label={t('consoleForum.session.day')}
                  placeholder="2027-03-14"
                  {...ltr}
                  value={s.day}
                  onChange={(e) => setSession(i, { day: e.currentTarget.value })}
                  error={err(`sessions.${i}.day`)}
                />
                <Select
                  w={140}
                  label={t('consoleForum.session.kind')}
                  data={(['MORNING', 'AFTERNOON'] as SessionKind[]).map((k) => ({
                    value: k,
                    label: t(`consoleForum.session.${k}`),
                  }))}
                  value={s.kind}
                  allowDeselect={false}
                  onChange={(k) => k && setSession(i, { kind: k as SessionKind })}
                />
                <TextInput
                  w={80}
                  label={t('consoleForum.session.start')}
                  {...ltr}
                  value={s.start}
                  onChange={(e) => setSession(i, { start: e.currentTarget.value })}
                  error={err(`sessions.${i}.start`)}
                />
                <TextInput
                  w={80}
                  label={t('consoleForum.session.end')}
                  {...ltr}
                  value={s.end}
                  onChange={(e) => setSession(i, { end: e.currentTarget.value })}
                  error={err(`sessions.${i}.end`)}
                />
                <TextInput
                  w={200}
                  label={t('consoleForum.session.breaks')}
                  placeholder="10:30-10:45"
                  {...ltr}
                  value={s.breaks}
                  onChange={(e) => setSession(i, { breaks: e.currentTarget.value })}
                  error={err(`sessions.${i}.breaks`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('consoleForum.session.remove', { count: i + 1 })}
                  onClick={() =>
                    setV((prev) => ({ ...prev, sessions: prev.sessions.filter((_, j) => j !== i) }))
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {v.sessions.length === 0 && <Text size="sm">{t('consoleForum.session.none')}</Text>}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setV((prev) => ({
                  ...prev,
                  sessions: [...prev.sessions, emptySession(prev.sessions.at(-1)?.day ?? prev.startsOn)],
                }))
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('consoleForum.session.add')}
            </Button>
          </Stack>
        </Fieldset>
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t(submitLabel)}
        </Button>
      </Stack>
    </form>
  );
}
