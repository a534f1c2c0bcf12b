import { useState, type FormEvent, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { LocalizedText, OrganizationKind } from '../../api/operations';
import type {
  Capability,
  ContactPerson,
  FinancierTerms,
  Innovation,
  OrganizationInput,
} from '../../api/organization';
import { languageName } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
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
/** The kinds that take a subtype, and which (the api refuses any other pairing). */
export const SUBTYPES_BY_KIND: Partial<Record<OrganizationKind, readonly string[]>> = {
  SUPPORT_INSTITUTION: [
    'INCUBATOR',
    'TECHNICAL_CENTRE',
    'INDUSTRIAL_PARK',
    'BUSINESS_AGENCY',
    'CHAMBER',
    'UNIVERSITY_LAB',
  ],
  FINANCIER: [
    'COMMERCIAL_BANK',
    'DEVELOPMENT_BANK',
    'INVESTMENT_FUND',
    'GUARANTEE_FUND',
    'LEASING',
    'MICROFINANCE',
    'ISLAMIC_FINANCE',
  ],
  PUBLIC_BODY: ['MINISTRY', 'PUBLIC_AGENCY'],
};
/** Spoken languages the api accepts (ISO 639-1, and ber for Tamazight). */
export const SPOKEN_LANGUAGES = ['ar', 'fr', 'en', 'es', 'it', 'de', 'tr', 'zh', 'ber'];
export const MAX_CONTACTS = 20;
/** Only firms list processes with capacity (the api refuses them for other kinds). */
const listsCapabilities = (kind: OrganizationKind | null) => !kind || kind === 'SME' || kind === 'LARGE_FIRM';
const PHONE = /^\+?[0-9 ().-]{6,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CURRENCIES = ['DZD', 'EUR', 'USD', 'SAR', 'AED', 'TND', 'MAD', 'EGP', 'QAR', 'KWD'];

export const emptyProfile = (): ProfileValues => ({
  kind: null,
  subtype: null,
  languages: [],
  contacts: [],
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
  const blank = (s: string | null) => s?.trim() || null;
  return {
    subtype: v.kind && SUBTYPES_BY_KIND[v.kind] ? (v.subtype ?? null) : null,
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
    capabilities: listsCapabilities(v.kind) ? v.capabilities : [],
    innovation: v.innovation,
    languages: v.languages ?? [],
    contacts: (v.contacts ?? []).map((c) => ({
      name: c.name.trim(),
      role: blank(c.role),
      email: blank(c.email),
      phone: blank(c.phone),
    })),
    ...(v.kind === 'FINANCIER' && v.financier ? { financier: v.financier } : {}),
  };
}

export type ContactProblems = Partial<Record<'name' | 'email' | 'phone', true>>;
export type Problems = Partial<Record<'kind' | 'subtype' | 'name' | 'country' | 'website', true>> & {
  contacts?: ContactProblems[];
};

/** What is wrong with one contact person: a name is required, the email and phone must look like one. */
export function contactProblems(c: ContactPerson): ContactProblems {
  const out: ContactProblems = {};
  if (!c.name.trim()) out.name = true;
  if (c.email?.trim() && !EMAIL.test(c.email.trim())) out.email = true;
  if (c.phone?.trim() && !PHONE.test(c.phone.trim())) out.phone = true;
  return out;
}

/** Problems the form finds before sending, in the interface language. */
export function problemsOf(v: ProfileValues): Problems {
  const out: Problems = {};
  if (!v.kind) out.kind = true;
  if (v.kind && SUBTYPES_BY_KIND[v.kind] && !v.subtype) out.subtype = true;
  const contacts = (v.contacts ?? []).map(contactProblems);
  if (contacts.some((c) => Object.keys(c).length)) out.contacts = contacts;
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
  const { locale } = useLocale();
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

  const subtypes = v.kind ? SUBTYPES_BY_KIND[v.kind] : undefined;
  const contacts = v.contacts ?? [];
  const setContact = (i: number, c: ContactPerson) =>
    set(
      'contacts',
      contacts.map((old, j) => (j === i ? c : old)),
    );

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
              onChange={(k) =>
                setV((old) => ({
                  ...old,
                  kind: k as OrganizationKind | null,
                  subtype:
                    old.subtype && k && SUBTYPES_BY_KIND[k as OrganizationKind]?.includes(old.subtype)
                      ? old.subtype
                      : null,
                }))
              }
              required
              error={touched && problems.kind ? t('validation.required') : null}
            />
          ) : null}
          {subtypes ? (
            <TaxonomySelect
              label={t('organization.form.subtype')}
              choices={tax.choices('organizationSubtypes').filter((c) => subtypes.includes(c.value))}
              value={v.subtype ?? null}
              onChange={(s) => set('subtype', s)}
              required
              error={touched && problems.subtype ? t('organization.form.subtypeRequired') : null}
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
          <MultiSelect
            label={t('organization.form.languages')}
            data={SPOKEN_LANGUAGES.map((l) => ({
              value: l,
              label: l === 'ber' ? t('organization.form.languageBer') : languageName(l, locale),
            }))}
            value={v.languages ?? []}
            onChange={(l) => set('languages', l)}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('organization.picker.nothing')}
            comboboxProps={{ withinPortal: true }}
            data-testid="languages"
          />
        </Section>

        <Section title={t('organization.form.contacts')}>
          <Text size="sm" c="dimmed">
            {t('organization.form.contactsVisibility')}
          </Text>
          {contacts.map((c, i) => {
            const p = problems.contacts?.[i] ?? {};
            return (
              <Card key={i} withBorder radius="md" p="sm" data-testid="contact">
                <Group justify="space-between" wrap="nowrap" mb={4}>
                  <Text fw={600} size="sm">
                    {t('organization.form.contactN', { n: i + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      set(
                        'contacts',
                        contacts.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={t('organization.form.contactRemove', { n: i + 1 })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('organization.form.contactName')}
                    value={c.name}
                    onChange={(e) => setContact(i, { ...c, name: e.currentTarget.value })}
                    required
                    maxLength={120}
                    dir="auto"
                    error={touched && p.name ? t('validation.required') : null}
                  />
                  <TextInput
                    label={t('organization.form.contactRole')}
                    value={c.role ?? ''}
                    onChange={(e) => setContact(i, { ...c, role: e.currentTarget.value })}
                    maxLength={120}
                    dir="auto"
                  />
                  <TextInput
                    label={t('organization.form.contactEmail')}
                    value={c.email ?? ''}
                    onChange={(e) => setContact(i, { ...c, email: e.currentTarget.value })}
                    type="email"
                    inputMode="email"
                    maxLength={254}
                    dir="ltr"
                    error={touched && p.email ? t('validation.email') : null}
                  />
                  <TextInput
                    label={t('organization.form.contactPhone')}
                    value={c.phone ?? ''}
                    onChange={(e) => setContact(i, { ...c, phone: e.currentTarget.value })}
                    type="tel"
                    inputMode="tel"
                    maxLength={24}
                    dir="ltr"
                    error={touched && p.phone ? t('organization.form.phoneInvalid') : null}
                  />
                </SimpleGrid>
              </Card>
            );
          })}
          {contacts.length < MAX_CONTACTS ? (
            <Group>
              <Button
                variant="light"
                size="compact-md"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  set('contacts', [...contacts, { name: '', role: null, email: null, phone: null }])
                }
              >
                {t('organization.form.contactAdd')}
              </Button>
            </Group>
          ) : null}
        </Section>

        <Section title={t('organization.form.activity')}>
          <TaxonomyMultiSelect
            label={t('organization.form.sectors')}
            description={t('organization.picker.anyLanguage')}
            choices={tax.choices('sectors')}
            value={v.sectors}
            onChange={(s) => set('sectors', s)}
          />
          {listsCapabilities(v.kind) ? (
            <>
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
                    onChange={(n) =>
                      setCapability({ ...c, monthlyCapacity: typeof n === 'number' ? n : null })
                    }
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
            </>
          ) : null}
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
