import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import { catalogue, demoPassword } from '../e2e/kit';
import { e2eDatabaseUrl } from '../e2e/stack';

/*
 * Time to first render of the console's delegates table and slots x tables grid on the scale
 * instance of docs/FORUM.md (1,500 delegates, 12,000 accepted requests, two days of 16 slots,
 * 150 tables, the meetings a first-fit placement gives), against a baseline measured in the same
 * run: the same screens on an edition of 80 delegates. Loads both editions straight into the
 * database of a running stack, then prints one JSON line per screen with the median of 5 loads.
 */

const RUNS = 5;

async function organiserApi(request: APIRequestContext) {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await request.post('/graphql', {
      data: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const token = (
    await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: 'organiser@tashbik.test',
      p: demoPassword('organiser@tashbik.test'),
    })
  ).login.accessToken as string;
  return (query: string, variables: Record<string, unknown>) => gql(query, variables, token);
}

/** An open edition of `delegates` delegates, `perDelegate` accepted requests each, meetings placed first-fit. */
async function loadEdition(
  request: APIRequestContext,
  delegates: number,
  perDelegate: number,
  tables: number,
): Promise<string> {
  const gql = await organiserApi(request);
  const session = (day: string, kind: string, start: string, end: string) => ({ day, kind, start, end });
  const editionId = (
    await gql(`mutation($i: CreateForumEditionInput!) { createForumEdition(input: $i) { id } }`, {
      i: {
        name: { fr: `Échelle ${delegates} ${Date.now()}` },
        startsOn: '2032-05-10',
        endsOn: '2032-05-11',
        slotMinutes: 30,
        sessions: [
          session('2032-05-10', 'MORNING', '09:00', '13:00'),
          session('2032-05-10', 'AFTERNOON', '14:00', '18:00'),
          session('2032-05-11', 'MORNING', '09:00', '13:00'),
          session('2032-05-11', 'AFTERNOON', '14:00', '18:00'),
        ],
      },
    })
  ).createForumEdition.id as string;
  await gql(`mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { id } }`, { id: editionId });
  await gql(
    `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
    {
      e: editionId,
      t: Array.from({ length: tables }, (_, i) => ({ label: `T${i + 1}` })),
    },
  );
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    await db.query('BEGIN');
    const ids = (
      await db.query<{ id: string; organization_id: string }>(
        `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                         FROM organization WHERE status = 'ACTIVE')
         INSERT INTO forum_delegate (edition_id, organization_id, name, email, languages)
         SELECT $1, o.id, 'Délégué ' || g, 'scale' || g || '@example.org', '{ar,fr}'
           FROM generate_series(0, $2 - 1) g JOIN orgs o ON o.n = g % o.total
         RETURNING id, organization_id`,
        [editionId, delegates],
      )
    ).rows;
    const from: string[] = [],
      fromOrg: string[] = [],
      to: string[] = [],
      toOrg: string[] = [];
    for (let i = 0; i < ids.length; i++)
      for (let k = 1; k <= perDelegate; k++) {
        const j = (i + k * 37) % ids.length;
        if (ids[i].organization_id === ids[j].organization_id) continue;
        from.push(ids[i].id);
        fromOrg.push(ids[i].organization_id);
        to.push(ids[j].id);
        toOrg.push(ids[j].organization_id);
      }
    const requests = (
      await db.query<{ id: string; from_delegate_id: string; to_delegate_id: string }>(
        `INSERT INTO forum_meeting_request (edition_id, from_delegate_id, from_organization_id, to_delegate_id, to_organization_id, status, expires_at, responded_at)
         SELECT $1, f, fo, t, tor, 'ACCEPTED', now() + interval '30 days', now()
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS x(f, fo, t, tor)
         RETURNING id, from_delegate_id, to_delegate_id`,
        [editionId, from, fromOrg, to, toOrg],
      )
    ).rows;
    const slots = (
      await db.query<{ id: string }>(
        `SELECT id FROM forum_slot WHERE edition_id = $1 AND NOT is_break ORDER BY starts_at`,
        [editionId],
      )
    ).rows;
    const tableIds = (
      await db.query<{ id: string }>(`SELECT id FROM forum_table WHERE edition_id = $1 ORDER BY label`, [
        editionId,
      ])
    ).rows;
    const busy = new Set<string>();
    const used = slots.map(() => 0);
    const m: { id: string; request: string; slot: string; table: string; a: string; b: string }[] = [];
    for (const r of requests)
      for (let s = 0; s < slots.length; s++) {
        if (
          used[s] >= tableIds.length ||
          busy.has(`${s} ${r.from_delegate_id}`) ||
          busy.has(`${s} ${r.to_delegate_id}`)
        )
          continue;
        busy.add(`${s} ${r.from_delegate_id}`);
        busy.add(`${s} ${r.to_delegate_id}`);
        m.push({
          id: randomUUID(),
          request: r.id,
          slot: slots[s].id,
          table: tableIds[used[s]++].id,
          a: r.from_delegate_id,
          b: r.to_delegate_id,
        });
        break;
      }
    await db.query(
      `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, uid)
       SELECT id, $1, r, s, t, 'DRAFT', id || '@tashbik' FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS x(id, r, s, t)`,
      [editionId, m.map((x) => x.id), m.map((x) => x.request), m.map((x) => x.slot), m.map((x) => x.table)],
    );
    await db.query(
      `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
       SELECT id, d, s, 'DRAFT' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(id, d, s)`,
      [
        [...m.map((x) => x.id), ...m.map((x) => x.id)],
        [...m.map((x) => x.a), ...m.map((x) => x.b)],
        [...m.map((x) => x.slot), ...m.map((x) => x.slot)],
      ],
    );
    await db.query('COMMIT');
    console.log(
      JSON.stringify({
        edition: editionId,
        delegates: ids.length,
        requests: requests.length,
        meetings: m.length,
        tables,
      }),
    );
  } finally {
    await db.end();
  }
  return editionId;
}

/** Milliseconds from the tab's click to its first row, median of RUNS loads of the page. */
async function firstRender(
  page: Page,
  editionId: string,
  tab: 'delegates' | 'schedule' | 'requests',
  selector: string,
  view?: 'matrix',
): Promise<number> {
  const t = catalogue('fr');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // The edition page first (set-up tab), then the timed switch to the tab: only that tab's queries and render count.
    await page.evaluate((id) => {
      window.history.pushState({}, '', `/console/forum/${id}?tab=setup`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, editionId);
    await expect(page.getByRole('tab', { name: t[`consoleForum.tab.${tab}`] })).toBeVisible();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const start = await page.evaluate(() => performance.now());
    // The matrix has no tab of its own: its URL is opened the way a tab's click opens the tab's.
    if (view)
      await page.evaluate(
        ([id, v]) => {
          window.history.pushState({}, '', `/console/forum/${id}?tab=requests&view=${v}`);
          window.dispatchEvent(new PopStateEvent('popstate'));
        },
        [editionId, view],
      );
    else await page.getByRole('tab', { name: t[`consoleForum.tab.${tab}`] }).click();
    await page.locator(selector).first().waitFor();
    times.push((await page.evaluate(() => performance.now())) - start);
    await page.evaluate(() => {
      window.history.pushState({}, '', '/console');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

test.use({ locale: 'fr', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

test('first render of the delegates table, the slots x tables grid and the request table and matrix, 1,500 delegates against 80', async ({
  page,
  request,
}) => {
  const baseline = await loadEdition(request, 80, 8, 10);
  const scale = await loadEdition(request, 1500, 8, 150);
  const t = catalogue('fr');
  // Signing in applies the language saved on the account: the screens are read in French.
  await (
    await organiserApi(request)
  )(`mutation($l: Locale!) { setMyLocale(locale: $l) }`, { l: 'fr' });
  await page.goto('/signin');
  await page.getByLabel(t['auth.email']).fill('organiser@tashbik.test');
  await page.getByLabel(t['auth.password']).fill(demoPassword('organiser@tashbik.test'));
  await page.getByRole('button', { name: t['auth.signIn.submit'] }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.evaluate(() => {
    window.history.pushState({}, '', '/console');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  for (const [screenName, tab, selector, view] of [
    ['delegates table', 'delegates', '[data-testid="delegates-table"] tbody tr', undefined],
    ['slots x tables grid', 'schedule', '.slot-grid .grid-meeting', undefined],
    ['request table', 'requests', '[data-testid="requests-table"] tbody tr', undefined],
    ['request matrix', 'requests', '[data-testid="request-matrix"] tbody tr', 'matrix'],
  ] as const) {
    const small = await firstRender(page, baseline, tab, selector, view);
    const large = await firstRender(page, scale, tab, selector, view);
    console.log(
      JSON.stringify({
        screen: screenName,
        baselineMs: Math.round(small),
        scaleMs: Math.round(large),
        ratio: +(large / small).toFixed(2),
      }),
    );
  }
});
