import { randomBytes } from 'node:crypto';
import { bootTestApp, signIn, type TestApp, type TestUser, codeOf } from '#testing';

/*
 * What the web console adds to the api: the staff list and finding an account by email (admins),
 * and the command line's importer over GraphQL, a part of a file at a time (organisers).
 */

let app: TestApp;
let admin: TestUser;
let organiser: TestUser;
let member: TestUser;

beforeAll(async () => {
  app = await bootTestApp();
  admin = await signIn(app, { roles: ['ADMIN'], displayName: 'Amina Admin' });
  organiser = await signIn(app, { roles: ['ORGANISER'], displayName: 'Omar Organiser' });
  member = await signIn(app);
}, 120_000);
afterAll(() => app?.close());

describe('staff', () => {
  const STAFF = `{ platformStaff { userId email displayName roles } }`;
  const FIND = `query($e: String!) { userByEmail(email: $e) { userId email displayName roles } }`;

  it('lists every account with a platform role, with its roles, for admins only', async () => {
    const res = await app.gql<{ platformStaff: { userId: string; roles: string[] }[] }>(
      STAFF,
      {},
      admin.headers,
    );
    const staff = res.data!.platformStaff;
    expect(staff).toEqual(
      expect.arrayContaining([
        { userId: admin.userId, email: admin.email, displayName: 'Amina Admin', roles: ['ADMIN'] },
        {
          userId: organiser.userId,
          email: organiser.email,
          displayName: 'Omar Organiser',
          roles: ['ORGANISER'],
        },
      ]),
    );
    expect(staff.map((s) => s.userId)).not.toContain(member.userId);
    expect(codeOf(await app.gql(STAFF, {}, organiser.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(STAFF, {}, member.headers))).toBe('FORBIDDEN');
  });

  it('finds an account by its email in any case, null for an unknown one, for admins only', async () => {
    const found = await app.gql<{ userByEmail: unknown }>(
      FIND,
      { e: ` ${member.email.toUpperCase()} ` },
      admin.headers,
    );
    expect(found.data!.userByEmail).toEqual({
      userId: member.userId,
      email: member.email,
      displayName: 'Test User',
      roles: [],
    });
    const none = await app.gql<{ userByEmail: unknown }>(
      FIND,
      { e: 'nobody-here@example.org' },
      admin.headers,
    );
    expect(none.data!.userByEmail).toBeNull();
    expect(codeOf(await app.gql(FIND, { e: '' }, admin.headers))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(FIND, { e: member.email }, organiser.headers))).toBe('FORBIDDEN');
  });
});

describe('importOrganizations', () => {
  const IMPORT = `mutation($i: ImportChunkInput!) {
    importOrganizations(input: $i) { read imported skipped rejected { line ref reasons } }
  }`;
  const tag = randomBytes(3).toString('hex');
  const HEADER = 'ref,kind,name_fr,name_ar,country,region_code,sectors,processes,languages';
  const count = async () =>
    Number(
      (
        await app.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM organization WHERE external_ref LIKE $1`,
          [`web-${tag}-%`],
        )
      ).rows[0].n,
    );

  it('imports a CSV file sent in two parts, reporting the bad row by its line in the file', async () => {
    const first = await app.gql<{ importOrganizations: unknown }>(
      IMPORT,
      {
        i: {
          format: 'CSV',
          firstLine: 1,
          text: `${HEADER}\nweb-${tag}-1,SME,Fonderie web,مسبك,DZ,DZ-13,24;25,CASTING,ar;fr\nweb-${tag}-bad,SME,Secteur inventé,,DZ,DZ-16,ZZ,,\n`,
        },
      },
      organiser.headers,
    );
    expect(first.data!.importOrganizations).toEqual({
      read: 2,
      imported: 1,
      skipped: 0,
      rejected: [{ line: 3, ref: `web-${tag}-bad`, reasons: [expect.stringMatching(/unknown ISIC.*"ZZ"/)] }],
    });
    const second = await app.gql<{ importOrganizations: unknown }>(
      IMPORT,
      {
        i: {
          format: 'CSV',
          firstLine: 4,
          header: `${HEADER}\n`,
          text: `web-${tag}-2,LARGE_FIRM,Ciments web,,TN,,23,,fr\n`,
        },
      },
      organiser.headers,
    );
    expect(second.data!.importOrganizations).toEqual({ read: 1, imported: 1, skipped: 0, rejected: [] });
    const rows = await app.db.query(
      `SELECT external_ref, kind, country, sectors, name->>'fr' AS name FROM organization
        WHERE external_ref LIKE $1 ORDER BY external_ref`,
      [`web-${tag}-%`],
    );
    expect(rows.rows).toEqual([
      {
        external_ref: `web-${tag}-1`,
        kind: 'SME',
        country: 'DZ',
        sectors: ['24', '25'],
        name: 'Fonderie web',
      },
      {
        external_ref: `web-${tag}-2`,
        kind: 'LARGE_FIRM',
        country: 'TN',
        sectors: ['23'],
        name: 'Ciments web',
      },
    ]);
    // Each imported organisation has its outbox row, so the search index follows.
    const outbox = await app.db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN organization g ON g.id::text = o.entity_id::text
        WHERE g.external_ref LIKE $1`,
      [`web-${tag}-%`],
    );
    expect(outbox.rows[0].n).toBeGreaterThanOrEqual(2);

    // The same part again: skipped, not duplicated.
    const again = await app.gql<{ importOrganizations: { skipped: number; imported: number } }>(
      IMPORT,
      {
        i: {
          format: 'CSV',
          firstLine: 4,
          header: HEADER,
          text: `web-${tag}-2,LARGE_FIRM,Ciments web,,TN,,23,,fr\n`,
        },
      },
      organiser.headers,
    );
    expect(again.data!.importOrganizations).toMatchObject({ imported: 0, skipped: 1 });
    expect(await count()).toBe(2);
  });

  it('imports JSON Lines with the file line numbers', async () => {
    const res = await app.gql<{ importOrganizations: unknown }>(
      IMPORT,
      {
        i: {
          format: 'JSONL',
          firstLine: 10,
          text: `{"ref":"web-${tag}-j","kind":"SME","name":{"fr":"JSON web"},"country":"MA","sectors":["22"]}\n{oops\n`,
        },
      },
      organiser.headers,
    );
    expect(res.data!.importOrganizations).toEqual({
      read: 2,
      imported: 1,
      skipped: 0,
      rejected: [{ line: 11, ref: null, reasons: [expect.stringMatching(/^invalid JSON/)] }],
    });
    expect(await count()).toBe(3);
  });

  it('refuses members, and bad parts with a machine-readable code, writing nothing', async () => {
    const part = { format: 'CSV', firstLine: 1, text: `${HEADER}\nweb-${tag}-m,SME,Membre,,DZ,,24,,\n` };
    expect(codeOf(await app.gql(IMPORT, { i: part }, member.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(IMPORT, { i: { ...part, firstLine: 0 } }, organiser.headers))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await app.gql(IMPORT, { i: { ...part, header: 'a,b\nc,d' } }, organiser.headers))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await app.gql(IMPORT, { i: { ...part, format: 'JSONL', header: 'x' } }, organiser.headers)),
    ).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(3);
  });
});
