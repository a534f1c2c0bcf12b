import { csvRowToInput, readChunk, type RawRecord } from './record-source.js';

const all = async (it: AsyncIterable<RawRecord>) => {
  const out: RawRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
};

const HEADER = 'ref,kind,name_fr,country,sectors';

describe('readChunk', () => {
  it('numbers the records of a first CSV part with the file lines, the header being line 1', async () => {
    const records = await all(
      readChunk({
        format: 'CSV',
        firstLine: 1,
        text: `${HEADER}\nr1,SME,Atlas,DZ,24;25\nr2,SME,Béjaïa Bois,DZ,16\n`,
      }),
    );
    expect(records).toEqual([
      {
        line: 2,
        value: { ref: 'r1', kind: 'SME', name: { fr: 'Atlas' }, country: 'DZ', sectors: ['24', '25'] },
      },
      {
        line: 3,
        value: { ref: 'r2', kind: 'SME', name: { fr: 'Béjaïa Bois' }, country: 'DZ', sectors: ['16'] },
      },
    ]);
  });

  it('reads a later CSV part with the header given apart, keeping the file line numbers', async () => {
    // Lines 40 and 41 of the file; the quoted name holds a comma.
    const records = await all(
      readChunk({
        format: 'CSV',
        firstLine: 40,
        header: `${HEADER}\r\n`,
        text: 'r40,SME,"Sud, Ciments",TN,23\r\nr41,SME,X,DZ,22',
      }),
    );
    expect(records.map((r) => [r.line, (r.value as { ref: string }).ref])).toEqual([
      [40, 'r40'],
      [41, 'r41'],
    ]);
    expect((records[0].value as { name: unknown }).name).toEqual({ fr: 'Sud, Ciments' });
  });

  it('reports a CSV part it cannot read past a row of the wrong width, as the command line does', async () => {
    const records = await all(readChunk({ format: 'CSV', firstLine: 1, text: `${HEADER}\nr1,SME\n` }));
    expect(records).toEqual([
      { line: -1, error: expect.stringMatching(/^CSV could not be read past this point/) },
    ]);
  });

  it('numbers JSON Lines from the part first line, skipping blank lines and reporting bad JSON', async () => {
    const records = await all(
      readChunk({ format: 'JSONL', firstLine: 7, text: '{"ref":"a"}\n\n{not json}\r\n{"ref":"b"}\n' }),
    );
    expect(records).toEqual([
      { line: 7, value: { ref: 'a' } },
      { line: 9, error: expect.stringMatching(/^invalid JSON/) },
      { line: 10, value: { ref: 'b' } },
    ]);
  });
});

describe('csvRowToInput', () => {
  it('reads past collaborations as partner refs with their year, and keeps a missing year invalid', () => {
    const input = csvRowToInput({ ref: 'A1', collaborations: 'SONELEC@2017; ref with space@2021;NOYEAR' });
    expect(input.collaborations).toEqual([
      { ref: 'SONELEC', year: 2017 },
      { ref: 'ref with space', year: 2021 },
      { ref: 'NOYEAR', year: NaN },
    ]);
  });
});
