// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { csvRate, tableCsv } from './statsCsv';

describe('tableCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = tableCsv(['country', 'requests'], [['DZ', 5]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('country,requests\r\nDZ,5\r\n');
  });

  it('quotes commas, quotes and new lines, keeps Arabic as it is, and leaves null cells empty', () => {
    const csv = tableCsv(
      ['a', 'b', 'c'],
      [
        ['الجزائر، تونس', 'say "hi"', null],
        ['x\ny', 0, 'a,b'],
      ],
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      'a,b,c',
      'الجزائر، تونس,"say ""hi""",',
      '"x\ny",0,"a,b"',
      '',
    ]);
  });

  it('defuses texts that a spreadsheet would run as formulas, not negative numbers', () => {
    const csv = tableCsv(
      ['k', 'n'],
      [
        ['=1+1', -3],
        ['@SUM(A1)', 2],
        ['-x', 1],
      ],
    );
    expect(csv.slice(1).split('\r\n').slice(1, 4)).toEqual(["'=1+1,-3", "'@SUM(A1),2", "'-x,1"]);
  });
});

describe('csvRate', () => {
  it('writes four decimals, or nothing', () => {
    expect(csvRate(5 / 7)).toBe('0.7143');
    expect(csvRate(null)).toBe('');
  });
});
