/*
 * An import file cut into parts the api accepts (its request body is limited to 256 kB): each part
 * is a whole number of records, numbered with the file's own lines, and a CSV part after the first
 * carries the header line. Pure functions, so they are tested without a browser.
 */

export type ImportFormat = 'CSV' | 'JSONL';

export interface ImportPart {
  text: string;
  /** The file line the part starts on. */
  firstLine: number;
  /** CSV parts after the first: the file's header line, with its line ending. */
  header: string | null;
  /** Characters of the file up to the end of this part, for progress. */
  end: number;
}

/** Text of this size or less, once JSON-encoded in UTF-8, fits a request with room to spare. */
export const PART_BYTES = 120_000;

export function formatOf(fileName: string): ImportFormat | null {
  if (/\.csv$/i.test(fileName)) return 'CSV';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'JSONL';
  return null;
}

const encoder = new TextEncoder();
/** Bytes a string takes in the request's JSON body. */
export const jsonBytes = (s: string): number => encoder.encode(JSON.stringify(s)).length - 2;

/**
 * The records of the text as [start, end) offsets with the line each starts on. A CSV record ends
 * at a line break outside quotes (a quoted field may hold line breaks); a JSON Lines record at any.
 */
export function records(text: string, format: ImportFormat): { start: number; end: number; line: number }[] {
  const out: { start: number; end: number; line: number }[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (format === 'CSV' && c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) {
        out.push({ start, end: i + 1, line: startLine });
        start = i + 1;
        startLine = line;
      }
    }
  }
  if (start < text.length) out.push({ start, end: text.length, line: startLine });
  return out;
}

/** The parts to send, in order; a record longer than `maxBytes` travels alone (the api then says why it refuses it). */
export function splitImport(text: string, format: ImportFormat, maxBytes = PART_BYTES): ImportPart[] {
  const all = records(text, format);
  const headerRecord = format === 'CSV' ? all[0] : undefined;
  const header = headerRecord ? text.slice(headerRecord.start, headerRecord.end) : null;
  const parts: ImportPart[] = [];
  let i = 0;
  while (i < all.length) {
    const first = all[i];
    let end = i;
    let bytes =
      jsonBytes(text.slice(first.start, first.end)) + (parts.length && header ? jsonBytes(header) : 0);
    while (end + 1 < all.length) {
      const next = jsonBytes(text.slice(all[end + 1].start, all[end + 1].end));
      if (bytes + next > maxBytes) break;
      bytes += next;
      end++;
    }
    parts.push({
      text: text.slice(first.start, all[end].end),
      firstLine: first.line,
      header: parts.length ? header : null,
      end: all[end].end,
    });
    i = end + 1;
  }
  return parts;
}
