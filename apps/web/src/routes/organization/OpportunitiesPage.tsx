import { useState } from 'react';
import {
  Anchor,
  Badge,
  Card,
  Chip,
  Group,
  Loader,
  Pagination,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { SEARCH_OPPORTUNITIES } from '../../api/organization';
import type { OpportunityType } from '../../gql/graphql';
import { countryName, errorMessage, Highlighted, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { FormError } from '../AuthPages';
import { useTaxonomies } from './common';

const PAGE = 10;

/** Open offers and needs of every public organisation: one box, types as filters, pages. */
export function OpportunitiesPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const tax = useTaxonomies();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [types, setTypes] = useState<OpportunityType[]>([]);
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['opportunities', debounced, types, page, locale],
    queryFn: () =>
      call(SEARCH_OPPORTUNITIES, {
        query: debounced || null,
        filter: types.length ? { types } : null,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    placeholderData: keepPreviousData,
  });
  const typeChoices = tax.choices('opportunityTypes');
  const typeLabel = (code: string) => typeChoices.find((c) => c.value === code)?.label ?? code;
  const data = result.data?.searchOpportunities;
  const counts = new Map(
    (data?.facets.find((f) => f.field === 'type')?.values ?? []).map((v) => [v.value, v.count]),
  );
  return (
    <Stack gap="md">
      <Title order={1} fz={26}>
        {t('organization.opportunitiesPage.title')}
      </Title>
      <TextInput
        label={t('organization.opportunitiesPage.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPage(1);
        }}
        type="search"
        dir="auto"
      />
      <Chip.Group
        multiple
        value={types}
        onChange={(v) => {
          setTypes(v);
          setPage(1);
        }}
      >
        <Group gap={6} role="group" aria-label={t('organization.opportunities.type')}>
          {typeChoices.map((c) => (
            <Chip key={c.value} value={c.value} size="sm">
              {c.label}
              {counts.has(c.value) ? ` (${counts.get(c.value)})` : ''}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {result.isPending ? <Loader role="status" size="sm" aria-label={t('search.loading')} /> : null}
      {result.isError ? <FormError message={errorMessage(intl, toApiError(result.error))} /> : null}
      {data ? (
        <Text size="sm" c="dimmed" role="status">
          {t('organization.opportunitiesPage.count', { count: data.estimatedTotal })}
        </Text>
      ) : null}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {(data?.hits ?? []).map((h) => {
          const snippet = h.highlights.find((x) => x.field.startsWith('title'))?.snippet;
          return (
            <Card key={h.id} withBorder radius="md" p="sm" component="li" data-testid="opportunity">
              <Stack gap={4}>
                <Group gap="xs">
                  <Badge variant="light" color="indigo" tt="none">
                    {typeLabel(h.type)}
                  </Badge>
                </Group>
                <Text fw={700}>
                  <bdi>{snippet ? <Highlighted snippet={snippet} /> : pickText(h.title, locale)}</bdi>
                </Text>
                <Text size="sm">
                  <Anchor
                    renderRoot={(props) => <Link to="/o/$id" params={{ id: h.organizationId }} {...props} />}
                  >
                    <bdi>{h.organizationName}</bdi>
                  </Anchor>
                  {' · '}
                  {countryName(h.country, locale)}
                </Text>
                {h.expiresAt ? (
                  <Text size="sm" c="dimmed">
                    {t('org.expires', {
                      date: intl.formatDate(h.expiresAt, { dateStyle: 'medium', timeZone: 'UTC' }),
                    })}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </Stack>
      {data && data.estimatedTotal > PAGE ? (
        <Pagination
          total={Math.ceil(data.estimatedTotal / PAGE)}
          value={page}
          onChange={setPage}
          aria-label={t('search.pages')}
          getControlProps={(control) => ({
            'aria-label':
              control === 'previous'
                ? t('search.previous')
                : control === 'next'
                  ? t('search.next')
                  : undefined,
          })}
        />
      ) : null}
    </Stack>
  );
}
