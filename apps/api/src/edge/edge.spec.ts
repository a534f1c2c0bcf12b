import { buildSchema, getOperationAST, parse } from 'graphql';
import { loadConfig } from '#platform';
import { operationCost } from './query-cost.js';
import type { Request, Response } from 'express';
import { clientAddressKey, clientNetwork, RateLimitService } from './rate-limit.js';
import { originMatcher } from './http-edge.js';

const schema = buildSchema(`
  type Query {
    items(first: Int = 20, after: String): [Item!]!
    search(query: String, limit: Int = 10): Result!
    item(id: ID!): Item
  }
  type Item { id: ID! name: String children: [Item!]! }
  type Result { total: Int! hits: [Item!]! }
`);

function cost(query: string, variables?: Record<string, unknown>, maxPage = 100): number | null {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables, maxPage);
}

describe('operationCost', () => {
  it('counts each field once per item of the pages around it', () => {
    // items(1) + 5 items × (id + name) = 11
    expect(cost(`{ items(first: 5) { id name } }`)).toBe(11);
    // items(1) + 5 × (id + children + id): a list without page argument counts as one item
    expect(cost(`{ items(first: 5) { id children { id } } }`)).toBe(16);
    // search(1) + total(1) + hits(1) + 4 × id: on a result object the page size applies to its lists
    expect(cost(`{ search(limit: 4) { total hits { id } } }`)).toBe(7);
  });

  it('reads page sizes from literals, variables and defaults alike', () => {
    const literal = cost(`{ items(first: 50) { id name } }`);
    expect(literal).toBe(101);
    expect(cost(`query($n: Int) { items(first: $n) { id name } }`, { n: 50 })).toBe(literal);
    expect(cost(`query($n: Int = 50) { items(first: $n) { id name } }`)).toBe(literal);
    // The schema's default (20) when nothing is said.
    expect(cost(`{ items { id name } }`)).toBe(41);
    expect(cost(`query($n: Int) { items(first: $n) { id name } }`, {})).toBe(41);
  });

  it('counts a page at most as large as the services allow', () => {
    expect(cost(`{ items(first: 1000000) { id } }`, undefined, 100)).toBe(
      cost(`{ items(first: 100) { id } }`),
    );
    expect(cost(`{ items(first: -5) { id } }`)).toBe(cost(`{ items(first: 1) { id } }`));
  });

  it('counts fragments like the fields they stand for', () => {
    const inline = cost(`{ items(first: 10) { id children { id name } } }`);
    expect(cost(`{ items(first: 10) { ...F } } fragment F on Item { id children { id name } }`)).toBe(inline);
    expect(cost(`{ items(first: 10) { ... on Item { id children { id name } } } }`)).toBe(inline);
  });

  it('adds up aliases, so repeating a field under other names costs each time', () => {
    const one = cost(`{ items(first: 100) { id } }`)!;
    expect(
      cost(`{ a: items(first: 100) { id } b: items(first: 100) { id } c: items(first: 100) { id } }`),
    ).toBe(3 * one);
  });

  it('gives up on variables that do not fit the operation (execution refuses them)', () => {
    expect(cost(`query($n: Int) { items(first: $n) { id } }`, { n: 'many' })).toBeNull();
  });
});

describe('clientNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:0db8:85a3:08d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s belongs to %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it('puts every address of one IPv6 /64 in one budget, and other /64s in others', () => {
    expect(clientNetwork('2001:db8:1:2::a')).toBe(clientNetwork('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(clientNetwork('2001:db8:1:2::a')).not.toBe(clientNetwork('2001:db8:1:3::a'));
  });
});

describe('originMatcher', () => {
  const allowed = originMatcher(['https://forum.example.org', 'http://localhost:*']);

  it.each([
    ['https://forum.example.org', true],
    ['HTTPS://FORUM.EXAMPLE.ORG', true],
    ['http://localhost:5173', true],
    ['http://localhost', true],
    ['http://forum.example.org', false],
    ['https://forum.example.org:8443', false],
    ['https://evil.example.org', false],
    ['https://localhost:5173', false],
    ['http://localhost.evil.example:80', false],
    ['http://localhost:80@evil.example', false],
    ['null', false],
  ])('%s → %s', (origin, expected) => {
    expect(allowed(origin)).toBe(expected);
  });
});

describe('edge configuration', () => {
  it('opens introspection, GraphiQL and localhost origins in development only', () => {
    const dev = loadConfig({});
    expect(dev).toMatchObject({ graphqlIntrospection: true, graphqlLandingPage: true });
    expect(originMatcher(dev.corsOrigins)('http://localhost:4200')).toBe(true);

    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(prod).toMatchObject({ graphqlIntrospection: false, graphqlLandingPage: false, corsOrigins: [] });
  });

  it('takes explicit settings over the defaults of the environment', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      GRAPHQL_INTROSPECTION: 'true',
      CORS_ORIGINS: 'https://forum.example.org/, https://admin.example.org',
      RATE_LIMIT_POINTS: '0',
      RATE_LIMIT_WINDOW_S: '10',
      GRAPHQL_MAX_DEPTH: '7',
    });
    expect(c).toMatchObject({
      graphqlIntrospection: true,
      graphqlLandingPage: false,
      corsOrigins: ['https://forum.example.org', 'https://admin.example.org'],
      rateLimit: { points: 0, windowSeconds: 10 },
    });
    expect(c.graphqlLimits.depth).toBe(7);
  });

  it.each([
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://*.example.org'],
    ['CORS_ORIGINS', 'https://forum.example.org/app'],
    ['CORS_ORIGINS', 'ftp://forum.example.org'],
    ['RATE_LIMIT_POINTS', '-1'],
    ['RATE_LIMIT_WINDOW_S', '0'],
    ['GRAPHQL_MAX_DEPTH', 'deep'],
    ['GRAPHQL_INTROSPECTION', 'yes'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('RateLimitService without Redis', () => {
  it('keeps counting in memory, per process, when Redis cannot be reached', async () => {
    // Nothing listens on port 1: the shared counter is unreachable from the first request on.
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_POINTS: '3' });
    const service = new RateLimitService(config, clientAddressKey);
    const handle = service.middleware();
    const request = (path: string) =>
      new Promise<{ status: number; body?: unknown; passed: boolean }>((done) => {
        let status = 200;
        const res = {
          setHeader: () => res,
          status: (s: number) => ((status = s), res),
          json: (body: unknown) => done({ status, body, passed: false }),
        };
        const req = { path, ip: '198.51.100.4', socket: {} } as unknown as Request;
        handle(req, res as unknown as Response, () => done({ status, passed: true }));
      });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await request('/graphql')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await request('/health/ready')).toEqual({ status: 200, passed: true });
    } finally {
      await service.onApplicationShutdown();
    }
  });
});
