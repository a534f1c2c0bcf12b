import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { QRCodeSVG } from 'qrcode.react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../../api/client';
import { BADGE_PAGE, EDITION_BADGES, type BadgePage, type PrintBadge } from '../../../../api/consoleDesk';
import {
  EDITION_MEETINGS,
  EDITION_SETUP,
  type EditionSetup,
  type GridMeeting,
} from '../../../../api/consoleForum';
import { countryName, pickText } from '../../../../components/text';
import { useLocale, useT } from '../../../../i18n/LocaleProvider';
import { forumError } from '../forumErrors';
import { chunk, delegateAgendas, tableSheets, type DelegateAgenda, type TableSheet } from './printData';
import { zoneName } from '../../../../forum/agendaStore';
import { intlLocaleOf } from '../../../../i18n/locale';
import { slotFormat } from './format';
import { PRINT_KINDS, type PrintKind } from './routes';
import './desk.css';

const route = getRouteApi('/console/forum/$editionId/print');

/** Badges on one A4 sheet: two columns of four. */
export const BADGES_PER_PAGE = 8;

/** Every badge of an edition, page after page of the api's, each after the last one read. */
async function allBadges(editionId: string): Promise<PrintBadge[]> {
  const out: PrintBadge[] = [];
  let after: string | null = null;
  for (;;) {
    const { editionBadges }: { editionBadges: BadgePage } = await call(EDITION_BADGES, {
      editionId,
      after,
      limit: BADGE_PAGE,
    });
    out.push(...editionBadges.badges);
    if (!editionBadges.hasNextPage || !editionBadges.endCursor) return out;
    after = editionBadges.endCursor;
  }
}

/**
 * /console/forum/$editionId/print: the published schedule as A4 pages (an agenda per delegate, a
 * sheet per table) and the badges, eight to a page, all at once or one; the browser prints them.
 */
export function PrintPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const { editionId } = route.useParams();
  const { what, one } = route.useSearch();
  const navigate = useNavigate();
  const setup = useQuery({
    queryKey: ['consoleForum', 'setup', editionId],
    queryFn: () => call(EDITION_SETUP, { id: editionId }),
  });
  const meetings = useQuery({
    queryKey: ['consoleDesk', 'published', editionId],
    queryFn: () => call(EDITION_MEETINGS, { editionId, view: 'PUBLISHED' }),
  });
  const badges = useQuery({
    queryKey: ['consoleDesk', 'badges', editionId],
    queryFn: () => allBadges(editionId),
  });
  const go = (search: { what: PrintKind; one?: string }) =>
    void navigate({ to: '/console/forum/$editionId/print', params: { editionId }, search });

  const failed = setup.error ?? meetings.error ?? badges.error;
  if (failed) return <Alert color="red">{forumError(intl, toApiError(failed))}</Alert>;
  if (!setup.data || !meetings.data || !badges.data)
    return <Loader role="status" aria-label={t('console.loading')} />;

  const data = setup.data;
  const edition = data.forumEdition;
  const people = badges.data.map((b) => ({
    delegateId: b.delegateId,
    name: b.delegateName,
    organization: pickText(b.organizationName, locale),
  }));
  const tables = data.forumTables.filter((x) => x.active);
  const choices =
    what === 'tables'
      ? tables.map((x) => ({ value: x.id, label: x.label }))
      : people.map((p) => ({ value: p.delegateId, label: `${p.name} · ${p.organization}` }));

  let sheets: ReactNode[];
  if (what === 'agendas') {
    const agendas = delegateAgendas(people, meetings.data.editionMeetings, data.forumSlots).filter(
      (a) => !one || a.delegateId === one,
    );
    sheets = agendas.map((a) => <AgendaSheet key={a.delegateId} setup={data} agenda={a} />);
  } else if (what === 'tables') {
    sheets = tableSheets(data.forumTables, meetings.data.editionMeetings, data.forumSlots)
      .filter((s) => !one || s.table.id === one)
      .map((s) => <TableSheetPage key={s.table.id} setup={data} sheet={s} />);
  } else {
    sheets = chunk(
      badges.data.filter((b) => !one || b.delegateId === one),
      BADGES_PER_PAGE,
    ).map((page, i) => <BadgeSheet key={i} badges={page} page={i + 1} />);
  }

  return (
    <Stack gap="md" className="print-page">
      <Stack gap="sm" className="no-print">
        <Anchor
          renderRoot={(props) => (
            <Link
              to="/console/forum/$editionId"
              params={{ editionId }}
              search={{ tab: 'schedule' }}
              {...props}
            />
          )}
        >
          {t('consoleDesk.backToEdition')}
        </Anchor>
        <Title order={1}>{t('consolePrint.title')}</Title>
        <Text>
          <bdi>{pickText(edition.name, locale)}</bdi>
        </Text>
        {!edition.publishedAt && !meetings.data.editionMeetings.length && what !== 'badges' && (
          <Alert color="yellow">{t('consolePrint.unpublished')}</Alert>
        )}
        <SegmentedControl
          value={what}
          onChange={(v) => go({ what: v as PrintKind })}
          data={PRINT_KINDS.map((k) => ({ value: k, label: t(`consolePrint.kind.${k}`) }))}
          aria-label={t('consolePrint.kindLabel')}
          fullWidth
        />
        <Select
          label={what === 'tables' ? t('consolePrint.oneTable') : t('consolePrint.oneDelegate')}
          placeholder={t('consolePrint.all')}
          data={choices}
          value={one ?? null}
          onChange={(v) => go({ what, ...(v ? { one: v } : {}) })}
          searchable
          clearable
          nothingFoundMessage={t('consolePrint.nothingFound')}
        />
        <Group justify="space-between" wrap="wrap">
          <Text data-testid="print-count">{t('consolePrint.pages', { count: sheets.length })}</Text>
          <Button onClick={() => window.print()} disabled={!sheets.length}>
            {t('consolePrint.print')}
          </Button>
        </Group>
      </Stack>
      <div className="print-sheets" data-kind={what}>
        {sheets}
      </div>
    </Stack>
  );
}

function SheetHeader({ setup }: { setup: EditionSetup }) {
  const { locale } = useLocale();
  const e = setup.forumEdition;
  return (
    <header className="print-head">
      <Text fw={700}>
        <bdi>{pickText(e.name, locale)}</bdi>
      </Text>
      {e.venue && (
        <Text size="sm">
          <bdi>{e.venue}</bdi>
        </Text>
      )}
    </header>
  );
}

function AgendaSheet({ setup, agenda }: { setup: EditionSetup; agenda: DelegateAgenda }) {
  const t = useT();
  const { locale } = useLocale();
  const f = slotFormat(locale, setup.forumEdition.timezone);
  return (
    <section className="print-sheet" data-testid="agenda-sheet" aria-label={agenda.name}>
      <SheetHeader setup={setup} />
      <h2 className="print-title">
        <bdi>{agenda.name}</bdi>
      </h2>
      <p className="print-sub">
        <bdi>{agenda.organization}</bdi>
      </p>
      {agenda.lines.length ? (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('consolePrint.col.time')}</th>
              <th scope="col">{t('consolePrint.col.table')}</th>
              <th scope="col">{t('consolePrint.col.with')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.lines.map((l) => (
              <tr key={l.meetingId}>
                <td>
                  <span className="print-day">{f.day(l.slot.startsAt)}</span>{' '}
                  <span dir="ltr">{f.range(l.slot.startsAt, l.slot.endsAt)}</span>
                </td>
                <td>
                  <bdi>{l.tableLabel ?? '—'}</bdi>
                </td>
                <td>
                  <bdi>{l.counterpart.name}</bdi> · <bdi>{l.counterpart.organization}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('consolePrint.noMeetings')}</p>
      )}
      <p className="print-foot">
        {t('consolePrint.zone', {
          zone: zoneName(setup.forumEdition.timezone, intlLocaleOf(locale), setup.forumSlots[0]?.startsAt),
        })}
      </p>
    </section>
  );
}

function Party({ m, side }: { m: GridMeeting; side: 'a' | 'b' }) {
  return side === 'a' ? (
    <>
      <bdi>{m.delegateName}</bdi> · <bdi>{m.organizationName}</bdi>
    </>
  ) : (
    <>
      <bdi>{m.counterpartDelegateName}</bdi> · <bdi>{m.counterpartOrganizationName}</bdi>
    </>
  );
}

function TableSheetPage({ setup, sheet }: { setup: EditionSetup; sheet: TableSheet }) {
  const t = useT();
  const { locale } = useLocale();
  const f = slotFormat(locale, setup.forumEdition.timezone);
  return (
    <section className="print-sheet" data-testid="table-sheet" aria-label={sheet.table.label}>
      <SheetHeader setup={setup} />
      <h2 className="print-title">{t('consolePrint.tableTitle', { label: sheet.table.label })}</h2>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('consolePrint.col.time')}</th>
            <th scope="col">{t('consolePrint.col.meeting')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map(({ slot, meeting }) => (
            <tr key={slot.id}>
              <td>
                <span className="print-day">{f.day(slot.startsAt)}</span>{' '}
                <span dir="ltr">{f.range(slot.startsAt, slot.endsAt)}</span>
              </td>
              <td>
                {meeting ? (
                  <>
                    <Party m={meeting} side="a" />
                    <br />
                    <Party m={meeting} side="b" />
                  </>
                ) : (
                  <span className="print-free">{t('consolePrint.free')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-foot">
        {t('consolePrint.zone', {
          zone: zoneName(setup.forumEdition.timezone, intlLocaleOf(locale), setup.forumSlots[0]?.startsAt),
        })}
      </p>
    </section>
  );
}

function BadgeSheet({ badges, page }: { badges: PrintBadge[]; page: number }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section
      className="print-sheet badge-sheet"
      data-testid="badge-sheet"
      aria-label={t('consolePrint.badgePage', { page })}
    >
      {badges.map((b) => (
        <article key={b.delegateId} className="print-badge" data-testid="print-badge" data-code={b.code}>
          <QRCodeSVG
            value={b.code}
            size={132}
            level="M"
            marginSize={2}
            role="img"
            aria-label={t('consolePrint.qr', { name: b.delegateName })}
          />
          <div className="print-badge-text">
            <p className="print-badge-name">
              <bdi>{b.delegateName}</bdi>
            </p>
            <p>
              <bdi>{pickText(b.organizationName, locale)}</bdi>
            </p>
            <p>{countryName(b.organizationCountry, locale)}</p>
            <p className="print-badge-code" dir="ltr">
              {b.code}
            </p>
          </div>
        </article>
      ))}
    </section>
  );
}
