import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call } from '../../api/client';
import {
  CREATE_SAVED_SEARCH,
  DELETE_SAVED_SEARCH,
  FINANCIER_DESK,
  INSTRUMENTS,
  SET_CRITERIA,
  STAGES,
  type SavedSearch,
} from '../../api/inbox';
import { countryName } from '../../components/text';
import type { MessageKey } from '../../i18n/catalogues';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatWhen, inboxError, OrganizationChooser, OrganizationName, SignedIn } from './common';
import { criteriaToForm, EMPTY_CRITERIA, formToCriteria, type CriteriaForm } from './financierCriteria';
import { SuggestionList } from './SuggestionsPage';
import './inbox.css';

/** The countries offered in the editor: the Arab League's members and the usual partners. */
const COUNTRIES = [
  'DZ',
  'TN',
  'MA',
  'MR',
  'LY',
  'EG',
  'SD',
  'SA',
  'AE',
  'QA',
  'KW',
  'BH',
  'OM',
  'YE',
  'JO',
  'LB',
  'SY',
  'IQ',
  'PS',
  'SO',
  'DJ',
  'KM',
  'FR',
  'TR',
];
const CURRENCIES = ['DZD', 'TND', 'MAD', 'EGP', 'SAR', 'AED', 'QAR', 'KWD', 'USD', 'EUR'];

function CriteriaEditor({
  form,
  setForm,
  sectors,
}: {
  form: CriteriaForm;
  setForm: (f: CriteriaForm) => void;
  sectors: { code: string; label: string }[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const set = <K extends keyof CriteriaForm>(k: K, v: CriteriaForm[K]) => setForm({ ...form, [k]: v });
  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('inbox.financier.sectors')}
        data={sectors.map((s) => ({ value: s.code, label: `${s.code} · ${s.label}` }))}
        value={form.sectors}
        onChange={(v) => set('sectors', v)}
        searchable
        clearable
      />
      <MultiSelect
        label={t('inbox.financier.countries')}
        description={t('inbox.financier.anywhere')}
        data={COUNTRIES.map((c) => ({ value: c, label: countryName(c, locale) }))}
        value={form.countries}
        onChange={(v) => set('countries', v)}
        searchable
        clearable
      />
      <MultiSelect
        label={t('inbox.financier.stages')}
        data={STAGES.map((s) => ({ value: s, label: t(`inbox.stage.${s}` as MessageKey) }))}
        value={form.stages}
        onChange={(v) => set('stages', v)}
      />
      <MultiSelect
        label={t('inbox.financier.instruments')}
        data={INSTRUMENTS.map((s) => ({ value: s, label: t(`inbox.instrument.${s}` as MessageKey) }))}
        value={form.instruments}
        onChange={(v) => set('instruments', v)}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('inbox.financier.ticketMin')}
          value={form.ticketMin}
          onChange={(v) => set('ticketMin', typeof v === 'number' ? v : '')}
          min={0}
          thousandSeparator=" "
          dir="ltr"
        />
        <NumberInput
          label={t('inbox.financier.ticketMax')}
          value={form.ticketMax}
          onChange={(v) => set('ticketMax', typeof v === 'number' ? v : '')}
          min={0}
          thousandSeparator=" "
          dir="ltr"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('inbox.financier.currency')}
          data={CURRENCIES}
          value={form.currency}
          onChange={(v) => set('currency', v)}
          clearable
        />
        <NumberInput
          label={t('inbox.financier.minAge')}
          value={form.minAgeYears}
          onChange={(v) => set('minAgeYears', typeof v === 'number' ? v : '')}
          min={0}
          max={200}
          allowDecimal={false}
        />
      </Group>
      <Checkbox
        label={t('inbox.financier.innovation')}
        checked={form.innovationWanted}
        onChange={(e) => set('innovationWanted', e.currentTarget.checked)}
      />
    </Stack>
  );
}

function SavedSearchCard({ search, organizationId }: { search: SavedSearch; organizationId: string }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call(DELETE_SAVED_SEARCH, { id: search.id, organizationId }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['inbox', 'financier'] }),
  });
  return (
    <Card withBorder padding="sm" data-testid="saved-search">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>
          <bdi>{search.name}</bdi>
        </Text>
        <Badge variant="light" color={search.alertsEnabled ? 'teal' : 'gray'}>
          {t(search.alertsEnabled ? 'inbox.financier.alertsOn' : 'inbox.financier.alertsOff')}
        </Badge>
      </Group>
      {search.query && (
        <Text size="sm">
          {t('inbox.financier.words')} <bdi>{search.query}</bdi>
        </Text>
      )}
      <Text size="sm">{t('inbox.financier.minScoreIs', { count: Math.round(search.minScore * 100) })}</Text>
      <Group mt="xs">
        <Button
          size="compact-md"
          variant="default"
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
        >
          {t('inbox.financier.delete')}
        </Button>
      </Group>
      {remove.error && (
        <Text size="sm" c="red.8" role="alert">
          {inboxError(intl, remove.error)}
        </Text>
      )}
    </Card>
  );
}

function FinancierDesk({ organizationId }: { organizationId: string }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const desk = useQuery({
    queryKey: ['inbox', 'financier', organizationId, locale],
    queryFn: () => call(FINANCIER_DESK, { organizationId, lang: locale }),
  });
  const [form, setForm] = useState<CriteriaForm>(EMPTY_CRITERIA);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [name, setName] = useState('');
  const [words, setWords] = useState('');
  const [minScore, setMinScore] = useState(50);
  const [alerts, setAlerts] = useState(true);
  const loaded = desk.data?.financierCriteria;
  useEffect(() => {
    if (desk.data) setForm(criteriaToForm(desk.data.financierCriteria));
  }, [loaded?.updatedAt, desk.data]);
  const checked = () => {
    const out = formToCriteria(form);
    if ('problem' in out) {
      setProblem(t(`inbox.financier.problem.${out.problem}` as MessageKey));
      return null;
    }
    setProblem(null);
    return out.input;
  };
  const refresh = () => queries.invalidateQueries({ queryKey: ['inbox'] });
  const save = useMutation({
    mutationFn: async () => {
      const input = checked();
      if (!input) return false;
      await call(SET_CRITERIA, { organizationId, input });
      return true;
    },
    onSuccess: (ok) => {
      setSaved(ok);
      void refresh();
    },
  });
  const create = useMutation({
    mutationFn: async () => {
      const criteria = checked();
      if (!criteria) return false;
      await call(CREATE_SAVED_SEARCH, {
        organizationId,
        input: {
          name: name.trim(),
          query: words.trim() || null,
          minScore: minScore / 100,
          alertsEnabled: alerts,
          criteria,
        },
      });
      return true;
    },
    onSuccess: (ok) => {
      if (ok) setName('');
      void refresh();
    },
  });
  if (desk.isPending) return <Loader role="status" aria-label={t('inbox.loading')} />;
  if (desk.error)
    return (
      <Alert color="red" role="alert">
        {inboxError(intl, desk.error)}
      </Alert>
    );
  const error = save.error ?? create.error;
  const searchName = (id: string) => desk.data.savedSearches.find((s) => s.id === id)?.name ?? '';
  return (
    <Stack gap="lg">
      <section aria-labelledby="fin-criteria">
        <Title order={2} size="h3" id="fin-criteria" mb="xs">
          {t('inbox.financier.criteria')}
        </Title>
        <Text size="sm" mb="xs">
          {t('inbox.financier.criteriaIntro')}
        </Text>
        <CriteriaEditor
          form={form}
          setForm={(f) => (setForm(f), setSaved(false))}
          sectors={desk.data.sectors}
        />
        <Group mt="sm">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('inbox.financier.save')}
          </Button>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {t('inbox.financier.saved')}
            </Text>
          )}
        </Group>
        {problem && (
          <Text size="sm" c="red.8" role="alert" mt={4}>
            {problem}
          </Text>
        )}
        {error && (
          <Text size="sm" c="red.8" role="alert" mt={4}>
            {inboxError(intl, error)}
          </Text>
        )}
      </section>

      <section aria-labelledby="fin-candidates">
        <Title order={2} size="h3" id="fin-candidates" mb="xs">
          {t('inbox.financier.candidates')}
        </Title>
        <SuggestionList organizationId={organizationId} kind="FINANCING" />
      </section>

      <section aria-labelledby="fin-searches">
        <Title order={2} size="h3" id="fin-searches" mb="xs">
          {t('inbox.financier.searches')}
        </Title>
        <Stack gap="xs">
          {desk.data.savedSearches.length === 0 && <Text c="dimmed">{t('inbox.financier.noSearches')}</Text>}
          {desk.data.savedSearches.map((s) => (
            <SavedSearchCard key={s.id} search={s} organizationId={organizationId} />
          ))}
          <Card withBorder padding="sm">
            <Stack gap="xs">
              <Text fw={600}>{t('inbox.financier.newSearch')}</Text>
              <TextInput
                label={t('inbox.financier.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={120}
                required
              />
              <TextInput
                label={t('inbox.financier.words')}
                value={words}
                onChange={(e) => setWords(e.currentTarget.value)}
                maxLength={200}
              />
              <div>
                <Text size="sm" id="min-score-label">
                  {t('inbox.financier.minScoreIs', { count: minScore })}
                </Text>
                <Slider
                  value={minScore}
                  onChange={setMinScore}
                  min={0}
                  max={100}
                  step={5}
                  label={null}
                  thumbProps={{ 'aria-labelledby': 'min-score-label' }}
                />
              </div>
              <Switch
                label={t('inbox.financier.alerts')}
                checked={alerts}
                onChange={(e) => setAlerts(e.currentTarget.checked)}
              />
              <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!name.trim()}>
                {t('inbox.financier.create')}
              </Button>
            </Stack>
          </Card>
        </Stack>
      </section>

      <section aria-labelledby="fin-alerts">
        <Title order={2} size="h3" id="fin-alerts" mb="xs">
          {t('inbox.financier.alertList')}
        </Title>
        {desk.data.savedSearchAlerts.length === 0 ? (
          <Text c="dimmed">{t('inbox.financier.noAlerts')}</Text>
        ) : (
          <Stack gap="xs" component="ul" className="plain-list">
            {desk.data.savedSearchAlerts.map((a) => (
              <li key={a.id}>
                <Card withBorder padding="sm" data-testid="alert">
                  <Group justify="space-between" wrap="nowrap">
                    <OrganizationName id={a.organizationId} />
                    <Badge variant="light">
                      {t('inbox.suggestions.score', { count: Math.round(a.score * 100) })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    <bdi>{searchName(a.savedSearchId)}</bdi> ·{' '}
                    <time dateTime={a.createdAt}>{formatWhen(a.createdAt, locale)}</time>
                  </Text>
                </Card>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

/** /searches: a financier's screening criteria, ranked candidates, saved searches and their alerts. */
export function SearchesPage() {
  const t = useT();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  return (
    <SignedIn title={t('inbox.financier.title')}>
      <Stack gap="md">
        <Title order={1}>{t('inbox.financier.title')}</Title>
        <OrganizationChooser
          value={organizationId}
          onChange={setOrganizationId}
          filter={(o) => o.kind === 'FINANCIER'}
          empty={t('inbox.financier.notFinancier')}
        >
          {(o) => <FinancierDesk organizationId={o.id} />}
        </OrganizationChooser>
      </Stack>
    </SignedIn>
  );
}
