import { parse } from 'csv-parse/browser/esm/sync';

/*
 * The delegates CSV the console imports: a header line, then one delegate a line. Columns
 * (any order, case-insensitive): organization_id, name, email, and optionally languages
 * (ISO 639-1 codes separated by spaces, semicolons or "|") and group (a group code of the edition).
 * Rows that cannot be read are rejected here with a reason; the rest go to the api one by one,
 * which rejects what its own rules refuse.
 */

export type RowProblem =
  | 'MISSING_ORGANIZATION'
  | 'BAD_ORGANIZATION'
  | 'MISSING_NAME'
  | 'BAD_EMAIL'
  | 'BAD_LANGUAGE'
  | 'UNKNOWN_GROUP'
  | 'DUPLICATE_EMAIL';

export interface DelegateRow {
  /** The line in the file (the header is line 1). */
  line: number;
  organizationId: string;
  name: string;
  email: string;
  languages: string[];
  groupId: string | null;
}

export interface RejectedRow {
  line: number;
  /** A problem found in the file, or the api's error code. */
  reason: RowProblem | string;
  /** The api's message, when the api refused the row. */
  details?: string;
  raw: string;
}

export type HeaderProblem = { missing: string[] };

const REQUIRED = ['organization_id', 'name', 'email'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE = /^[a-z]{2}$/;

/** Reads the file: the rows ready to send, the rejected ones with their reason, or the missing columns. */
export function readDelegatesCsv(
  text: string,
  groupsByCode: ReadonlyMap<string, string>,
): { rows: DelegateRow[]; rejected: RejectedRow[] } | HeaderProblem {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) return { missing: [...REQUIRED] };
  const header = records[0].record.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) return { missing };
  const col = (record: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (record[i] ?? '').trim();
  };
  const rows: DelegateRow[] = [];
  const rejected: RejectedRow[] = [];
  const emails = new Set<string>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const raw = record.join(',');
    const reject = (reason: RowProblem) => rejected.push({ line, reason, raw });
    const organizationId = col(record, 'organization_id');
    const name = col(record, 'name');
    const email = col(record, 'email').toLowerCase();
    const languages = col(record, 'languages')
      .split(/[\s;|]+/)
      .map((l) => l.toLowerCase())
      .filter(Boolean);
    const groupCode = col(record, 'group');
    if (!organizationId) reject('MISSING_ORGANIZATION');
    else if (!UUID.test(organizationId)) reject('BAD_ORGANIZATION');
    else if (!name) reject('MISSING_NAME');
    else if (!EMAIL.test(email)) reject('BAD_EMAIL');
    else if (languages.some((l) => !LANGUAGE.test(l))) reject('BAD_LANGUAGE');
    else if (groupCode && !groupsByCode.has(groupCode)) reject('UNKNOWN_GROUP');
    else if (emails.has(`${organizationId} ${email}`)) reject('DUPLICATE_EMAIL');
    else {
      emails.add(`${organizationId} ${email}`);
      rows.push({
        line,
        organizationId: organizationId.toLowerCase(),
        name,
        email,
        languages,
        groupId: groupCode ? groupsByCode.get(groupCode)! : null,
      });
    }
  }
  return { rows, rejected };
}

/** The rejected rows as a CSV to download: line, reason, details, then the row as it was. */
export function rejectedCsv(rejected: RejectedRow[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    'line,reason,details,row',
    ...rejected.map((r) => [String(r.line), r.reason, r.details ?? '', r.raw].map(cell).join(',')),
  ].join('\n');
}
