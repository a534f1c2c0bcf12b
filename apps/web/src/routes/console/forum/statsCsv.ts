import { stringify } from 'csv-stringify/browser/esm/sync';

export type CsvCell = string | number | null | undefined;

/** A text a spreadsheet would run as a formula: it gets a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A table as CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then reads Arabic right),
 * CRLF line ends, every text quoted when needed and defused when it starts like a formula; numbers
 * are written as they are, an empty cell for null.
 */
export function tableCsv(header: string[], rows: CsvCell[][]): string {
  const cell = (v: CsvCell) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? v : FORMULA.test(v) ? `'${v}` : v;
  return stringify([header.map(cell), ...rows.map((r) => r.map(cell))], {
    bom: true,
    record_delimiter: 'windows',
    // A bare line feed inside a cell is quoted too (the windows delimiter alone only quotes CRLF).
    quoted_match: /[\r\n]/,
    cast: { number: (n) => String(n) },
  });
}

/** A rate as a plain decimal for spreadsheets (four places), empty when there is none. */
export const csvRate = (r: number | null): string => (r === null ? '' : r.toFixed(4));
