import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
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
import { IconAlertTriangle, IconMapPin, IconSearch, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { call, toApiError } from '../api/client';
import {
  ORGANIZATION_KINDS,
  SEARCH_ORGANIZATIONS,
  type OrganizationHit,
  type OrganizationKind,
} from '../api/operations';
import { countryName, Highlighted, pickText } from '../components/text';
import { useLocale, useT } from '../i18n/LocaleProvider';
import type { Locale } from '../i18n/locale';
import { MAX_HITS, PAGE_SIZE, type DirectorySearch } from './searchParams';

export { PAGE_SIZE, validateSearch, type DirectorySearch } from './searchParams';

const route = getRouteApi('/');

function Hit({ hit, locale }: { hit: OrganizationHit; locale: Locale }) {
  const t = useT();
  const name = pickText(hit.name, locale);
  // The api names highlighted fields name_ar, description_fr…: the shown name gets its own marks,
  // and the first match elsewhere (a description, another field) is shown under it.
  const plain = (snippet: string) => snippet.replace(/<\/?mark>/g, '');
  const nameMark =
    hit.highlights.find((h) => h.field.startsWith('name_') && plain(h.snippet) === name) ?? null;
  const other = hit.highlights.find((h) => !h.field.startsWith('name_'));
  return (
    <Card withBorder radius="md" padding="md" component="li" className="hit">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            renderRoot={(props) => <Link to="/o/$id" params={{ id: hit.id }} {...props} />}
            fw={700}
            fz="lg"
            className="hit-name"
            c="teal.9"
          >
            <bdi>{nameMark ? <Highlighted snippet={nameMark.snippet} /> : name}</bdi>
          </Anchor>
          <Badge variant="light" color={hit.kind === 'SME' ? 'teal' : 'indigo'} style={{ flexShrink: 0 }}>
            {t(`kind.${hit.kind}`)}
          </Badge>
        </Group>
        <Group gap={4} c="dimmed" wrap="nowrap">
          <IconMapPin size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {hit.city ? (
              <>
                <bdi>{hit.city}</bdi>
                {' · '}
              </>
            ) : null}
            {countryName(hit.country, locale)}
          </Text>
        </Group>
        {other ? (
          <Text size="sm" dir="auto" className="snippet" lineClamp={3}>
            <Highlighted snippet={other.snippet} />
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The home page: one box, results as you type, kind and country facets, pages; everything kept in the URL. */
export function SearchPage() {
  const t = useT();
  const { locale } = useLocale();
  const params = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text, 250);

  // Typing replaces the URL (no history entry per key); filters and pages push one.
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== params.q) void navigate({ search: (prev) => ({ ...prev, q, page: undefined }), replace: true });
    // Only a new typed text moves the URL; the URL's own changes must not start another navigation.
  }, [debounced]);

  const page = params.page ?? 1;
  const result = useQuery({
    queryKey: ['search', params.q ?? '', params.kind ?? null, params.country ?? null, page, locale],
    queryFn: () =>
      call(SEARCH_ORGANIZATIONS, {
        query: params.q ?? null,
        filter:
          params.kind || params.country
            ? {
                ...(params.kind ? { kinds: [params.kind] } : {}),
                ...(params.country ? { countries: [params.country] } : {}),
              }
            : null,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const data = result.data?.searchOrganizations;
  const facet = (field: string) => data?.facets.find((f) => f.field === field)?.values ?? [];
  const kindCounts = new Map(facet('kind').map((v) => [v.value, v.count]));
  const countries = facet('country')
    .slice()
    .sort((a, b) => b.count - a.count)
    .slice(0, 12);
  if (params.country && !countries.some((c) => c.value === params.country))
    countries.unshift({ value: params.country, count: data?.estimatedTotal ?? 0 });
  const pages = data ? Math.ceil(Math.min(data.estimatedTotal, MAX_HITS) / PAGE_SIZE) : 0;
  const setFilter = (patch: Partial<DirectorySearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('search.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('app.tagline')}
        </Text>
      </div>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput
          type="search"
          size="lg"
          radius="xl"
          label={t('search.label')}
          labelProps={{ className: 'visually-hidden' }}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          leftSection={<IconSearch size={20} aria-hidden />}
          rightSection={
            result.isFetching ? <Loader role="status" size="xs" aria-label={t('search.loading')} /> : null
          }
          autoComplete="off"
          enterKeyHint="search"
          dir="auto"
          data-testid="search-box"
        />
      </form>

      <section aria-label={t('search.filters')}>
        <Stack gap="xs">
          <Text size="sm" fw={600} id="facet-kind">
            {t('search.facet.kind')}
          </Text>
          <div className="chip-row">
            <Chip.Group
              multiple={false}
              value={params.kind ?? null}
              onChange={(v) => setFilter({ kind: (v as OrganizationKind) || undefined })}
            >
              <Group gap={6} wrap="nowrap" role="group" aria-labelledby="facet-kind">
                {ORGANIZATION_KINDS.map((k) => (
                  <Chip
                    key={k}
                    value={k}
                    size="sm"
                    variant="outline"
                    onClick={() => params.kind === k && setFilter({ kind: undefined })}
                  >
                    {t(`kind.${k}`)}
                    {kindCounts.has(k) ? ` (${kindCounts.get(k)})` : ''}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
          {countries.length ? (
            <>
              <Text size="sm" fw={600} id="facet-country">
                {t('search.facet.country')}
              </Text>
              <div className="chip-row">
                <Chip.Group
                  multiple={false}
                  value={params.country ?? null}
                  onChange={(v) => setFilter({ country: v || undefined })}
                >
                  <Group gap={6} wrap="nowrap" role="group" aria-labelledby="facet-country">
                    {countries.map((c) => (
                      <Chip
                        key={c.value}
                        value={c.value}
                        size="sm"
                        variant="outline"
                        color="indigo"
                        onClick={() => params.country === c.value && setFilter({ country: undefined })}
                      >
                        {countryName(c.value, locale)} ({c.count})
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
            </>
          ) : null}
          {params.kind || params.country ? (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => setFilter({ kind: undefined, country: undefined })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('search.clear')}
            </Button>
          ) : null}
        </Stack>
      </section>

      {result.isError ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {toApiError(result.error).code === 'NETWORK' ? t('error.NETWORK') : t('search.error')}
        </Alert>
      ) : null}

      {data ? (
        <section aria-labelledby="results-count">
          <Text id="results-count" fw={600} mb="xs" aria-live="polite" data-testid="results-count">
            {t('search.results', { count: data.estimatedTotal })}
          </Text>
          {data.hits.length === 0 ? (
            <Text c="dimmed">{t('search.empty')}</Text>
          ) : (
            <Stack component="ol" gap="sm" className="hits" data-testid="hits">
              {data.hits.map((h) => (
                <Hit key={h.id} hit={h} locale={locale} />
              ))}
            </Stack>
          )}
          {pages > 1 ? (
            <Group justify="center" mt="lg">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => {
                  void navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) });
                  window.scrollTo({ top: 0 });
                }}
                siblings={1}
                boundaries={1}
                size="sm"
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
            </Group>
          ) : null}
        </section>
      ) : result.isPending ? (
        <Group justify="center" py="xl">
          <Loader role="status" aria-label={t('search.loading')} />
        </Group>
      ) : null}
    </Stack>
  );
}
