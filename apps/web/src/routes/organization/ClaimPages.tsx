import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import {
  CLAIM_OPTIONS,
  CLAIM_ORGANIZATION,
  CONFIRM_CLAIM,
  MY_CLAIMS,
  type OrganizationClaimView,
} from '../../api/organization';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/text';
import { useT } from '../../i18n/LocaleProvider';
import { AuthCard, FormError } from '../AuthPages';

const startRoute = getRouteApi('/claim/$organizationId');
const confirmRoute = getRouteApi('/claims/$claimId');

/** Where a signed-out visitor goes first, and comes back. */
function SignInFirst({ next }: { next: string }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Text>{t('organization.claim.signInFirst')}</Text>
      <Button size="md" renderRoot={(props) => <Link to="/signin" search={{ next }} {...props} />}>
        {t('nav.signIn')}
      </Button>
    </Stack>
  );
}

/**
 * Claiming an organisation that arrived without members (an import or the demo data): the code is
 * mailed to one of its contact-person addresses (masked) or to an address at its website's domain,
 * and whoever reads it there proves control of the organisation.
 */
export function ClaimOrganizationPage() {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { me } = useSession();
  const { organizationId } = startRoute.useParams();
  const options = useQuery({
    queryKey: ['claimOptions', organizationId],
    queryFn: () => call(CLAIM_OPTIONS, { id: organizationId }),
    enabled: !!me,
    retry: false,
  });
  const [choice, setChoice] = useState<string>('');
  const [domainAddress, setDomainAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!me)
    return (
      <AuthCard title={t('organization.claim.title')}>
        <SignInFirst next={`/claim/${organizationId}`} />
      </AuthCard>
    );

  const list = options.data?.claimOptions ?? [];
  const domainOption = list.find((o) => o.kind === 'WEBSITE_DOMAIN');
  const domain = domainOption?.address.replace(/^\*@/, '') ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const email = choice === 'domain' ? domainAddress.trim() : choice;
    if (!email) {
      setError(t('organization.claim.chooseAddress'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { claimOrganization } = await call(CLAIM_ORGANIZATION, { id: organizationId, email });
      await navigate({ to: '/claims/$claimId', params: { claimId: claimOrganization.id } });
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('organization.claim.title')} intro={t('organization.claim.intro')}>
      {options.isPending ? (
        <Text c="dimmed">{t('account.loading')}</Text>
      ) : options.error ? (
        <Alert color="yellow" role="alert">
          {toApiError(options.error).code === 'CONFLICT'
            ? t('organization.claim.hasOwner')
            : errorMessage(intl, toApiError(options.error))}
        </Alert>
      ) : list.length === 0 ? (
        <Alert color="yellow" role="alert">
          {t('organization.claim.noAddress')}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <Radio.Group
              label={t('organization.claim.sendTo')}
              value={choice}
              onChange={setChoice}
              name="claim-address"
            >
              <Stack gap="xs" mt="xs">
                {list
                  .filter((o) => o.kind === 'CONTACT_PERSON')
                  .map((o) => (
                    <Radio
                      key={o.address}
                      value={o.address}
                      label={
                        <span dir="ltr" style={{ unicodeBidi: 'isolate' }}>
                          {o.address}
                        </span>
                      }
                    />
                  ))}
                {domain ? (
                  <Radio
                    value="domain"
                    label={t('organization.claim.atDomain', { domain: `\u2068${domain}\u2069` })}
                  />
                ) : null}
              </Stack>
            </Radio.Group>
            {choice === 'domain' && domain ? (
              <TextInput
                label={t('organization.claim.domainAddress')}
                description={t('organization.claim.domainHint', { domain: `\u2068${domain}\u2069` })}
                value={domainAddress}
                onChange={(e) => setDomainAddress(e.currentTarget.value)}
                type="email"
                dir="ltr"
                autoComplete="email"
                required
              />
            ) : null}
            <FormError message={error} />
            <Button type="submit" loading={busy} size="md">
              {t('organization.claim.send')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

/** The claim's code, typed here or carried by the mail's link (?token=); then the outcome. */
export function ConfirmClaimPage() {
  const t = useT();
  const intl = useIntl();
  const { me } = useSession();
  const { claimId } = confirmRoute.useParams();
  const { token } = confirmRoute.useSearch();
  const [code, setCode] = useState(token ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<OrganizationClaimView | null>(null);
  const mine = useQuery({ queryKey: ['myClaims'], queryFn: () => call(MY_CLAIMS), enabled: !!me });
  const claim = result ?? mine.data?.myOrganizationClaims.find((c) => c.id === claimId) ?? null;
  const autoSent = useRef(false);

  async function confirm(value: string) {
    setBusy(true);
    setError(null);
    try {
      setResult((await call(CONFIRM_CLAIM, { claimId, code: value.trim() })).confirmOrganizationClaim);
    } catch (err) {
      setError(errorMessage(intl, toApiError(err)));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (me && token && !autoSent.current) {
      autoSent.current = true;
      void confirm(token);
    }
  }, [me, token]);

  if (!me)
    return (
      <AuthCard title={t('organization.claim.confirmTitle')}>
        <SignInFirst next={`/claims/${claimId}${token ? `?token=${encodeURIComponent(token)}` : ''}`} />
      </AuthCard>
    );

  if (claim?.status === 'APPROVED')
    return (
      <AuthCard title={t('organization.claim.confirmTitle')}>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="claim-approved">
          {t('organization.claim.approved', { name: `\u2068${claim.organizationName}\u2069` })}
        </Alert>
        <Button
          size="md"
          renderRoot={(props) => (
            <Link to="/my/organizations/$id" params={{ id: claim.organizationId }} {...props} />
          )}
        >
          {t('organization.claim.manage')}
        </Button>
      </AuthCard>
    );

  if (claim?.status === 'CONTESTED')
    return (
      <AuthCard title={t('organization.claim.confirmTitle')}>
        <Alert color="blue" icon={<IconHourglass aria-hidden />} role="status" data-testid="claim-contested">
          {t('organization.claim.contested', { name: `\u2068${claim.organizationName}\u2069` })}
        </Alert>
      </AuthCard>
    );

  if (claim && (claim.status === 'REJECTED' || claim.status === 'EXPIRED'))
    return (
      <AuthCard title={t('organization.claim.confirmTitle')}>
        <Alert color="yellow" role="alert">
          {claim.status === 'REJECTED'
            ? t('organization.claim.rejected', { name: `\u2068${claim.organizationName}\u2069` })
            : t('organization.claim.expired')}
        </Alert>
        {claim.note ? <Text size="sm">{claim.note}</Text> : null}
        <Anchor
          renderRoot={(props) => (
            <Link to="/claim/$organizationId" params={{ organizationId: claim.organizationId }} {...props} />
          )}
        >
          {t('organization.claim.again')}
        </Anchor>
      </AuthCard>
    );

  return (
    <AuthCard
      title={t('organization.claim.confirmTitle')}
      intro={
        claim
          ? t('organization.claim.codeSent', {
              address: `\u2068${claim.address}\u2069`,
              name: `\u2068${claim.organizationName}\u2069`,
            })
          : t('organization.claim.codeIntro')
      }
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (code.trim()) void confirm(code);
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('organization.claim.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            spellCheck={false}
            dir="ltr"
            required
          />
          <FormError message={error} />
          <Button type="submit" loading={busy} size="md">
            {t('organization.claim.confirm')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
