import { describe, expect, it } from 'vitest';
import { readDelegatesCsv, rejectedCsv } from './delegatesCsv';

const ORG = '0b6f0c52-5d7e-4a43-9f0e-2d1b1c3a4e5f';
const GROUPS = new Map([['SME', 'g-sme']]);

describe('readDelegatesCsv', () => {
  it('reads the rows it can and rejects the others with their line and reason', () => {
    const text = [
      'Organization_ID,Name,Email,Languages,Group',
      `${ORG},Amina Benali,Amina@Example.DZ,ar fr,SME`,
      `,No Org,x@example.dz,,`,
      `not-a-uuid,Bad Org,y@example.dz,,`,
      `${ORG},,z@example.dz,,`,
      `${ORG},Bad Mail,not-an-email,,`,
      `${ORG},Bad Lang,l@example.dz,arabic,`,
      `${ORG},Bad Group,g@example.dz,,FIN`,
      `${ORG},Twice,amina@example.dz,,`,
      `"${ORG}","Quoted, Name",q@example.dz,en|fr,`,
    ].join('\n');
    const result = readDelegatesCsv(text, GROUPS);
    if ('missing' in result) throw new Error('header refused');
    expect(result.rows).toEqual([
      {
        line: 2,
        organizationId: ORG,
        name: 'Amina Benali',
        email: 'amina@example.dz',
        languages: ['ar', 'fr'],
        groupId: 'g-sme',
      },
      {
        line: 10,
        organizationId: ORG,
        name: 'Quoted, Name',
        email: 'q@example.dz',
        languages: ['en', 'fr'],
        groupId: null,
      },
    ]);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'MISSING_ORGANIZATION'],
      [4, 'BAD_ORGANIZATION'],
      [5, 'MISSING_NAME'],
      [6, 'BAD_EMAIL'],
      [7, 'BAD_LANGUAGE'],
      [8, 'UNKNOWN_GROUP'],
      [9, 'DUPLICATE_EMAIL'],
    ]);
  });

  it('names the missing columns of the header', () => {
    expect(readDelegatesCsv('name;email\nA;a@b.dz', GROUPS)).toEqual({
      missing: ['organization_id', 'name', 'email'],
    });
    expect(readDelegatesCsv('name,email\nA,a@b.dz', GROUPS)).toEqual({ missing: ['organization_id'] });
    expect(readDelegatesCsv('', GROUPS)).toEqual({ missing: ['organization_id', 'name', 'email'] });
  });

  it('skips a byte-order mark and blank lines', () => {
    const result = readDelegatesCsv(`\uFEFForganization_id,name,email\n\n${ORG},A,a@b.dz\n`, GROUPS);
    expect(result).toMatchObject({ rows: [{ line: 3, name: 'A' }], rejected: [] });
  });
});

describe('rejectedCsv', () => {
  it('quotes cells that hold commas or quotes', () => {
    expect(rejectedCsv([{ line: 4, reason: 'CONFLICT', details: 'already "registered"', raw: 'a,b' }])).toBe(
      'line,reason,details,row\n4,CONFLICT,"already ""registered""","a,b"',
    );
  });
});
