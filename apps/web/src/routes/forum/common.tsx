import './forum.css';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { MY_FORUM_ORGANIZATIONS, type ForumEditionStatus, type MyOrganization } from '../../api/forum';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/LocaleProvider';

/** The active organisations the signed-in user belongs to (the ones that can take part). */
export function useMyOrganizations(): { data: MyOrganization[] | undefined; isPending: boolean } {
  const { me } = useSession();
  const q = useQuery({
    queryKey: ['forum', 'myOrganizations', me?.id],
    queryFn: async () => (await call(MY_FORUM_ORGANIZATIONS)).myOrganizations,
    enabled: !!me,
  });
  return { data: q.data?.filter((o) => o.status === 'ACTIVE'), isPending: !!me && q.isPending };
}

/** A calendar day (YYYY-MM-DD) said in the interface language. */
export function dayLabel(day: string, intlLocale: string, weekday = true): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    ...(weekday ? { weekday: 'long' as const } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    numberingSystem: 'latn',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** The edition's dates as one range ("16–17 March 2027"). */
export function dateRange(startsOn: string, endsOn: string, intlLocale: string): string {
  const f = new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    numberingSystem: 'latn',
  });
  return f.formatRange(new Date(`${startsOn}T12:00:00Z`), new Date(`${endsOn}T12:00:00Z`));
}

export function EditionStatus({ status, published }: { status: ForumEditionStatus; published: boolean }) {
  const t = useT();
  return (
    <>
      <Badge color={status === 'OPEN' ? 'teal' : 'gray'} variant="light">
        {t(`forum.status.${status}`)}
      </Badge>{' '}
      <Badge color={published ? 'indigo' : 'gray'} variant="light">
        {t(published ? 'forum.published' : 'forum.notPublished')}
      </Badge>
    </>
  );
}
