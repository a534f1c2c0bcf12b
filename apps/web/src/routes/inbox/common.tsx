import type { ReactNode } from 'react';
import { Alert, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useIntl, type IntlShape } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { MY_ORGANIZATIONS, ORGANIZATION_CARD, type OrganizationCard } from '../../api/inbox';
import type { LocalizedText } from '../../api/operations';
import { useSession } from '../../auth/session';
import { errorMessage, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocaleOf, type Locale } from '../../i18n/locale';

/** A date and time in the interface language: Latin digits, 24-hour. */
export function formatWhen(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A page for signed-in users: asks to sign in (and come back) otherwise. */
export function SignedIn({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const { me, resuming } = useSession();
  const { pathname } = useLocation();
  if (resuming) return <Loader role="status" aria-label={t('inbox.loading')} />;
  if (!me)
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <Alert color="gray">{t('inbox.signIn')}</Alert>
        <Link to="/signin" search={{ next: pathname }} className="button-link">
          {t('nav.signIn')}
        </Link>
      </Stack>
    );
  return <>{children}</>;
}

export function useMyOrganizations() {
  const { me } = useSession();
  return useQuery({
    queryKey: ['inbox', 'myOrganizations', me?.id],
    queryFn: async () => (await call(MY_ORGANIZATIONS)).myOrganizations,
    enabled: !!me,
    staleTime: 60_000,
  });
}

type MyOrganization = NonNullable<ReturnType<typeof useMyOrganizations>['data']>[number];

/**
 * The organisation the page acts for: a picker when the user belongs to several (optionally only
 * some kinds), nothing to pick with one, a note with none.
 */
export function OrganizationChooser({
  value,
  onChange,
  filter,
  empty,
  children,
}: {
  value: string | null;
  onChange: (id: string) => void;
  filter?: (o: MyOrganization) => boolean;
  /** What to say when no organisation fits. */
  empty?: string;
  children: (organization: MyOrganization) => ReactNode;
}) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const organizations = useMyOrganizations();
  if (organizations.isPending) return <Loader role="status" aria-label={t('inbox.loading')} />;
  if (organizations.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(intl, toApiError(organizations.error))}
      </Alert>
    );
  const list = organizations.data.filter(filter ?? (() => true));
  if (list.length === 0) return <Alert color="gray">{empty ?? t('inbox.noOrganization')}</Alert>;
  const current = list.find((o) => o.id === value) ?? list[0];
  return (
    <Stack gap="md">
      {list.length > 1 && (
        <Select
          label={t('inbox.actingFor')}
          data={list.map((o) => ({ value: o.id, label: pickText(o.name, locale) }))}
          value={current.id}
          onChange={(id) => id && onChange(id)}
          allowDeselect={false}
        />
      )}
      {children(current)}
    </Stack>
  );
}

const organizationCard = (id: string) => ({
  queryKey: ['inbox', 'organization', id],
  queryFn: async () => (await call(ORGANIZATION_CARD, { id })).organization,
  staleTime: 60_000,
});

export function useOrganizationCard(id: string | null) {
  return useQuery({ ...organizationCard(id ?? ''), enabled: !!id });
}

function cardsOf(
  results: UseQueryResult<OrganizationCard | null>[],
): Map<string, OrganizationCard> | undefined {
  if (results.some((r) => r.isPending)) return undefined;
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
}

/** These organisations' cards once every one is read (or failed), for copies kept offline. */
export function useOrganizationCards(ids: string[] | undefined): Map<string, OrganizationCard> | undefined {
  return useQueries({
    queries: [...new Set(ids ?? [])].map(organizationCard),
    combine: cardsOf,
  });
}

/** An organisation's name (isolated with <bdi>), linked to its page; `name` stands in while it cannot be read (offline). */
export function OrganizationName({ id, name }: { id: string; name?: LocalizedText | null }) {
  const { locale } = useLocale();
  const t = useT();
  const card = useOrganizationCard(id);
  const known = card.data?.name ?? name;
  return (
    <Link to="/o/$id" params={{ id }} className="org-link">
      <bdi>{known ? pickText(known, locale) : t('inbox.organization')}</bdi>
    </Link>
  );
}

/** The contact persons an accepted request released; `stored` stands in while they cannot be read (offline). */
export function ContactPersons({ id, stored }: { id: string; stored?: OrganizationCard | null }) {
  const t = useT();
  const read = useOrganizationCard(id);
  const card = read.data ?? stored;
  if (!card) return null;
  if (!card.contactsVisible || card.contacts.length === 0)
    return <Text size="sm">{t('inbox.contact.noContacts')}</Text>;
  return (
    <Stack gap={4} data-testid="released-contacts">
      {card.contacts.map((c) => (
        <div key={c.id} className="contact-person">
          <Text size="sm">
            <bdi>{c.name}</bdi>
            {c.role && (
              <>
                {' · '}
                <bdi>{c.role}</bdi>
              </>
            )}
          </Text>
          {c.email && (
            <Text size="sm">
              <a href={`mailto:${c.email}`} dir="ltr" className="contact-value">
                {c.email}
              </a>
            </Text>
          )}
          {c.phone && (
            <Text size="sm">
              <a href={`tel:${c.phone.replace(/\s/g, '')}`} dir="ltr" className="contact-value">
                {c.phone}
              </a>
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

/** Codes the inbox's actions meet, each said in the interface language; others as the app says them. */
const INBOX_CODES = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'QUOTA_EXCEEDED', 'BAD_USER_INPUT']);

export function inboxError(intl: IntlShape, error: unknown): string {
  const e = toApiError(error);
  if (e.code === 'BAD_USER_INPUT' && e.problems.length > 0) return errorMessage(intl, e);
  if (INBOX_CODES.has(e.code)) return intl.formatMessage({ id: `inbox.error.${e.code}` });
  return errorMessage(intl, e);
}
