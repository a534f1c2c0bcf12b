import { ConfigError, isLoopbackHost, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/tashbik');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.meiliHost).toBeNull();
    expect(c.database).toEqual({ statementTimeoutMs: 5000, workerStatementTimeoutMs: 60_000 });
  });

  it('reads the statement limits and refuses a limit of nothing', () => {
    const c = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '2500',
      DATABASE_WORKER_STATEMENT_TIMEOUT_MS: '300000',
    });
    expect(c.database).toEqual({ statementTimeoutMs: 2500, workerStatementTimeoutMs: 300_000 });
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS.*at least 100/,
    );
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MEILI_MASTER_KEY: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'MEILI_MASTER_KEY', 'LOG_LEVEL'])
      expect(problems).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});

describe('account settings', () => {
  it('refuses to run in production without its own token key, and takes one of 32+ characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET.*32/);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(40) });
    expect(prod.auth.jwtSecret).toBe('k'.repeat(40));
    // Development runs on a fixed key, which production never accepts as a default.
    expect(loadConfig({}).auth.jwtSecret).not.toBe(prod.auth.jwtSecret);
  });

  it('accepts the development key only while the api listens on a loopback address', () => {
    for (const HOST of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      'localhost',
    ]) {
      expect(isLoopbackHost(HOST)).toBe(true);
      for (const NODE_ENV of ['development', 'test'])
        expect(loadConfig({ HOST, NODE_ENV }).auth.jwtSecret).toBe(loadConfig({}).auth.jwtSecret);
    }
    // Any address another machine can reach needs a key of its own, whatever NODE_ENV says.
    for (const HOST of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', '128.0.0.1', '::2', 'fe80::1']) {
      expect(isLoopbackHost(HOST)).toBe(false);
      for (const NODE_ENV of [undefined, 'development', 'test', 'production']) {
        let error: unknown;
        try {
          loadConfig({ HOST, NODE_ENV });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toHaveLength(1);
        expect((error as Error).message).toMatch(/JWT_SECRET/);
        if (NODE_ENV !== 'production')
          expect((error as Error).message).toContain(`HOST=${HOST} is not a loopback`);
      }
      const secret = 's'.repeat(32);
      expect(loadConfig({ HOST, JWT_SECRET: secret }).auth.jwtSecret).toBe(secret);
      expect(loadConfig({ HOST, JWT_SECRET: secret, NODE_ENV: 'production' }).host).toBe(HOST);
    }
  });

  it('bounds the argon2 cost and token lifetimes', () => {
    const c = loadConfig({});
    expect(c.auth).toMatchObject({
      accessTokenSeconds: 900,
      refreshTokenDays: 30,
      argon2: { memoryKib: 19456, timeCost: 2 },
    });
    expect(() => loadConfig({ ARGON2_MEMORY_KIB: '1024' })).toThrow(/ARGON2_MEMORY_KIB/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_S: '5' })).toThrow(/ACCESS_TOKEN_TTL_S/);
  });
});

describe('configuration errors', () => {
  it('never prints secrets', () => {
    let message = '';
    try {
      loadConfig({ MEILI_MASTER_KEY: 'tiny-secret', DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('MEILI_MASTER_KEY');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('tiny-secret');
    expect(message).not.toContain('hunter2');
  });
});
