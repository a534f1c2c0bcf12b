import { ConfigError, loadConfig } from './config.js';

describe('search settings', () => {
  it('gives a search 2 s and keeps the circuit open 5 s by default', () => {
    expect(loadConfig({}).search).toEqual({ timeoutMs: 2000, circuitOpenMs: 5000 });
    expect(loadConfig({ SEARCH_TIMEOUT_MS: '750', SEARCH_CIRCUIT_OPEN_MS: '30000' }).search).toEqual({
      timeoutMs: 750,
      circuitOpenMs: 30_000,
    });
  });

  it('refuses a timeout or cool-down that is not a sensible number of milliseconds', () => {
    let error: unknown;
    try {
      loadConfig({ SEARCH_TIMEOUT_MS: '0', SEARCH_CIRCUIT_OPEN_MS: 'soon' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^SEARCH_TIMEOUT_MS="0": must be at least 50/),
      expect.stringMatching(/^SEARCH_CIRCUIT_OPEN_MS="soon": must be a number/),
    ]);
    expect(() => loadConfig({ SEARCH_TIMEOUT_MS: '120000' })).toThrow(/SEARCH_TIMEOUT_MS.*at most 60000/);
  });
});
