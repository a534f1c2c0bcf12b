import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { catalogue, demoPassword, organiserApi as api, screen, sql, type Catalogue } from './kit';

/*
 * The organisers' printing and venue desk, in Arabic and in French, on an edition this journey makes
 * through the api (ten delegates of ten firms, two walk-in meetings in the first round): the
 * organiser prints the badges (under print media: the names and a QR code on each badge, eight to an
 * A4 page, two pages in the PDF Chromium prints) and the agendas (one page per delegate); then, in a
 * Chromium whose camera films a QR code drawn from a badge, checks that delegate in by scanning,
 * checks another in by name, marks a no-show on the live board of the round on now, and books a
 * walk-in meeting from two delegates' free slots; the board, live, empties a table whose request is
 * withdrawn elsewhere, without polling. axe-core checks each screen.
 */

const DELEGATES = 10;
const WIDTH = 640;
const HEIGHT = 480;

/** An open edition 20 days ahead, three tables, ten delegates and two meetings in its first round. */
async function edition(gql: Awaited<ReturnType<typeof api>>, run: string) {
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const id = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { ar: `منتدى المكتب ${run}`, fr: `Forum du guichet ${run}` },
        startsOn: day,
        endsOn: day,
        slotMinutes: 30,
        venue: 'CIC Alger',
        sessions: [{ day, kind: 'MORNING', start: '09:00', end: '12:00' }],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`, { id });
  await gql(
    `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
    {
      e: id,
      t: [{ label: 'T1' }, { label: 'T2' }, { label: 'T3' }],
    },
  );
  const orgs = await sql<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY random() LIMIT $1`,
    [DELEGATES],
  );
  const delegates: { id: string; name: string }[] = [];
  for (const [i, o] of orgs.entries()) {
    const name = `${String.fromCharCode(65 + i)}${run} Délégué`;
    const d = await gql(`mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`, {
      i: { editionId: id, organizationId: o.id, name, email: `desk-${run}-${i}@example.test` },
    });
    delegates.push({ id: d.registerDelegate.id as string, name });
  }
  const slots = (await gql(`query($e: ID!) { forumSlots(editionId: $e) { id isBreak startsAt } }`, { e: id }))
    .forumSlots as { id: string; isBreak: boolean; startsAt: string }[];
  const first = slots.filter((s) => !s.isBreak).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  for (const [a, b] of [
    [0, 1],
    [2, 3],
  ])
    await gql(`mutation($i: WalkInInput!) { bookWalkIn(input: $i) { meeting { id } } }`, {
      i: { editionId: id, fromDelegateId: delegates[a].id, toDelegateId: delegates[b].id, slotId: first.id },
    });
  return { id, delegates, firstSlot: first.id };
}

async function signIn(page: Page, t: Catalogue, locale: string) {
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill('organiser@tashbik.test');
  await page.getByLabel(t['auth.password']).fill(demoPassword('organiser@tashbik.test'));
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page.getByRole('button', { name: t['nav.account'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The printed pages of the page as it stands, counted in the PDF Chromium prints. */
async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/**
 * A camera film of a badge: its QR code (the page's own SVG) drawn large on white and written as
 * YUV4MPEG2 frames, the format Chromium's fake camera plays in a loop.
 */
async function qrFilm(page: Page, code: string): Promise<string> {
  const luma = await page.evaluate(
    async ({ code, w, h }) => {
      const svg = document.querySelector(`[data-code="${code}"] svg`)!;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = 'white';
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = false;
      // Whole pixels per module: zxing misreads codes whose modules alternate in width.
      const modules = (svg as SVGSVGElement).viewBox.baseVal.width;
      const side = Math.floor(400 / modules) * modules;
      ctx.drawImage(img, (w - side) / 2, (h - side) / 2, side, side);
      const rgba = ctx.getImageData(0, 0, w, h).data;
      const out: number[] = [];
      for (let i = 0; i < rgba.length; i += 4)
        out.push(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
      return out;
    },
    { code, w: WIDTH, h: HEIGHT },
  );
  const y = Buffer.from(luma);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const file = join(tmpdir(), `tashbik-badge-${Date.now()}.y4m`);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array(10).fill(frame),
    ]),
  );
  return file;
}

/** A phone-sized Chromium whose camera films `film`. */
async function cameraBrowser(browser: Browser, film: string) {
  return browser.browserType().launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${film}`,
    ],
  });
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

for (const locale of ['ar', 'fr'] as const) {
  const t = catalogue(locale);
  test.describe(`printing and the venue desk in ${locale}`, () => {
    test.use({ locale, actionTimeout: 15_000 });

    test('an organiser prints badges and agendas, checks delegates in by camera and by name, marks a no-show and books a walk-in', async ({
      page,
      request,
      browser,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      const run = `${locale}${Date.now().toString(36)}`;
      const gql = await api(request);
      await gql(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: locale });
      const e = await edition(gql, run);
      const [a, b, , , x, y, scanned, byName] = e.delegates;

      // 1. From the edition's page to the badges, eight to an A4 page.
      await signIn(page, t, locale);
      await page.goto(`/console/forum/${e.id}?tab=setup`);
      await page.getByRole('link', { name: t['consolePrint.open'] }).click();
      await expect(page).toHaveURL(/\/print\?what=badges$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['consolePrint.title']);
      const badges = page.getByTestId('print-badge');
      await expect(badges).toHaveCount(DELEGATES);
      await screen(page, locale, 'console-print-badges');

      // Printed: only the sheets, each badge with its name and QR code, two A4 pages.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: t['consolePrint.print'] })).toBeHidden();
      for (const d of e.delegates) {
        const badge = badges.filter({ hasText: d.name });
        await expect(badge).toBeVisible();
        await expect(
          badge.getByRole('img', { name: t['consolePrint.qr'].replace('{name}', d.name) }),
        ).toBeVisible();
      }
      const sheets = page.getByTestId('badge-sheet');
      await expect(sheets).toHaveCount(2);
      await expect(sheets.first().getByTestId('print-badge')).toHaveCount(8);
      expect(await sheets.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
      expect(await printedPages(page)).toBe(2);
      await screen(page, locale, 'console-print-badges-printed', { axe: false });
      await page.emulateMedia({ media: 'screen' });
      const code = (await badges.filter({ hasText: scanned.name }).getAttribute('data-code'))!;
      expect(code).toMatch(/^TB1\./);
      const film = await qrFilm(page, code);

      // Agendas: one page per delegate, the walk-in meeting on both sides' pages.
      await page.getByText(t['consolePrint.kind.agendas'], { exact: true }).click();
      await expect(page).toHaveURL(/what=agendas/);
      const agendas = page.getByTestId('agenda-sheet');
      await expect(agendas).toHaveCount(DELEGATES);
      await expect(agendas.filter({ hasText: a.name }).first()).toContainText(b.name);
      await screen(page, locale, 'console-print-agendas');
      await page.emulateMedia({ media: 'print' });
      expect(await printedPages(page)).toBe(DELEGATES);
      await page.emulateMedia({ media: 'screen' });
      // One delegate's agenda alone, then a sheet per table (one page each).
      await page.getByRole('combobox', { name: t['consolePrint.oneDelegate'], exact: true }).click();
      await page.getByRole('option', { name: new RegExp(`^${a.name}`) }).click();
      await expect(page).toHaveURL(new RegExp(`one=${a.id}`));
      await expect(agendas).toHaveCount(1);
      await expect(agendas).toContainText(b.name);
      await page.getByText(t['consolePrint.kind.tables'], { exact: true }).click();
      await expect(page).toHaveURL(/what=tables$/);
      const tableSheets = page.getByTestId('table-sheet');
      await expect(tableSheets).toHaveCount(3);
      await expect(tableSheets.first()).toContainText(a.name);
      await expect(tableSheets.first()).toContainText(b.name);
      await expect(tableSheets.last()).toContainText(t['consolePrint.free']);
      await screen(page, locale, 'console-print-tables');
      await page.emulateMedia({ media: 'print' });
      expect(await printedPages(page)).toBe(3);
      await page.emulateMedia({ media: 'screen' });

      // 2. The venue desk, in a browser whose camera films the badge of `scanned`.
      // The first round is on now, so that the board shows it running.
      await sql(
        `UPDATE forum_slot SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`,
        [e.firstSlot],
      );
      const camera = await cameraBrowser(browser, film);
      try {
        const context = await camera.newContext({
          baseURL,
          locale,
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          bypassCSP: true,
        });
        const desk = await context.newPage();
        await signIn(desk, t, locale);
        await desk.goto(`/console/forum/${e.id}`);
        await desk.getByRole('link', { name: t['consoleDesk.open'] }).click();
        await expect(desk.getByRole('heading', { level: 1 })).toHaveText(t['consoleDesk.title']);
        await screen(desk, locale, 'console-desk');
        await desk.getByRole('button', { name: t['consoleDesk.scan.start'] }).click();
        const result = desk.getByTestId('checkin-result');
        await expect(result).toContainText(scanned.name, { timeout: 30_000 });
        await expect(result).toContainText(t['consoleDesk.checkedIn'].split('{time}')[0].trim());
        const arrivals = (n: number) =>
          t['consoleDesk.arrivals'].replace('{arrived}', String(n)).replace('{total}', String(DELEGATES));
        await expect(desk.getByTestId('desk-arrivals')).toHaveText(arrivals(1));
        await desk.getByRole('button', { name: t['consoleDesk.scan.stop'] }).click();
        await screen(desk, locale, 'console-desk-scanned');
        const [arrived] = await sql<{ checked_in_at: Date | null }>(
          `SELECT checked_in_at FROM forum_delegate WHERE id = $1`,
          [scanned.id],
        );
        expect(arrived.checked_in_at).not.toBeNull();

        // By name, without a badge.
        await desk.getByLabel(t['consoleDesk.manual.label']).fill(byName.name.slice(0, 6));
        await desk
          .getByRole('button', { name: t['consoleDesk.checkInName'].replace('{name}', byName.name) })
          .click();
        await expect(result).toContainText(byName.name);
        await expect(desk.getByTestId('desk-arrivals')).toHaveText(arrivals(2));

        // The board of the round on now: T1 and T2 running, T3 empty; b did not come.
        await desk.getByRole('tab', { name: t['consoleDesk.tab.board'] }).click();
        // (In French the tab and the state share a wording: the state is read inside the panel.)
        await expect(
          desk
            .getByRole('tabpanel', { name: t['consoleDesk.tab.board'] })
            .getByText(t['consoleDesk.board.state.NOW']),
        ).toBeVisible();
        const tables = desk.getByTestId('board-table');
        await expect(tables).toHaveCount(3);
        await expect(tables.filter({ hasText: t['consoleDesk.board.running'] })).toHaveCount(2);
        await expect(tables.filter({ hasText: t['consoleDesk.board.empty'] })).toHaveCount(1);
        await screen(desk, locale, 'console-desk-board');
        await desk
          .getByRole('button', { name: t['consoleDesk.board.noShowName'].replace('{name}', b.name) })
          .click();
        await expect(desk.getByText(t['consoleDesk.board.noShowMarked'])).toBeVisible();
        const outcomes = await sql<{ delegate_id: string; outcome: string | null }>(
          `SELECT p.delegate_id, p.outcome FROM forum_meeting_participant p
             JOIN forum_meeting m ON m.id = p.meeting_id WHERE m.slot_id = $1 AND p.delegate_id = ANY($2::uuid[])`,
          [e.firstSlot, [a.id, b.id]],
        );
        expect(Object.fromEntries(outcomes.map((o) => [o.delegate_id, o.outcome]))).toEqual({
          [a.id]: 'NO_SHOW',
          [b.id]: null,
        });

        // The board follows the edition live: the request behind the meeting at T2 withdrawn elsewhere
        // (here by the organiser through the api) empties that table without a reload, the board not
        // polling while live.
        await expect(desk.getByTestId('board-live')).toHaveText(t['consoleDesk.board.live']);
        const [atT2] = await sql<{ request_id: string }>(
          `SELECT m.request_id FROM forum_meeting m JOIN forum_meeting_participant p ON p.meeting_id = m.id
            WHERE m.slot_id = $1 AND p.delegate_id = $2`,
          [e.firstSlot, e.delegates[2].id],
        );
        await gql(`mutation($r: ID!) { cancelMeetingRequest(requestId: $r) { status } }`, {
          r: atT2.request_id,
        });
        await expect(tables.filter({ hasText: t['consoleDesk.board.running'] })).toHaveCount(1);
        await expect(tables.filter({ hasText: t['consoleDesk.board.empty'] })).toHaveCount(2);
        await expect(tables.filter({ hasText: e.delegates[2].name })).toHaveCount(0);
        await screen(desk, locale, 'console-desk-board-live');

        // A walk-in meeting between two delegates, in a slot both have free.
        await desk.getByRole('tab', { name: t['consoleDesk.tab.walkin'] }).click();
        await choose(desk, t['consoleDesk.walkin.first'], x.name);
        await choose(desk, t['consoleDesk.walkin.second'], y.name);
        const slots = desk.getByRole('radio');
        await expect(slots.first()).toBeVisible();
        await slots.first().check();
        await screen(desk, locale, 'console-desk-walkin');
        await desk.getByRole('button', { name: t['consoleDesk.walkin.book'] }).click();
        await expect(desk.getByTestId('walkin-booked')).toContainText(x.name);
        await expect(desk.getByTestId('walkin-booked')).toContainText(y.name);
        const booked = await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM forum_meeting m
             JOIN forum_meeting_participant p ON p.meeting_id = m.id AND p.delegate_id = $1
             JOIN forum_meeting_participant q ON q.meeting_id = m.id AND q.delegate_id = $2
            WHERE m.status = 'PUBLISHED'`,
          [x.id, y.id],
        );
        expect(booked[0].n).toBe(1);
        await screen(desk, locale, 'console-desk-walkin-booked');
        await context.close();
      } finally {
        await camera.close();
        rmSync(film, { force: true });
      }
    });
  });
}
