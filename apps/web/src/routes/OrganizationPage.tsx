import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconLock, IconMail, IconPhone, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { call, toApiError } from '../api/client';
import { ORGANIZATION, type TaxonomyEntry } from '../api/operations';
import { countryName, errorMessage, languageName, pickText } from '../components/text';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { directionOf } from '../i18n/locale';
import { useIntl } from 'react-intl';

const route = getRouteApi('/o/$id');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Terms({ title, codes, entries }: { title: string; codes: string[]; entries: TaxonomyEntry[] }) {
  if (!codes.length) return null;
  const labels = new Map(entries.map((e) => [e.code, e.label]));
  return (
    <Stack gap={6}>
      <Title order={3} fz="md">
        {title}
      </Title>
      <Group gap={6}>
        {codes.map((c) => (
          <Badge key={c} variant="light" color="gray" tt="none" fw={500} size="lg" radius="sm">
            {labels.get(c) ?? c}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** An organisation's public page: identity, facts, processes, offers and needs, and its contacts when visible. */
export function OrganizationPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { id } = route.useParams();
  const router = useRouter();
  const result = useQuery({
    queryKey: ['organization', id, locale],
    queryFn: () => call(ORGANIZATION, { id, lang: locale }),
  });
  const Back = directionOf(locale) === 'rtl' ? IconArrowRight : IconArrowLeft;
  const back = (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<Back size={16} aria-hidden />}
      onClick={() => (window.history.length > 1 ? router.history.back() : void router.navigate({ to: '/' }))}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('org.back')}
    </Button>
  );

  if (result.isPending)
    return (
      <Stack>
        {back}
        <Group justify="center" py="xl">
          <Loader role="status" aria-label={t('org.loading')} />
        </Group>
      </Stack>
    );
  if (result.isError) {
    const e = toApiError(result.error);
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert">
          {e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT' ? t('org.notFound') : errorMessage(intl, e)}
        </Alert>
      </Stack>
    );
  }
  const {
    organization: o,
    sectors,
    processes,
    certifications,
    organizationSubtypes,
    opportunityTypes,
  } = result.data;
  const subtype = o.subtype ? organizationSubtypes.find((e) => e.code === o.subtype)?.label : undefined;
  const description = pickText(o.description, locale);
  const types = new Map(opportunityTypes.map((e) => [e.code, e.label]));
  const open = o.opportunities.filter((op) => !op.archived);
  const dateFormat = new Intl.DateTimeFormat(intl.locale, { dateStyle: 'long' });

  return (
    <Stack gap="lg">
      {back}
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light" color={o.kind === 'SME' ? 'teal' : 'indigo'}>
            {t(`kind.${o.kind}`)}
          </Badge>
          {/* The kind of institution, labelled in the interface language by the api's list. */}
          {subtype ? (
            <Badge variant="outline" color="gray" tt="none" data-testid="org-subtype">
              {subtype}
            </Badge>
          ) : null}
        </Group>
        {/* dir="auto" isolates the name and sets its direction; a <bdi> inside would hide the text it reads. */}
        <Title order={1} fz={{ base: 24, sm: 30 }} dir="auto">
          {pickText(o.name, locale)}
        </Title>
        <Text c="dimmed">
          {[o.city, o.region].filter(Boolean).map((p) => (
            <span key={p}>
              <bdi>{p}</bdi>
              {' · '}
            </span>
          ))}
          {countryName(o.country, locale)}
        </Text>
      </Stack>

      <Card withBorder radius="md">
        <Title order={2} fz="lg" mb="xs">
          {t('org.about')}
        </Title>
        <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
          {description || t('org.noDescription')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} mt="md" spacing="sm">
          {o.foundedYear ? <Fact label={t('org.founded')}>{o.foundedYear}</Fact> : null}
          {o.employeeBand ? (
            <Fact label={t('org.employees')}>
              <span dir="ltr">{o.employeeBand}</span>
            </Fact>
          ) : null}
          {o.languages.length ? (
            <Fact label={t('org.languages')}>
              {new Intl.ListFormat(intl.locale).format(o.languages.map((l) => languageName(l, locale)))}
            </Fact>
          ) : null}
          {o.website ? (
            <Fact label={t('org.website')}>
              <Anchor href={o.website} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">
                <IconWorld size={14} aria-hidden /> {o.website.replace(/^https?:\/\//, '')}
              </Anchor>
            </Fact>
          ) : null}
        </SimpleGrid>
      </Card>

      <Terms title={t('org.sectors')} codes={o.sectors} entries={sectors} />
      <Terms
        title={t('org.processes')}
        codes={[...new Set(o.capabilities.map((c) => c.process))]}
        entries={processes}
      />
      <Terms title={t('org.certifications')} codes={o.certifications} entries={certifications} />

      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('org.opportunities')}
        </Title>
        {open.length === 0 ? (
          <Text c="dimmed">{t('org.noOpportunities')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {open.map((op) => (
              <Card key={op.id} withBorder radius="md" padding="sm" component="li">
                <Text size="xs" c="teal.9" fw={700}>
                  {types.get(op.type) ?? op.type}
                </Text>
                <Text fw={600} dir="auto">
                  {pickText(op.title, locale)}
                </Text>
                {op.expiresAt ? (
                  <Text size="sm" c="dimmed">
                    {t('org.expires', { date: dateFormat.format(new Date(op.expiresAt)) })}
                  </Text>
                ) : null}
              </Card>
            ))}
          </Stack>
        )}
      </Stack>

      <Card withBorder radius="md" bg="gray.0">
        <Title order={2} fz="lg" mb="xs">
          {t('org.contacts')}
        </Title>
        {!o.contactsVisible ? (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconLock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{t('org.contactsHidden')}</Text>
          </Group>
        ) : o.contacts.length === 0 ? (
          <Text c="dimmed">{t('org.noContacts')}</Text>
        ) : (
          <List listStyleType="none" spacing="sm">
            {o.contacts.map((c) => (
              <List.Item key={c.id}>
                <Text fw={600}>
                  <bdi>{c.name}</bdi>
                  {c.role ? (
                    <Text span c="dimmed" fw={400}>
                      {' · '}
                      <bdi>{c.role}</bdi>
                    </Text>
                  ) : null}
                </Text>
                {c.email ? (
                  <Anchor href={`mailto:${c.email}`} size="sm" dir="ltr" display="inline-flex">
                    <IconMail size={14} aria-hidden /> {c.email}
                  </Anchor>
                ) : null}{' '}
                {c.phone ? (
                  <Anchor href={`tel:${c.phone}`} size="sm" dir="ltr" display="inline-flex">
                    <IconPhone size={14} aria-hidden /> {c.phone}
                  </Anchor>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link to="/claim/$organizationId" params={{ organizationId: o.id }} {...props} />
        )}
      >
        {t('organization.claim.link')}
      </Anchor>
    </Stack>
  );
}
