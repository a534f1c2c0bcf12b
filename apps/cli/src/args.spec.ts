import { parseCli, UsageError } from './args.js';

describe('parseCli', () => {
  it('keeps the existing commands and flags', () => {
    const a = parseCli(['seed', '--orgs', '50', '--seed', '7']);
    expect(a).toMatchObject({ command: 'seed', orgs: 50, seed: 7, demo: true, scale: false });
    expect(parseCli(['start', '--no-demo']).demo).toBe(false);
    expect(parseCli(['import', 'x.csv', '--report', 'r.json'])).toMatchObject({
      positionals: ['x.csv'],
      report: 'r.json',
    });
    expect(parseCli([]).command).toBe('help');
  });

  it('reads the B2B benchmark flags and paths', () => {
    const a = parseCli([
      'bench-b2b',
      '--time-limit',
      '2.5',
      '--fairness',
      '3',
      '--out',
      '/tmp/s',
      'a.dzn',
      'dir/',
    ]);
    expect(a).toMatchObject({
      command: 'bench-b2b',
      positionals: ['a.dzn', 'dir/'],
      timeLimitMs: 2500,
      fairness: 3,
      out: '/tmp/s',
      scale: false,
    });
    expect(parseCli(['bench-b2b', '--scale']).scale).toBe(true);
    expect(parseCli(['bench-b2b']).timeLimitMs).toBeUndefined();
  });

  it('rejects unknown flags and bad values with a message naming the flag', () => {
    expect(() => parseCli(['bench-b2b', '--time-limt', '5'])).toThrow(/Unknown option '--time-limt'/);
    expect(() => parseCli(['bench-b2b', '--time-limit', 'soon'])).toThrow(/--time-limit must be/);
    expect(() => parseCli(['bench-b2b', '--time-limit', '0'])).toThrow(/--time-limit must be/);
    expect(() => parseCli(['bench-b2b', '--fairness', '1.5'])).toThrow(/--fairness must be/);
    expect(() => parseCli(['bench-b2b', '--fairness=-1'])).toThrow(/--fairness must be/);
    expect(() => parseCli(['bench-b2b', '--out'])).toThrow(/--out/);
    expect(() => parseCli(['bench-b2b', '--bogus'])).toThrow(UsageError);
  });
});
