import { ConfigError } from '../config/config.js';
import { loadMetricsConfig } from './metrics.js';

describe('loadMetricsConfig', () => {
  it('is off unless METRICS_PORT is set, and binds to loopback by default', () => {
    expect(loadMetricsConfig({})).toEqual({ port: null, host: '127.0.0.1', token: null });
    expect(loadMetricsConfig({ METRICS_PORT: '9464' })).toEqual({
      port: 9464,
      host: '127.0.0.1',
      token: null,
    });
  });

  it('refuses a non-loopback address without a token, and names every bad variable', () => {
    expect(() => loadMetricsConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toThrow(
      /METRICS_TOKEN/,
    );
    expect(
      loadMetricsConfig({
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        METRICS_TOKEN: 'a-long-enough-token',
      }),
    ).toEqual({ port: 9464, host: '0.0.0.0', token: 'a-long-enough-token' });
    let error: ConfigError | null = null;
    try {
      loadMetricsConfig({ METRICS_PORT: 'x', METRICS_HOST: 'example.org', METRICS_TOKEN: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).not.toContain('short');
  });
});
