import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { LocalizedText, OrganizationKind } from '../../api/operations';
import type { Capability, FinancierTerms, Innovation, OrganizationInput } from '../../api/organization';
import { useT } from '../../i18n/LocaleProvider';
import { LOCALES, type Locale } from '../../i18n/locale';
import { FormError } from '../AuthPages';
import { TaxonomyMultiSelect, TaxonomySelect, useTaxonomies } from './common';

export interface ProfileValues extends OrganizationInput {
  kind: OrganizationKind | null;
}

const NO_INNOVATION: Innovation = {
  patents: 0,
  utilityModels: 0,
  industrialDesigns: 0,
  trademarks: 0,
  rdActivity: false,
};
const CURRENCIES = ['DZD', 'EUR', 'USD', 'SAR', 'AED', 'TND', 'MAD', 'EGP', 'QAR', 'KWD'];

export const emptyProfile = (): ProfileValues => ({
  kind: null,
  name: { ar: '', fr: '', en: '' },
  description: { ar: '', fr: '', en: '' },
  country: 'DZ',
  regionCode: null,
  city: null,
  website: null,
  foundedYear: null,
  employeeBand: null,
  sectors: [],
  certifications: [],
  capabilities: [],
  innovation: NO_INNOVATION,
  financier: { instruments: [], ticketMin: null, ticketMax: null, currency: null },
});

/** What the api receives: blank texts left out, the wilaya only for Algeria, terms only for financiers. */
export function toInput(v: ProfileValues): OrganizationInput {
  const text = (l: LocalizedText): LocalizedText => ({
    ar: l.ar?.trim() || null,
    fr: l.fr?.trim() || null,
    en: l.en?.trim() || null,
  });
  return {
    name: text(v.name),
    description: text(v.description),
    country: v.country,
    regionCode: v.country === 'DZ' ? v.regionCode : null,
    city: v.city?.trim() || null,
    website: v.website?.trim() || null,
    foundedYear: v.foundedYear,
    employeeBand: v.employeeBand,
    sectors: v.sectors,
    certifications: v.certifications,
    capabilities: v.capabilities,
    innovation: v.innovation,
    ...(v.kind === 'FINANCIER' && v.financier ? { financier: v.financier } : {}),
  };
}

/** Problems the form finds before sending, in the interface language. */
export function problemsOf(v: ProfileValues): Partial<Record<'kind' | 'name' | 'country' | 'website', true>> {
  const out: Partial<Record<'kind' | 'name' | 'country' | 'website', true>> = {};
  if (!v.kind) out.kind = true;
  if (!LOCALES.some((l) => v.name[l]?.trim())) out.name = true;
  if (!v.country) out.country = true;
  if (v.website?.trim() && !/^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v.website.trim())) out.website = true;
  return out;
}

/** Three fields side by side (one under another on phones), one per language, each in its own direction. */
function ThreeLanguages({
  label,
  value,
  onChange,
  multiline,
  error,
}: {
  label: string;
  value: LocalizedText;
  onChange(v: LocalizedText): void;
  multiline?: boolean;
  error?: string | null;
}) {
  const t = useT();
  const Field = multiline ? Textarea : TextInput;
  return (
    <Fieldset legend={label} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {LOCALES.map((l: Locale) => (
          <Field
            key={l}
            label={t(`lang.${l}`)}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            value={value[l] ?? ''}
            onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
            autosize={multiline || undefined}
            minRows={multiline ? 3 : undefined}
            data-testid={`${multiline ? 'description' : 'name'}-${l}`}
          />
        ))}
      </SimpleGrid>
      {error ? (
        <Text size="sm" c="red.9" mt={4} role="alert">
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={title}
      radius="md"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

/** The profile editor: creating (kind chosen here) or editing an organisation. */
export function OrganizationForm({
  initial,
  creating,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: ProfileValues;
  creating: boolean;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(values: ProfileValues): void;
}) {
  const t = useT();
  const tax = useTaxonomies();
  const [v, setV] = useState<ProfileValues>(initial);
  const [touched, setTouched] = useState(false);
  const problems = problemsOf(v);
  const set = <K extends keyof ProfileValues>(k: K, value: ProfileValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const processChoices = tax.choices('processes');
  const capacityOf = (process: string): Capability =>
    v.capabilities.find((c) => c.process === process) ?? {
      process,
      monthlyCapacity: null,
      capacityUnit: null,
    };
  const setCapability = (c: Capability) =>
    set(
      'capabilities',
      v.capabilities.map((old) => (old.process === c.process ? c : old)),
    );
  const innovation = v.innovation;
  const financier: FinancierTerms = v.financier ?? {
    instruments: [],
    ticketMin: null,
    ticketMax: null,
    currency: null,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length) return;
    onSubmit(v);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('organization.form.identity')}>
          {creating ? (
            <TaxonomySelect
              label={t('organization.form.kind')}
              choices={tax.choices('organizationKinds')}
              value={v.kind}
              onChange={(k) => set('kind', k as OrganizationKind | null)}
              required
              error={touched && problems.kind ? t('validation.required') : null}
            />
          ) : null}
          <ThreeLanguages
            label={t('organization.form.name')}
            value={v.name}
            onChange={(n) => set('name', n)}
            error={touched && problems.name ? t('organization.form.nameRequired') : null}
          />
          <ThreeLanguages
            label={t('organization.form.description')}
            value={v.description}
            onChange={(d) => set('description', d)}
            multiline
          />
        </Section>

        <Section title={t('organization.form.location')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TaxonomySelect
              label={t('organization.form.country')}
              choices={tax.choices('countries')}
              value={v.country}
              onChange={(c) => set('country', c ?? '')}
              required
              error={touched && problems.country ? t('validation.required') : null}
            />
            {v.country === 'DZ' ? (
              <TaxonomySelect
                label={t('organization.form.wilaya')}
                choices={tax.choices('regions')}
                value={v.regionCode}
                onChange={(r) => set('regionCode', r)}
              />
            ) : null}
            <TextInput
              label={t('organization.form.city')}
              value={v.city ?? ''}
              onChange={(e) => set('city', e.currentTarget.value)}
              dir="auto"
            />
            <TextInput
              label={t('organization.form.website')}
              value={v.website ?? ''}
              onChange={(e) => set('website', e.currentTarget.value)}
              placeholder="https://"
              inputMode="url"
              dir="ltr"
              error={touched && problems.website ? t('organization.form.websiteInvalid') : null}
            />
            <NumberInput
              label={t('organization.form.founded')}
              value={v.foundedYear ?? ''}
              onChange={(y) => set('foundedYear', typeof y === 'number' ? y : null)}
              min={1800}
              max={new Date().getFullYear()}
              allowDecimal={false}
              dir="ltr"
            />
            <TaxonomySelect
              label={t('organization.form.employees')}
              choices={tax.choices('employeeBands')}
              value={v.employeeBand}
              onChange={(b) => set('employeeBand', b)}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('organization.form.activity')}>
          <TaxonomyMultiSelect
            label={t('organization.form.sectors')}
            description={t('organization.picker.anyLanguage')}
            choices={tax.choices('sectors')}
            value={v.sectors}
            onChange={(s) => set('sectors', s)}
          />
          <TaxonomyMultiSelect
            label={t('organization.form.processes')}
            description={t('organization.picker.anyLanguage')}
            choices={processChoices}
            value={v.capabilities.map((c) => c.process)}
            onChange={(ps) => set('capabilities', ps.map(capacityOf))}
          />
          {v.capabilities.map((c) => (
            <Group key={c.process} gap="xs" align="flex-end" wrap="nowrap" data-testid="capacity">
              <NumberInput
                label={t('organization.form.capacity', {
                  name: processChoices.find((p) => p.value === c.process)?.label ?? c.process,
                })}
                value={c.monthlyCapacity ?? ''}
                onChange={(n) => setCapability({ ...c, monthlyCapacity: typeof n === 'number' ? n : null })}
                min={0}
                dir="ltr"
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('organization.form.capacityUnit')}
                value={c.capacityUnit ?? ''}
                onChange={(e) => setCapability({ ...c, capacityUnit: e.currentTarget.value || null })}
                dir="auto"
                w={120}
              />
            </Group>
          ))}
          <TaxonomyMultiSelect
            label={t('organization.form.certifications')}
            description={t('organization.picker.anyLanguage')}
            choices={tax.choices('certifications')}
            value={v.certifications}
            onChange={(s) => set('certifications', s)}
          />
        </Section>

        <Section title={t('organization.form.innovation')}>
          <SimpleGrid cols={2} spacing="sm">
            {(['patents', 'utilityModels', 'industrialDesigns', 'trademarks'] as const).map((k) => (
              <NumberInput
                key={k}
                label={t(`organization.form.${k}`)}
                value={innovation[k]}
                onChange={(n) => set('innovation', { ...innovation, [k]: typeof n === 'number' ? n : 0 })}
                min={0}
                allowDecimal={false}
                dir="ltr"
              />
            ))}
          </SimpleGrid>
          <Checkbox
            label={t('organization.form.rdActivity')}
            checked={innovation.rdActivity}
            onChange={(e) => set('innovation', { ...innovation, rdActivity: e.currentTarget.checked })}
          />
        </Section>

        {v.kind === 'FINANCIER' ? (
          <Section title={t('organization.form.financier')}>
            <TaxonomyMultiSelect
              label={t('organization.form.instruments')}
              choices={tax.choices('financingInstruments')}
              value={financier.instruments}
              onChange={(i) => set('financier', { ...financier, instruments: i })}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('organization.form.ticketMin')}
                value={financier.ticketMin ?? ''}
                onChange={(n) =>
                  set('financier', { ...financier, ticketMin: typeof n === 'number' ? n : null })
                }
                min={0}
                thousandSeparator=" "
                dir="ltr"
              />
              <NumberInput
                label={t('organization.form.ticketMax')}
                value={financier.ticketMax ?? ''}
                onChange={(n) =>
                  set('financier', { ...financier, ticketMax: typeof n === 'number' ? n : null })
                }
                min={0}
                thousandSeparator=" "
                dir="ltr"
              />
              <Select
                label={t('organization.form.currency')}
                data={CURRENCIES}
                value={financier.currency}
                onChange={(c) => set('financier', { ...financier, currency: c })}
                clearable
                dir="ltr"
              />
            </SimpleGrid>
          </Section>
        ) : null}

        <FormError message={error} />
        <Button type="submit" size="md" loading={busy}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
