import { describe, expect, it } from 'vitest';
import { formatOf, jsonBytes, records, splitImport } from './importChunks';

const HEADER = 'ref,kind,name_fr,country\n';

describe('records', () => {
  it('ends a CSV record at a line break outside quotes only, with the line it starts on', () => {
    const text = `${HEADER}a,SME,"Atlas\nSud",DZ\nb,SME,Béjaïa,DZ\n`;
    expect(records(text, 'CSV').map((r) => [r.line, text.slice(r.start, r.end)])).toEqual([
      [1, HEADER],
      [2, 'a,SME,"Atlas\nSud",DZ\n'],
      [4, 'b,SME,Béjaïa,DZ\n'],
    ]);
  });
  it('keeps a last record without a line break, and escaped quotes inside a quoted field', () => {
    const text = `${HEADER}a,SME,"Le ""Sud""\n",DZ\r\nb,SME,X,DZ`;
    expect(records(text, 'CSV').map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('ends every JSON Lines record at a line break, even one inside a string', () => {
    expect(records('{"a":"x"}\n{"b":"\n"}\n', 'JSONL').map((r) => r.line)).toEqual([1, 2, 3]);
  });
});

describe('splitImport', () => {
  it('sends a small file in one part, without a separate header', () => {
    const text = `${HEADER}a,SME,A,DZ\n`;
    expect(splitImport(text, 'CSV')).toEqual([{ text, firstLine: 1, header: null, end: text.length }]);
  });

  it('cuts at record boundaries under the byte limit; later CSV parts carry the header and their file line', () => {
    const rows = ['a,SME,"Atlas\nSud",DZ\n', 'b,SME,مسبك,DZ\n', 'c,SME,C,DZ\n', 'd,SME,D,DZ\n'];
    const text = HEADER + rows.join('');
    // Room for the header and about two rows per part; row a spans lines 2 and 3, so row c is line 5.
    const parts = splitImport(text, 'CSV', jsonBytes(HEADER) + 2 * jsonBytes(rows[0]));
    expect(parts.map((p) => [p.firstLine, p.header, p.text])).toEqual([
      [1, null, HEADER + rows[0] + rows[1]],
      [5, HEADER, rows[2] + rows[3]],
    ]);
    expect(parts.at(-1)!.end).toBe(text.length);
  });

  it('counts Arabic text and escaped characters as the request body will carry them', () => {
    expect(jsonBytes('abc')).toBe(3);
    expect(jsonBytes('مسبك')).toBe(8);
    expect(jsonBytes('a"b\n')).toBe(6);
  });

  it('lets a record larger than the limit travel alone', () => {
    const big = `{"ref":"${'x'.repeat(50)}"}\n`;
    const parts = splitImport(`{"ref":"a"}\n${big}{"ref":"b"}\n`, 'JSONL', 30);
    expect(parts.map((p) => p.firstLine)).toEqual([1, 2, 3]);
    expect(parts[1].text).toBe(big);
  });

  it('knows the formats by file name', () => {
    expect([formatOf('orgs.CSV'), formatOf('a.jsonl'), formatOf('a.ndjson'), formatOf('a.xlsx')]).toEqual([
      'CSV',
      'JSONL',
      'JSONL',
      null,
    ]);
  });
});
