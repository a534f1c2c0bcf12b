import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** One line of an import file, parsed to a plain object, or the reason it could not be. */
export interface RawRecord {
  line: number;
  value?: unknown;
  error?: string;
}

const LIST_COLUMNS = new Set([
  'sectors',
  'languages',
  'certifications',
  'targetCertifications',
  'purchasingCategories',
  'services',
]);
const NUMBER_COLUMNS = new Set(['foundedYear']);

/** `region_code` → `regionCode`: spreadsheet headers are snake_case, the organisation fields camelCase. */
const camelCase = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A CSV row (flat columns, lists separated by `;`, text as `name_fr` etc.) as organisation input. */
export function csvRowToInput(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text: Record<string, Record<string, string>> = {};
  for (const [rawKey, rawValue] of Object.entries(row)) {
    const column = rawKey.trim();
    const key = camelCase(column);
    const value = rawValue.trim();
    if (value === '') continue;
    const m = /^(name|description)_(ar|fr|en)$/.exec(column);
    if (m) (text[m[1]] ??= {})[m[2]] = value;
    else if (key === 'processes')
      out.capabilities = value
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((process) => ({ process }));
    else if (key === 'collaborations')
      // `REF@2017;OTHER@2019`: partners by import ref, each with its year.
      out.collaborations = value
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => {
          const at = c.lastIndexOf('@');
          return at > 0
            ? { ref: c.slice(0, at).trim(), year: Number(c.slice(at + 1)) }
            : { ref: c, year: NaN };
        });
    else if (LIST_COLUMNS.has(key))
      out[key] = value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    else if (NUMBER_COLUMNS.has(key)) out[key] = Number(value);
    else out[key] = value;
  }
  Object.assign(out, text);
  return out;
}

async function* jsonl(path: string): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (e) {
      yield { line, error: `invalid JSON: ${(e as Error).message}` };
    }
  }
}

/** CSV records of a stream whose first line is the header; `lineOffset` is added to each record's line. */
async function* csvOf(input: Readable, lineOffset = 0): AsyncGenerator<RawRecord> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: false, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines + lineOffset, value: csvRowToInput(record) };
    }
  } catch (e) {
    yield { line: -1, error: `CSV could not be read past this point: ${(e as Error).message}` };
  }
}

const csv = (path: string) => csvOf(createReadStream(path, 'utf8'));

export type ImportFormat = 'CSV' | 'JSONL';

/** A part of an import file sent as text (the web console sends a file in parts, each a whole number of records). */
export interface ImportChunk {
  format: ImportFormat;
  text: string;
  /** The line of the file `text` starts on (1 for the first part). */
  firstLine: number;
  /** CSV: the file's header line, for parts after the first (the first part starts with it). */
  header?: string | null;
}

/** The records of one part of a file, numbered with the file's own line numbers. */
export function readChunk(chunk: ImportChunk): AsyncGenerator<RawRecord> {
  if (chunk.format === 'CSV') {
    // The header keeps its own line ending, so the part reads as the file does.
    const header = chunk.header ? (chunk.header.endsWith('\n') ? chunk.header : `${chunk.header}\n`) : '';
    return csvOf(Readable.from([header + chunk.text]), chunk.firstLine - 1 - (header ? 1 : 0));
  }
  return jsonlOf(chunk.text, chunk.firstLine);
}

async function* jsonlOf(text: string, firstLine: number): AsyncGenerator<RawRecord> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim()) continue;
    try {
      yield { line: firstLine + i, value: JSON.parse(line) };
    } catch (e) {
      yield { line: firstLine + i, error: `invalid JSON: ${(e as Error).message}` };
    }
  }
}

/** Records of a `.jsonl`/`.ndjson` or `.csv` file, streamed. */
export function readRecords(path: string): AsyncGenerator<RawRecord> {
  if (/\.csv$/i.test(path)) return csv(path);
  if (/\.(jsonl|ndjson)$/i.test(path)) return jsonl(path);
  throw new Error(`unsupported file type: ${path} (use .jsonl, .ndjson or .csv)`);
}
