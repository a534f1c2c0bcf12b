import { Badge, MultiSelect, Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../api/client';
import { TAXONOMIES, type OrganizationStatus, type Taxonomies } from '../../api/organization';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { LOCALES, type Locale } from '../../i18n/locale';
import { choicesOf, matches, type Choice } from './taxonomy';

export type TaxonomyName = keyof Taxonomies;

/** The taxonomies in the three languages (loaded once per visit), as choices in the interface language. */
export function useTaxonomies(): { ready: boolean; choices(name: TaxonomyName): Choice[] } {
  const { locale } = useLocale();
  const results = useQueries({
    queries: LOCALES.map((lang) => ({
      queryKey: ['taxonomies', lang],
      queryFn: () => call(TAXONOMIES, { lang }),
      staleTime: Infinity,
    })),
  });
  const data = results.map((r) => r.data);
  const ready = data.every(Boolean);
  return useMemo(
    () => ({
      ready,
      choices: (name: TaxonomyName) =>
        choicesOf(
          Object.fromEntries(LOCALES.map((l, i) => [l, data[i]?.[name]])) as Record<Locale, never>,
          locale,
        ),
    }),
    [ready, locale, ...data],
  );
}

function filterOf(choices: Choice[]): OptionsFilter {
  const byValue = new Map(choices.map((c) => [c.value, c]));
  return ({ options, search }) =>
    (options as ComboboxItem[]).filter((o) => {
      const c = byValue.get(o.value);
      return !search.trim() || (c ? matches(c, search) : o.label.includes(search));
    });
}

interface PickerProps {
  label: string;
  choices: Choice[];
  description?: string;
}

/** Several entries of a taxonomy, searchable in any language. */
export function TaxonomyMultiSelect({
  label,
  choices,
  description,
  value,
  onChange,
}: PickerProps & { value: string[]; onChange(v: string[]): void }) {
  const t = useT();
  const filter = useMemo(() => filterOf(choices), [choices]);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={choices.map((c) => ({ value: c.value, label: c.label }))}
      value={value}
      onChange={onChange}
      searchable
      filter={filter}
      nothingFoundMessage={t('organization.picker.nothing')}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One entry of a taxonomy, searchable in any language. */
export function TaxonomySelect({
  label,
  choices,
  description,
  value,
  onChange,
  required,
  error,
}: PickerProps & {
  value: string | null;
  onChange(v: string | null): void;
  required?: boolean;
  error?: string | null;
}) {
  const t = useT();
  const filter = useMemo(() => filterOf(choices), [choices]);
  return (
    <Select
      label={label}
      description={description}
      data={choices.map((c) => ({ value: c.value, label: c.label }))}
      value={value}
      onChange={onChange}
      searchable
      clearable={!required}
      required={required}
      error={error}
      filter={filter}
      nothingFoundMessage={t('organization.picker.nothing')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

const STATUS_COLOR: Record<OrganizationStatus, string> = {
  ACTIVE: 'teal.9',
  PENDING: 'orange.9',
  REJECTED: 'red.9',
  ARCHIVED: 'gray.7',
};

export function StatusBadge({ status }: { status: OrganizationStatus }) {
  const t = useT();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="filled"
      tt="none"
      data-testid="org-status"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`organization.status.${status}`)}
    </Badge>
  );
}
