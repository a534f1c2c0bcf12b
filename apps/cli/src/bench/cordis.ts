import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { RawRecord } from '#directory';

/** The CORDIS extract lives outside the repository; benchmarks read it where it lies. */
export const CORDIS_FILE = resolve(
  process.env.CORDIS_DIR ?? '../shared/benchmarks/cordis',
  'organisations.jsonl',
);

export const cordisAvailable = (): boolean => existsSync(CORDIS_FILE);

interface CordisOrg {
  id: string;
  name: string;
  country: string;
  city: string | null;
  activityType: string;
}

// CORDIS uses EU country codes where ISO differs.
const COUNTRY_FIX: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** CORDIS activity types mapped to directory kinds (private companies as SMEs: CORDIS gives no size). */
function kindOf(activity: string): { kind: string; subtype: string | null } {
  switch (activity) {
    case 'PRC':
      return { kind: 'SME', subtype: null };
    case 'HES':
      return { kind: 'SUPPORT_INSTITUTION', subtype: 'UNIVERSITY_LAB' };
    case 'REC':
      return { kind: 'SUPPORT_INSTITUTION', subtype: 'TECHNICAL_CENTRE' };
    case 'PUB':
      return { kind: 'PUBLIC_BODY', subtype: 'PUBLIC_AGENCY' };
    default:
      return { kind: 'SUPPORT_INSTITUTION', subtype: 'BUSINESS_AGENCY' };
  }
}

/** CORDIS organisations as import records, with `ref` = their PIC id. */
export async function* cordisRecords(): AsyncGenerator<RawRecord & { name: string; ref: string }> {
  const lines = createInterface({ input: createReadStream(CORDIS_FILE, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    const o = JSON.parse(text) as CordisOrg;
    const name = o.name.slice(0, 200);
    yield {
      line,
      name,
      ref: `cordis-${o.id}`,
      value: {
        ref: `cordis-${o.id}`,
        organization: {
          ...kindOf(o.activityType),
          name: { en: name },
          country: COUNTRY_FIX[o.country] ?? o.country,
          city: o.city?.slice(0, 120) || null,
        },
      },
    };
  }
}
