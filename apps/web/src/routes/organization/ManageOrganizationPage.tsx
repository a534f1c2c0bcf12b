import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconArchive,
  IconMailOff,
  IconRefresh,
  IconSend,
  IconUserPlus,
  IconUserMinus,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  ARCHIVE_OPPORTUNITY,
  CREATE_OPPORTUNITY,
  INVITE_MEMBER,
  ORGANIZATION_INVITATIONS,
  REVOKE_INVITATION,
  MY_ORGANIZATION,
  MY_ORGANIZATIONS,
  ORGANIZATION_MEMBERS,
  REMOVE_MEMBER,
  RENEW_OPPORTUNITY,
  RESUBMIT_ORGANIZATION,
  REVIEW_NOTICES,
  UPDATE_ORGANIZATION,
  type OrganizationProfile,
  updateInput,
} from '../../api/organization';
import type { OpportunityType } from '../../gql/graphql';
import type { LocalizedText } from '../../api/operations';
import { useSession } from '../../auth/session';
import { errorMessage, pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { LOCALES } from '../../i18n/locale';
import { FormError } from '../AuthPages';
import { SignInFirst } from '../account/AccountPage';
import { StatusBadge, useTaxonomies } from './common';
import { OrganizationForm, toInput, type ProfileValues } from './OrganizationForm';
import { changedFields, inDays } from './profile';

const route = getRouteApi('/my/organizations/$id');

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

const valuesOf = (o: OrganizationProfile): ProfileValues => ({
  kind: o.kind,
  subtype: o.subtype,
  languages: o.languages,
  contacts: o.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
  name: o.name,
  description: o.description,
  country: o.country,
  regionCode: o.regionCode,
  city: o.city,
  website: o.website,
  foundedYear: o.foundedYear,
  employeeBand: o.employeeBand,
  sectors: o.sectors,
  certifications: o.certifications,
  capabilities: o.capabilities.map(({ process, monthlyCapacity, capacityUnit }) => ({
    process,
    monthlyCapacity,
    capacityUnit,
  })),
  innovation: o.innovation,
  financier: o.financier ?? { instruments: [], ticketMin: null, ticketMax: null, currency: null },
});

/** One of my organisations: its review status, profile, offers and needs, members. */
export function ManageOrganizationPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { id } = route.useParams();
  const { me, resuming } = useSession();
  const org = useQuery({
    queryKey: ['my-organization', id],
    queryFn: () => call(MY_ORGANIZATION, { id }),
    enabled: !!me,
  });
  const mine = useQuery({
    queryKey: ['my-organizations'],
    queryFn: () => call(MY_ORGANIZATIONS),
    enabled: !!me,
  });
  if (resuming) return <Loader role="status" aria-label={t('account.loading')} />;
  if (!me) return <SignInFirst next={`/my/organizations/${id}`} />;
  if (org.isPending) return <Loader role="status" aria-label={t('account.loading')} />;
  if (org.isError) return <FormError message={errorMessage(intl, toApiError(org.error))} />;
  const o = org.data.organization;
  const isOwner =
    mine.data?.me?.memberships.some((m) => m.organizationId === id && m.role === 'OWNER') ?? false;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/my/organizations" size="sm">
          {t('organization.mine.title')}
        </Anchor>
        <Group justify="space-between" align="center" mt={4} wrap="nowrap">
          <Title order={1} fz={26}>
            <bdi>{pickText(o.name, locale)}</bdi>
          </Title>
          <StatusBadge status={o.status} />
        </Group>
      </div>
      <ReviewStatus org={o} />
      <Section title={t('organization.profile.title')} id="profile-title">
        <Profile org={o} />
      </Section>
      <Opportunities org={o} />
      <Members organizationId={id} isOwner={isOwner} myId={me.id} active={o.status === 'ACTIVE'} />
    </Stack>
  );
}

function ReviewStatus({ org }: { org: OrganizationProfile }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const notices = useQuery({
    queryKey: ['review-notices'],
    queryFn: () => call(REVIEW_NOTICES),
    enabled: org.status === 'REJECTED',
  });
  const resubmit = useMutation({
    mutationFn: () => call(RESUBMIT_ORGANIZATION, { id: org.id }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['my-organization', org.id] }),
  });
  // The organiser's note reaches the owners in the review notice; the profile shows it to organisers only.
  const note = notices.data?.notifications.edges
    .map((e) => e.node)
    .find(
      (n) =>
        n.kind === 'organization-rejected' &&
        n.payload.some((p) => p.name === 'organizationId' && p.value === org.id),
    )
    ?.payload.find((p) => p.name === 'reason')?.value;
  return (
    <Alert
      color={org.status === 'ACTIVE' ? 'teal' : org.status === 'REJECTED' ? 'red' : 'gray'}
      data-testid="review-status"
    >
      <Stack gap="xs">
        <Text size="sm">{t(`organization.review.${org.status}`)}</Text>
        {org.reviewedAt ? (
          <Text size="sm" c="dimmed">
            {t('organization.review.reviewedAt', {
              date: intl.formatDate(org.reviewedAt, { dateStyle: 'medium' }),
            })}
          </Text>
        ) : null}
        {note ? (
          <Text size="sm" data-testid="review-note">
            {t('organization.review.note')} <bdi>{note}</bdi>
          </Text>
        ) : null}
        {org.pendingChange ? (
          <Text size="sm" data-testid="pending-change">
            {t('organization.review.pendingChange')}
          </Text>
        ) : null}
        {org.status === 'REJECTED' ? (
          <Group>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => resubmit.mutate()}
              loading={resubmit.isPending}
              size="compact-md"
            >
              {t('organization.review.resubmit')}
            </Button>
          </Group>
        ) : null}
        {resubmit.isError ? <FormError message={errorMessage(intl, toApiError(resubmit.error))} /> : null}
      </Stack>
    </Alert>
  );
}

function Profile({ org }: { org: OrganizationProfile }) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const initial = valuesOf(org);
  const save = useMutation({
    mutationFn: (values: ProfileValues) =>
      call(UPDATE_ORGANIZATION, {
        input: updateInput({
          id: org.id,
          expectedVersion: org.version,
          ...changedFields(toInput(initial), toInput(values)),
        }),
      }),
    onSuccess: async (r) => {
      queries.setQueryData(['my-organization', org.id], { organization: r.updateOrganization });
      await queries.invalidateQueries({ queryKey: ['my-organizations'] });
      setSaved(true);
    },
    onError: () => setSaved(false),
  });
  const error = save.error
    ? toApiError(save.error).code === 'CONFLICT'
      ? t('organization.profile.conflict')
      : errorMessage(intl, toApiError(save.error))
    : null;
  return (
    <Stack gap="sm">
      <OrganizationForm
        key={org.version}
        initial={initial}
        creating={false}
        submitLabel={t('organization.profile.save')}
        busy={save.isPending}
        error={error}
        onSubmit={(v) => save.mutate(v)}
      />
      {saved ? (
        <Text size="sm" c="teal.9" role="status" data-testid="profile-saved">
          {t('organization.profile.saved')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Opportunities({ org }: { org: OrganizationProfile }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const tax = useTaxonomies();
  const types = tax.choices('opportunityTypes');
  const typeLabel = (code: string) => types.find((c) => c.value === code)?.label ?? code;
  const refresh = () => queries.invalidateQueries({ queryKey: ['my-organization', org.id] });
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(errorMessage(intl, toApiError(e)));
  const renew = useMutation({
    mutationFn: (id: string) => call(RENEW_OPPORTUNITY, { id, expiresAt: inDays(90) }),
    onSuccess: refresh,
    onError,
  });
  const archive = useMutation({
    mutationFn: (id: string) => call(ARCHIVE_OPPORTUNITY, { id }),
    onSuccess: refresh,
    onError,
  });
  const current = org.opportunities.filter((o) => !o.archived);
  const today = inDays(0);
  return (
    <Section title={t('organization.opportunities.title')} id="opportunities-title">
      {!current.length ? <Text size="sm">{t('organization.opportunities.none')}</Text> : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {current.map((o) => {
          const expired = !!o.expiresAt && o.expiresAt < today;
          return (
            <Card key={o.id} withBorder radius="md" p="sm" component="li" data-testid="my-opportunity">
              <Stack gap={4}>
                <Text size="xs" c="dimmed" fw={600}>
                  {typeLabel(o.type)}
                </Text>
                <Text fw={600}>
                  <bdi>{pickText(o.title, locale)}</bdi>
                </Text>
                {o.expiresAt ? (
                  <Text size="sm" c={expired ? 'red.9' : 'dimmed'}>
                    {t(expired ? 'organization.opportunities.expired' : 'org.expires', {
                      date: intl.formatDate(o.expiresAt, { dateStyle: 'medium', timeZone: 'UTC' }),
                    })}
                  </Text>
                ) : null}
                <Group gap="xs" justify="flex-end">
                  <Button
                    variant="light"
                    size="compact-sm"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    onClick={() => renew.mutate(o.id)}
                    loading={renew.isPending && renew.variables === o.id}
                  >
                    {t('organization.opportunities.renew')}
                  </Button>
                  <Button
                    variant="light"
                    color="gray"
                    size="compact-sm"
                    leftSection={<IconArchive size={14} aria-hidden />}
                    onClick={() => archive.mutate(o.id)}
                    loading={archive.isPending && archive.variables === o.id}
                  >
                    {t('organization.opportunities.archive')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>
      <FormError message={error} />
      <NewOpportunity organizationId={org.id} onPosted={refresh} />
    </Section>
  );
}

function NewOpportunity({ organizationId, onPosted }: { organizationId: string; onPosted(): void }) {
  const t = useT();
  const intl = useIntl();
  const tax = useTaxonomies();
  const [type, setType] = useState<string | null>(null);
  const [title, setTitle] = useState<LocalizedText>({ ar: '', fr: '', en: '' });
  const [description, setDescription] = useState<LocalizedText>({ ar: '', fr: '', en: '' });
  const [expiresAt, setExpiresAt] = useState(inDays(90));
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasTitle = LOCALES.some((l) => title[l]?.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!type || !hasTitle) return;
    setBusy(true);
    setError(null);
    const clean = (x: LocalizedText) => ({
      ar: x.ar?.trim() || null,
      fr: x.fr?.trim() || null,
      en: x.en?.trim() || null,
    });
    try {
      await call(CREATE_OPPORTUNITY, {
        input: {
          organizationId,
          // A code of the api's own list (TAXONOMIES.opportunityTypes).
          type: type as OpportunityType,
          title: clean(title),
          description: clean(description),
          expiresAt: expiresAt || null,
        },
      });
      setType(null);
      setTitle({ ar: '', fr: '', en: '' });
      setDescription({ ar: '', fr: '', en: '' });
      setTouched(false);
      onPosted();
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-opportunity-title">
      <Stack gap="sm">
        <Title order={3} fz="md" id="new-opportunity-title">
          {t('organization.opportunities.new')}
        </Title>
        <Select
          label={t('organization.opportunities.type')}
          data={tax.choices('opportunityTypes').map((c) => ({ value: c.value, label: c.label }))}
          value={type}
          onChange={setType}
          required
          error={touched && !type ? t('validation.required') : null}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {LOCALES.map((l) => (
            <TextInput
              key={l}
              label={t('organization.opportunities.titleIn', { name: t(`lang.${l}`) })}
              lang={l}
              dir={l === 'ar' ? 'rtl' : 'ltr'}
              value={title[l] ?? ''}
              onChange={(e) => setTitle({ ...title, [l]: e.currentTarget.value })}
              error={touched && !hasTitle && l === 'ar' ? t('organization.form.nameRequired') : null}
              data-testid={`opportunity-title-${l}`}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {LOCALES.map((l) => (
            <Textarea
              key={l}
              label={t('organization.opportunities.descriptionIn', { name: t(`lang.${l}`) })}
              lang={l}
              dir={l === 'ar' ? 'rtl' : 'ltr'}
              value={description[l] ?? ''}
              onChange={(e) => setDescription({ ...description, [l]: e.currentTarget.value })}
              autosize
              minRows={2}
            />
          ))}
        </SimpleGrid>
        <TextInput
          type="date"
          label={t('organization.opportunities.expiresAt')}
          value={expiresAt}
          min={inDays(1)}
          onChange={(e) => setExpiresAt(e.currentTarget.value)}
          dir="ltr"
        />
        <FormError message={error} />
        <Button type="submit" loading={busy} leftSection={<IconSend size={16} aria-hidden />}>
          {t('organization.opportunities.post')}
        </Button>
      </Stack>
    </form>
  );
}

function Members({
  organizationId,
  isOwner,
  myId,
  active,
}: {
  organizationId: string;
  isOwner: boolean;
  myId: string;
  active: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const members = useQuery({
    queryKey: ['members', organizationId],
    queryFn: () => call(ORGANIZATION_MEMBERS, { organizationId }),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'OWNER' | 'MEMBER'>('MEMBER');
  const [invited, setInvited] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const invitations = useQuery({
    queryKey: ['invitations', organizationId],
    queryFn: () => call(ORGANIZATION_INVITATIONS, { organizationId }),
    enabled: isOwner,
  });
  const invite = useMutation({
    mutationFn: () => call(INVITE_MEMBER, { organizationId, email: email.trim(), role }),
    onSuccess: (r) => {
      setInvited(r.inviteMember.email);
      setEmail('');
      void queries.invalidateQueries({ queryKey: ['invitations', organizationId] });
    },
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => call(REVOKE_INVITATION, { organizationId, invitationId }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['invitations', organizationId] }),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call(REMOVE_MEMBER, { organizationId, userId }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['members', organizationId] }),
  });
  const failure = invite.error ?? remove.error ?? revoke.error ?? members.error ?? invitations.error;
  const pending = invitations.data?.organizationInvitations ?? [];
  const now = Date.now();
  return (
    <Section title={t('organization.members.title')} id="members-title">
      {members.isPending ? <Loader role="status" size="sm" aria-label={t('account.loading')} /> : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {(members.data?.organizationMembers ?? []).map((m) => (
          <Card key={m.userId} withBorder radius="md" p="sm" component="li" data-testid="member">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600}>
                  <bdi>{m.displayName}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  <bdi dir="ltr">{m.email}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`organization.role.${m.role}`)}
                </Text>
              </Stack>
              {isOwner && m.userId !== myId ? (
                <Button
                  variant="light"
                  color="red"
                  size="compact-sm"
                  leftSection={<IconUserMinus size={14} aria-hidden />}
                  onClick={() => remove.mutate(m.userId)}
                  loading={remove.isPending && remove.variables === m.userId}
                >
                  {t('organization.members.remove')}
                </Button>
              ) : null}
            </Group>
          </Card>
        ))}
      </Stack>
      {isOwner && pending.length ? (
        <Stack gap="xs">
          <Title order={3} fz="md" id="invitations-title">
            {t('organization.invitations.title')}
          </Title>
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="invitations-title"
          >
            {pending.map((i) => {
              const expired = new Date(i.expiresAt).getTime() <= now;
              return (
                <Card key={i.id} withBorder radius="md" p="sm" component="li" data-testid="invitation">
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        <bdi dir="ltr">{i.email}</bdi>
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t(`organization.role.${i.role}`)}
                      </Text>
                      <Text size="sm" c={expired ? 'red.8' : 'dimmed'} data-testid="invitation-state">
                        {expired
                          ? t('organization.invitations.expired', { date: intl.formatDate(i.expiresAt) })
                          : t('organization.invitations.until', { date: intl.formatDate(i.expiresAt) })}
                      </Text>
                      {i.invitedBy ? (
                        <Text size="sm" c="dimmed">
                          {t('organization.invitations.by', { name: `\u2068${i.invitedBy}\u2069` })}
                        </Text>
                      ) : null}
                    </Stack>
                    <Button
                      variant="light"
                      color="red"
                      size="compact-sm"
                      leftSection={<IconMailOff size={14} aria-hidden />}
                      style={{ flexShrink: 0 }}
                      onClick={() => revoke.mutate(i.id)}
                      loading={revoke.isPending && revoke.variables === i.id}
                      aria-label={t('organization.invitations.revokeFor', { email: i.email })}
                    >
                      {t('organization.invitations.revoke')}
                    </Button>
                  </Group>
                </Card>
              );
            })}
          </Stack>
        </Stack>
      ) : null}
      {failure ? <FormError message={errorMessage(intl, toApiError(failure))} /> : null}
      {isOwner && !active ? <Text size="sm">{t('organization.members.afterApproval')}</Text> : null}
      {isOwner && active ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const ok = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
            setInvalid(!ok);
            if (ok) invite.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('organization.members.invite')}
            </Title>
            <TextInput
              label={t('auth.email')}
              type="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={invalid ? t('validation.email') : null}
              dir="ltr"
              required
            />
            <Select
              label={t('organization.members.role')}
              data={(['MEMBER', 'OWNER'] as const).map((r) => ({
                value: r,
                label: t(`organization.role.${r}`),
              }))}
              value={role}
              onChange={(r) => setRole((r as 'OWNER' | 'MEMBER') ?? 'MEMBER')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            {invited ? (
              <Text size="sm" c="teal.9" role="status">
                {t('organization.members.invited', { email: `\u2068${invited}\u2069` })}
              </Text>
            ) : null}
            <Button
              type="submit"
              loading={invite.isPending}
              leftSection={<IconUserPlus size={16} aria-hidden />}
            >
              {t('organization.members.send')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Section>
  );
}
