import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { meiliClient } from '#platform';
import { adminUrl, createTestDatabase, databaseUrl, startProcess } from '#testing';

/*
 * The command line and the start-up checks, through real processes built in dist/: what an
 * operator sees when the configuration is wrong, a service is down, or an import file is dirty.
 */

interface Run {
  code: number | null;
  output: string[];
  text: string;
  ms: number;
}

const prefix = `t${randomBytes(4).toString('hex')}_`;
const BASE_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  MEILI_HOST: process.env.MEILI_HOST ?? '',
  MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
  MEILI_INDEX_PREFIX: prefix,
  QUEUE_PREFIX: `tashbik-${prefix}`,
  PORT: '0',
};

async function run(entry: 'cli' | 'api', args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  const p = await startProcess(entry, { ...BASE_ENV, ...env }, null, args, 50_000);
  return { code: p.child.exitCode, output: p.output, text: p.output.join('\n'), ms: Date.now() - started };
}

const STACK_LINE = /^ {4}at /;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('command line and start-up', () => {
  const freshDatabases: string[] = [];
  /** A database name that does not exist yet; the global teardown also drops it if a test crashes. */
  const freshDatabase = () => {
    const name = `${process.env.TASHBIK_TEST_TEMPLATE}_fresh_${randomBytes(4).toString('hex')}`;
    freshDatabases.push(name);
    return name;
  };

  afterAll(async () => {
    await admin(async (c) => {
      for (const name of freshDatabases)
        await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    });
  });

  describe('bad configuration', () => {
    it.each([
      ['cli', ['migrate']],
      ['api', []],
    ] as ['cli' | 'api', string[]][])(
      '%s %j lists every bad variable in one message',
      async (entry, args) => {
        const r = await run(entry, args, {
          PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          MEILI_MASTER_KEY: 'short',
        });
        expect(r.code).toBe(1);
        expect(r.output.filter((l) => l.includes('Invalid configuration'))).toHaveLength(1);
        const start = r.output.findIndex((l) => l.includes('Invalid configuration'));
        const listed = r.output.slice(start + 1).filter((l) => l.startsWith('  - '));
        for (const name of ['PORT', 'DATABASE_URL', 'MEILI_MASTER_KEY'])
          expect(listed.some((l) => l.startsWith(`  - ${name}=`))).toBe(true);
        expect(listed).toHaveLength(3);
        // Nothing but the message: no stack, no log noise around it.
        expect(r.output.filter((l) => l.trim())).toHaveLength(4);
        expect(r.output.filter((l) => STACK_LINE.test(l))).toEqual([]);
      },
    );
  });

  describe('unreachable services', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database?.drop());

    it.each([
      ['Redis', { REDIS_URL: 'redis://127.0.0.1:1' }, 'redis://127.0.0.1:1', /Start it with: redis-server /],
      [
        'PostgreSQL',
        { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' },
        'postgres://postgres@127.0.0.1:1/x',
        /Start it with: pg_ctlcluster /,
      ],
      [
        'Meilisearch',
        { MEILI_HOST: 'http://127.0.0.1:1' },
        'http://127.0.0.1:1',
        /Start it with: meilisearch --http-addr 127\.0\.0\.1:1 /,
      ],
    ] as [string, Record<string, string>, string, RegExp][])(
      'the api stops at once when %s is down, saying where and how to start it',
      async (service, env, address, command) => {
        const r = await run('api', [], { DATABASE_URL: database.url, ...env });
        expect(r.code).toBe(1);
        expect(r.ms).toBeLessThan(10_000);
        const messages = r.output.filter((l) => l.includes('is not reachable'));
        expect(messages).toHaveLength(1);
        expect(r.output.filter((l) => l.trim())).toEqual(messages);
        expect(messages[0]).toContain(`${service} is not reachable at ${address}`);
        expect(messages[0]).toMatch(command);
        expect(r.output.filter((l) => STACK_LINE.test(l))).toEqual([]);
      },
    );
  });

  describe('migrate', () => {
    it('migrates a new database once, then finds it up to date', async () => {
      const name = freshDatabase();
      const first = await run('cli', ['migrate'], { DATABASE_URL: databaseUrl(name) });
      expect(first.code).toBe(0);
      const applied = /applied (\d+) migration\(s\)/.exec(first.text);
      expect(applied).not.toBeNull();
      const rows = await query<{ name: string }>(databaseUrl(name), 'SELECT name FROM migrations');
      expect(rows).toHaveLength(Number(applied![1]));

      const second = await run('cli', ['migrate'], { DATABASE_URL: databaseUrl(name) });
      expect(second.code).toBe(0);
      expect(second.text).toContain('database is up to date');
      expect(await query(databaseUrl(name), 'SELECT name FROM migrations')).toHaveLength(rows.length);
    });

    it('lets two processes migrate the same new database at the same time', async () => {
      const name = freshDatabase();
      const runs = await Promise.all([
        run('cli', ['migrate'], { DATABASE_URL: databaseUrl(name) }),
        run('cli', ['migrate'], { DATABASE_URL: databaseUrl(name) }),
      ]);
      // The output of a failed run says why (shown by the assertion's diff).
      expect(runs.map((r) => (r.code === 0 ? 0 : r.text))).toEqual([0, 0]);
      expect(runs.filter((r) => /applied \d+ migration/.test(r.text))).toHaveLength(1);
      expect(runs.filter((r) => r.text.includes('database is up to date'))).toHaveLength(1);
      const duplicated = await query(
        databaseUrl(name),
        'SELECT name FROM migrations GROUP BY name HAVING count(*) > 1',
      );
      expect(duplicated).toEqual([]);
      const tables = await query<{ n: number }>(
        databaseUrl(name),
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('organization', 'opportunity', 'outbox')`,
      );
      expect(tables[0].n).toBe(3);
    });
  });

  describe('import', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let dir: string;
    const env = () => ({ DATABASE_URL: database.url });
    const meili = meiliClient(BASE_ENV.MEILI_HOST, BASE_ENV.MEILI_MASTER_KEY);

    beforeAll(async () => {
      database = await createTestDatabase();
      dir = mkdtempSync(join(tmpdir(), 'tashbik-import-'));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await database?.drop();
      for (const kind of ['organizations', 'opportunities'])
        await meili.deleteIndexIfExists(`${prefix}${kind}`).catch(() => undefined);
    });

    const sme = (fr: string, extra: Record<string, unknown> = {}) => ({
      kind: 'SME',
      name: { fr },
      country: 'DZ',
      regionCode: 'DZ-19',
      sectors: ['25'],
      capabilities: [{ process: 'WELDING', materials: ['acier'] }],
      ...extra,
    });

    // One entry per line of the file, blank lines included, so report line numbers can be checked.
    const LINES = [
      JSON.stringify({ ref: 'imp-flat', ...sme('Soudure de Sétif') }),
      JSON.stringify({
        ref: 'imp-nested',
        organization: sme('Tôlerie de Blida', {
          contacts: [{ name: 'Amina Benali', email: 'a@example.dz' }],
        }),
        opportunities: [
          { type: 'SUBCONTRACTING_REQUEST', title: { fr: 'Découpe laser' }, amount: 5000, currency: 'DZD' },
        ],
      }),
      '',
      JSON.stringify({ ref: 'imp-bad-sector', ...sme('Secteur inconnu', { sectors: ['00'] }) }),
      JSON.stringify({ ref: 'imp-no-name', kind: 'SME', country: 'DZ' }),
      '{"ref": "imp-broken", "kind": "SME", ',
      JSON.stringify({
        ref: 'imp-bad-opportunity',
        organization: sme('Usinage sans devise'),
        opportunities: [
          { type: 'CAPABILITY_OFFER', title: { fr: 'Usinage' } },
          { type: 'FINANCING_NEED', title: { fr: 'Besoin de trésorerie' }, amount: 100000 },
        ],
      }),
      JSON.stringify({
        ref: 'imp-incubator',
        kind: 'SUPPORT_INSTITUTION',
        subtype: 'INCUBATOR',
        name: { ar: 'حاضنة أعمال سطيف' },
        country: 'DZ',
      }),
    ];
    const REJECTED: Record<number, RegExp> = {
      4: /sectors.*unknown ISIC Rev\.4 section or division "00"/,
      5: /organization\.name/,
      6: /invalid JSON/,
      7: /opportunities\.1\.currency: an amount needs a currency/,
    };

    interface Report {
      read: number;
      imported: number;
      skipped: number;
      rejected: { line: number; ref: string | null; reasons: string[] }[];
    }
    const refs = async () =>
      (
        await query<{ external_ref: string }>(
          database.url,
          'SELECT external_ref FROM organization WHERE external_ref IS NOT NULL ORDER BY external_ref',
        )
      ).map((r) => r.external_ref);

    it('imports the valid records of a JSONL file and reports the others by line', async () => {
      const file = join(dir, 'orgs.jsonl');
      writeFileSync(file, LINES.join('\n') + '\n');
      const r = await run('cli', ['import', file], env());
      expect(r.code).toBe(2);
      expect(r.output.filter((l) => STACK_LINE.test(l))).toEqual([]);

      const report = JSON.parse(readFileSync(`${file}.rejected.json`, 'utf8')) as Report;
      expect(report).toMatchObject({ read: 7, imported: 3, skipped: 0 });
      expect(report.rejected.map((x) => x.line).sort((a, b) => a - b)).toEqual([4, 5, 6, 7]);
      for (const rejection of report.rejected)
        expect(rejection.reasons.join('\n')).toMatch(REJECTED[rejection.line]);

      expect(await refs()).toEqual(['imp-flat', 'imp-incubator', 'imp-nested']);
      // The record with a bad opportunity is left out whole: neither its organisation nor its valid opportunity.
      expect(
        await query(database.url, `SELECT 1 FROM organization WHERE name->>'fr' = 'Usinage sans devise'`),
      ).toEqual([]);
      expect(await query(database.url, `SELECT 1 FROM opportunity WHERE title->>'fr' = 'Usinage'`)).toEqual(
        [],
      );

      const nested = await query<{ opportunities: number; contacts: number; region_code: string }>(
        database.url,
        `SELECT o.region_code,
                (SELECT count(*)::int FROM opportunity p WHERE p.organization_id = o.id) AS opportunities,
                (SELECT count(*)::int FROM contact_person c WHERE c.organization_id = o.id) AS contacts
         FROM organization o WHERE external_ref = 'imp-nested'`,
      );
      expect(nested).toEqual([{ region_code: 'DZ-19', opportunities: 1, contacts: 1 }]);
      // Every stored organisation is queued for search; its row also carries its opportunities.
      const queued = await query<{ entity_type: string; n: number }>(
        database.url,
        `SELECT entity_type, count(*)::int AS n FROM outbox WHERE topic = 'search' GROUP BY entity_type`,
      );
      expect(queued).toEqual([{ entity_type: 'organization', n: 3 }]);
    });

    it('skips the records already imported when the same file runs again', async () => {
      const file = join(dir, 'orgs.jsonl');
      const reportPath = join(dir, 'second-run.json');
      const before = await query<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM organization');
      const r = await run('cli', ['import', file, '--report', reportPath], env());
      expect(r.code).toBe(2);
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
      expect(report).toMatchObject({ read: 7, imported: 0, skipped: 3 });
      expect(report.rejected).toHaveLength(4);
      expect(await query(database.url, 'SELECT count(*)::int AS n FROM organization')).toEqual(before);
      expect(
        await query(database.url, 'SELECT external_ref FROM organization GROUP BY 1 HAVING count(*) > 1'),
      ).toEqual([]);
    });

    it('imports a CSV file with the documented columns, lists separated by semicolons', async () => {
      const file = join(dir, 'orgs.csv');
      writeFileSync(
        file,
        [
          'ref,kind,name_fr,name_ar,country,region_code,sectors,processes,languages,foundedYear,employeeBand',
          'csv-1,SME,Fonderie de Tlemcen,مسبك تلمسان,DZ,DZ-13,24;25,CASTING;MACHINING,ar;fr,1998,50-249',
          'csv-2,LARGE_FIRM,Ciments du Sud,,DZ,DZ-30,23,,fr,,',
          'csv-bad,SME,Secteur inventé,,DZ,DZ-16,ZZ,,,,',
          'csv-3,SME,"Plastiques, emballages et films",,TN,,22,INJECTION_MOULDING,,,1-9',
        ].join('\n') + '\n',
      );
      const r = await run('cli', ['import', file], env());
      expect(r.code).toBe(2);
      const report = JSON.parse(readFileSync(`${file}.rejected.json`, 'utf8')) as Report;
      expect(report).toMatchObject({ read: 4, imported: 3, skipped: 0 });
      expect(report.rejected).toEqual([
        { line: 4, ref: 'csv-bad', reasons: [expect.stringMatching(/unknown ISIC.*"ZZ"/)] },
      ]);
      const rows = await query<Record<string, unknown>>(
        database.url,
        `SELECT external_ref, kind, name, country, region_code, sectors, processes, languages, founded_year,
                employee_band
         FROM organization WHERE external_ref LIKE 'csv-%' ORDER BY external_ref`,
      );
      expect(rows).toEqual([
        {
          external_ref: 'csv-1',
          kind: 'SME',
          name: { ar: 'مسبك تلمسان', fr: 'Fonderie de Tlemcen', en: null },
          country: 'DZ',
          region_code: 'DZ-13',
          sectors: ['24', '25'],
          processes: ['CASTING', 'MACHINING'],
          languages: ['ar', 'fr'],
          founded_year: 1998,
          employee_band: '50-249',
        },
        {
          external_ref: 'csv-2',
          kind: 'LARGE_FIRM',
          name: { ar: null, fr: 'Ciments du Sud', en: null },
          country: 'DZ',
          region_code: 'DZ-30',
          sectors: ['23'],
          processes: [],
          languages: ['fr'],
          founded_year: null,
          employee_band: null,
        },
        {
          external_ref: 'csv-3',
          kind: 'SME',
          name: { ar: null, fr: 'Plastiques, emballages et films', en: null },
          country: 'TN',
          region_code: null,
          sectors: ['22'],
          processes: ['INJECTION_MOULDING'],
          languages: [],
          founded_year: null,
          employee_band: '1-9',
        },
      ]);
    });

    it('exits 0 and writes an empty report when nothing is rejected', async () => {
      const file = join(dir, 'clean.jsonl');
      writeFileSync(file, JSON.stringify({ ref: 'clean-1', ...sme('Mécanique de Bouira') }) + '\n');
      const r = await run('cli', ['import', file], env());
      expect(r.code).toBe(0);
      expect(existsSync(`${file}.rejected.json`)).toBe(true);
      const report = JSON.parse(readFileSync(`${file}.rejected.json`, 'utf8')) as Report;
      expect(report).toMatchObject({ read: 1, imported: 1, rejected: [] });
      expect(await refs()).toContain('clean-1');
    });
  });
});
