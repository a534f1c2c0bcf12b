import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  ADD_TABLES,
  CREATE_GROUP,
  EDITION_STATUSES,
  SET_EDITION_STATUS,
  SET_GROUP_RULES,
  UPDATE_EDITION,
  UPDATE_TABLE,
  type EditionInput,
  type EditionSetup,
  type EditionStatus,
  type ForumGroup,
} from '../../../api/consoleForum';
import { languageName, pickText } from '../../../components/text';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { setupKey } from './EditionPage';
import { EditionForm } from './EditionForm';
import { editionValues } from './editionForm';
import { forumError } from './forumErrors';

const LANGUAGES = /^[a-z]{2}$/;
/** T2 before T10. */
export const byLabel = (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, 'en', { numeric: true });
const splitLanguages = (text: string) =>
  text
    .split(/[\s,;،]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

function useRefresh(editionId: string) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: setupKey(editionId) }),
      queries.invalidateQueries({ queryKey: ['consoleForum', 'editions'] }),
    ]);
}

function StatusSection({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const refresh = useRefresh(setup.forumEdition.id);
  const [status, setStatus] = useState<EditionStatus>(setup.forumEdition.status);
  const save = useMutation({
    mutationFn: () => call(SET_EDITION_STATUS, { id: setup.forumEdition.id, status }),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="status-heading">
      <Title order={2} fz="lg" id="status-heading" mb="xs">
        {t('consoleForum.setup.status')}
      </Title>
      <Group align="flex-end" gap="xs">
        <Select
          label={t('consoleForum.setup.statusLabel')}
          data={EDITION_STATUSES.map((s) => ({ value: s, label: t(`consoleForum.status.${s}`) }))}
          value={status}
          allowDeselect={false}
          onChange={(s) => s && setStatus(s as EditionStatus)}
          w={200}
        />
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={status === setup.forumEdition.status}
        >
          {t('consoleForum.setup.saveStatus')}
        </Button>
      </Group>
      <Text size="sm" mt={4}>
        {t(`consoleForum.status.help.${setup.forumEdition.status}`)}
      </Text>
      {save.error && (
        <Text c="red.8" size="sm" role="alert">
          {forumError(intl, toApiError(save.error))}
        </Text>
      )}
    </section>
  );
}

function SettingsSection({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const refresh = useRefresh(setup.forumEdition.id);
  const update = useMutation({
    mutationFn: (input: EditionInput) =>
      call(UPDATE_EDITION, { input: { ...input, id: setup.forumEdition.id } }),
    onSuccess: refresh,
  });
  const slots = setup.forumSlots.filter((s) => !s.isBreak).length;
  return (
    <section aria-labelledby="settings-heading">
      <Title order={2} fz="lg" id="settings-heading" mb="xs">
        {t('consoleForum.setup.settings')}
      </Title>
      <Text size="sm" mb="xs" data-testid="slot-count">
        {t('consoleForum.setup.slots', { count: slots })}
      </Text>
      {update.error && (
        <Alert color="red" role="alert" mb="sm">
          {forumError(intl, toApiError(update.error))}
        </Alert>
      )}
      {update.isSuccess && !update.error && (
        <Alert color="teal" mb="sm">
          {t('consoleForum.setup.saved')}
        </Alert>
      )}
      <EditionForm
        key={setup.forumEdition.version}
        initial={editionValues(setup.forumEdition, setup.forumSessions)}
        submitLabel="consoleForum.save"
        pending={update.isPending}
        onSubmit={(input) => update.mutate(input)}
      />
    </section>
  );
}

function TablesSection({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const editionId = setup.forumEdition.id;
  const refresh = useRefresh(editionId);
  const [prefix, setPrefix] = useState('T');
  const [count, setCount] = useState('10');
  const [languages, setLanguages] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const existing = new Set(setup.forumTables.map((x) => x.label));
  const add = useMutation({
    mutationFn: () => {
      const n = Number(count);
      const langs = splitLanguages(languages);
      let next = setup.forumTables.length + 1;
      const labels: string[] = [];
      while (labels.length < n) {
        const label = `${prefix.trim()}${next++}`;
        if (!existing.has(label)) labels.push(label);
      }
      return call(ADD_TABLES, {
        editionId,
        tables: labels.map((label) => ({ label, interpreter, languages: langs })),
      });
    },
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => call(UPDATE_TABLE, { input: v }),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="tables-heading">
      <Title order={2} fz="lg" id="tables-heading" mb="xs">
        {t('consoleForum.tables.title', { count: setup.forumTables.filter((x) => x.active).length })}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^\d{1,3}$/.test(count) || Number(count) < 1) return setProblem('count');
          if (!prefix.trim()) return setProblem('prefix');
          if (splitLanguages(languages).some((l) => !LANGUAGES.test(l))) return setProblem('languages');
          setProblem(null);
          add.mutate();
        }}
      >
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="xs">
          <TextInput
            label={t('consoleForum.tables.prefix')}
            dir="ltr"
            value={prefix}
            onChange={(e) => setPrefix(e.currentTarget.value)}
            error={problem === 'prefix' ? t('consoleForum.problem.required') : undefined}
          />
          <TextInput
            label={t('consoleForum.tables.count')}
            dir="ltr"
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.currentTarget.value)}
            error={problem === 'count' ? t('consoleForum.problem.number') : undefined}
          />
          <TextInput
            label={t('consoleForum.tables.languages')}
            description={t('consoleForum.tables.languagesHelp')}
            dir="ltr"
            value={languages}
            onChange={(e) => setLanguages(e.currentTarget.value)}
            error={problem === 'languages' ? t('consoleForum.problem.languages') : undefined}
          />
          <Checkbox
            mt="xl"
            label={t('consoleForum.tables.interpreter')}
            checked={interpreter}
            onChange={(e) => setInterpreter(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Button type="submit" loading={add.isPending}>
          {t('consoleForum.tables.add')}
        </Button>
        {add.error && (
          <Text c="red.8" size="sm" role="alert">
            {forumError(intl, toApiError(add.error))}
          </Text>
        )}
      </form>
      {setup.forumTables.length > 0 && (
        <div className="table-scroll">
          <Table mt="sm" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consoleForum.tables.label')}</Table.Th>
                <Table.Th>{t('consoleForum.tables.languages')}</Table.Th>
                <Table.Th>{t('consoleForum.tables.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...setup.forumTables].sort(byLabel).map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td dir="ltr">{x.label}</Table.Td>
                  <Table.Td>
                    {x.interpreter && (
                      <Badge size="sm" variant="light" me={4}>
                        {t('consoleForum.tables.interpreter')}
                      </Badge>
                    )}
                    {x.languages.map((l) => languageName(l, locale)).join(locale === 'ar' ? '، ' : ', ')}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={x.active}
                      aria-label={t('consoleForum.tables.activeNamed', { name: x.label })}
                      onChange={(e) => toggle.mutate({ id: x.id, active: e.currentTarget.checked })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}

function GroupRules({ group, setup }: { group: ForumGroup; setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const refresh = useRefresh(setup.forumEdition.id);
  const current = setup.forumGroupRules.filter((r) => r.groupId === group.id).map((r) => r.mayMeetGroupId);
  const [chosen, setChosen] = useState<string[]>(current);
  const save = useMutation({
    mutationFn: () => call(SET_GROUP_RULES, { groupId: group.id, mayMeetGroupIds: chosen }),
    onSuccess: refresh,
  });
  return (
    <Stack gap={4}>
      <Checkbox.Group
        label={t('consoleForum.groups.mayMeet', { name: pickText(group.name, locale) || group.code })}
        description={t('consoleForum.groups.mayMeetHelp')}
        value={chosen}
        onChange={setChosen}
      >
        <Group gap="sm" mt={4}>
          {setup.forumGroups.map((g) => (
            <Checkbox key={g.id} value={g.id} label={<bdi>{pickText(g.name, locale) || g.code}</bdi>} />
          ))}
        </Group>
      </Checkbox.Group>
      <Button
        size="xs"
        variant="light"
        onClick={() => save.mutate()}
        loading={save.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('consoleForum.groups.saveRules')}
      </Button>
      {save.error && (
        <Text c="red.8" size="sm" role="alert">
          {forumError(intl, toApiError(save.error))}
        </Text>
      )}
    </Stack>
  );
}

function GroupsSection({ setup }: { setup: EditionSetup }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const refresh = useRefresh(setup.forumEdition.id);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [maxMeetings, setMaxMeetings] = useState('');
  const [maxRequests, setMaxRequests] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      call(CREATE_GROUP, {
        editionId: setup.forumEdition.id,
        input: {
          code: code.trim(),
          name: { [locale]: name.trim() },
          maxMeetings: maxMeetings ? Number(maxMeetings) : null,
          maxRequests: maxRequests ? Number(maxRequests) : null,
        },
      }),
    onSuccess: async () => {
      setCode('');
      setName('');
      await refresh();
    },
  });
  const num = (v: string) => v === '' || /^\d{1,4}$/.test(v);
  return (
    <section aria-labelledby="groups-heading">
      <Title order={2} fz="lg" id="groups-heading" mb="xs">
        {t('consoleForum.groups.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('consoleForum.groups.help')}
      </Text>
      <Stack gap="md" component="ul" className="plain-list">
        {setup.forumGroups.map((g) => (
          <li key={g.id}>
            <Text fw={600}>
              <bdi>{pickText(g.name, locale) || g.code}</bdi> <span dir="ltr">({g.code})</span>
            </Text>
            <Text size="sm">
              {t('consoleForum.groups.maxMeetings')}: <span dir="ltr">{g.maxMeetings ?? '–'}</span> ·{' '}
              {t('consoleForum.groups.maxRequests')}: <span dir="ltr">{g.maxRequests ?? '–'}</span>
            </Text>
            <GroupRules group={g} setup={setup} />
          </li>
        ))}
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^[A-Za-z0-9_-]{1,20}$/.test(code.trim())) return setProblem('code');
          if (!name.trim()) return setProblem('name');
          if (!num(maxMeetings) || !num(maxRequests)) return setProblem('number');
          setProblem(null);
          create.mutate();
        }}
      >
        <Title order={3} fz="md" mt="md" mb="xs">
          {t('consoleForum.groups.add')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="xs">
          <TextInput
            label={t('consoleForum.groups.code')}
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={problem === 'code' ? t('consoleForum.problem.code') : undefined}
          />
          <TextInput
            label={t('consoleForum.groups.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem === 'name' ? t('consoleForum.problem.required') : undefined}
          />
          <TextInput
            label={t('consoleForum.groups.maxMeetings')}
            dir="ltr"
            inputMode="numeric"
            value={maxMeetings}
            onChange={(e) => setMaxMeetings(e.currentTarget.value)}
            error={problem === 'number' ? t('consoleForum.problem.number') : undefined}
          />
          <TextInput
            label={t('consoleForum.groups.maxRequests')}
            dir="ltr"
            inputMode="numeric"
            value={maxRequests}
            onChange={(e) => setMaxRequests(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Button type="submit" variant="light" loading={create.isPending}>
          {t('consoleForum.groups.create')}
        </Button>
        {create.error && (
          <Text c="red.8" size="sm" role="alert">
            {forumError(intl, toApiError(create.error))}
          </Text>
        )}
      </form>
    </section>
  );
}

/** The set-up tab: status, settings and sessions, tables, groups and who may meet whom. */
export function SetupPanel({ setup }: { setup: EditionSetup }) {
  return (
    <Stack gap="xl">
      <StatusSection setup={setup} />
      <SettingsSection setup={setup} />
      <TablesSection setup={setup} />
      <GroupsSection setup={setup} />
    </Stack>
  );
}
