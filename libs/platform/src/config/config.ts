import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/** Typed configuration, validated once at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  /** Days a contact request waits for an answer before it expires (CONTACT_REQUEST_EXPIRY_DAYS, 30 by default). */
  contactRequestExpiryDays?: number;
  /**
   * Longest one SQL statement may run, in the api (requests) and in the worker and command line
   * (scheduler saves, imports, recomputes). PostgreSQL cancels a longer one; a server that does not
   * answer at all is given up a second later and the connection closed.
   */
  database: { statementTimeoutMs: number; workerStatementTimeoutMs: number };
  redisUrl: string;
  /** Unset means: start the bundled Meilisearch binary under `dataDir`. */
  meiliHost: string | null;
  meiliMasterKey: string | null;
  /** Prefix of Meilisearch index names, so several databases can share one Meilisearch. */
  meiliIndexPrefix: string;
  /** Prefix of BullMQ keys in Redis, so several installations can share one Redis. */
  queuePrefix: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  outboxSweepMs: number;
  /** Outbox rows a drain sends to Meilisearch in one batch. */
  outboxBatchSize: number;
  /**
   * Searches: how long one Meilisearch request may take, and how long searches then answer
   * SEARCH_UNAVAILABLE at once, without asking, before one search probes Meilisearch again.
   */
  search: { timeoutMs: number; circuitOpenMs: number };
  /** Log every SQL statement (operators' diagnosis; tests count queries with it). */
  logSql: boolean;
  /** Browser origins allowed to call the api; a `:*` port matches any port of that host. */
  corsOrigins: string[];
  graphqlIntrospection: boolean;
  /** GraphiQL on GET /graphql. */
  graphqlLandingPage: boolean;
  /** Bounds on one GraphQL operation, checked before anything runs. */
  graphqlLimits: { depth: number; cost: number; aliases: number; tokens: number };
  /** Requests per client in each window, shared by every api process through Redis; 0 turns it off. */
  rateLimit: { points: number; windowSeconds: number };
  /**
   * How long a Redis command on the request path (rate limits, sign-in waits, sender budgets) may
   * take before the request goes on with per-process counters in memory.
   */
  redisRequestTimeoutMs: number;
  /** GraphQL subscriptions (graphql-ws): open connections per user in one api process, subscriptions per connection. */
  subscriptions: { connectionsPerUser: number; perConnection: number };
  /** How many reverse proxies in front of the api are trusted to give the client address. */
  trustProxyHops: number;
  /** Accounts and sessions. */
  auth: {
    /**
     * HMAC key of access tokens. Required in production and whenever HOST is not a loopback
     * address; a fixed, public development key otherwise.
     */
    jwtSecret: string;
    accessTokenSeconds: number;
    refreshTokenDays: number;
    /** argon2id cost: memory in KiB and passes (OWASP's minimum is 19 MiB with 2 passes). */
    argon2: { memoryKib: number; timeCost: number };
    /** Sign-in, reset and sign-up attempts allowed per client address in 15 minutes. */
    attemptsPerAddress: number;
    /** The first wait on an account after its free failed sign-ins, in seconds; each further failure doubles it. */
    firstDelaySeconds: number;
    /** A session's absolute lifetime from its sign-in, however often it is refreshed. */
    sessionMaxAgeDays: number;
    /** Invitations and contact requests one user may send (mail sent on their behalf). */
    senderMails: { perHour: number; perDay: number };
  };
  /** Where users reach the platform, for links in emails. */
  publicUrl: string;
  mailFrom: string;
  /** SMTP server of outgoing mail (`smtp://` or `smtps://`, credentials in the URL); unset keeps mail in the outbox. */
  smtpUrl: string | null;
  /** Delivery attempts of one mail before it is marked FAILED, and the first retry's delay (doubling). */
  mailDelivery: {
    attempts: number;
    retryMs: number;
    /** At most one mail-failure report per admin in this time (in-app notices are not limited). */
    failureReportMs: number;
  };
}

const url = (protocols: string[], example: string) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );

const flag = z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' });
const isOn = (v: string | undefined, fallback: boolean) =>
  v === undefined ? fallback : v === 'true' || v === '1';
const count = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** `https://forum.example.org`, `http://localhost:5173` or `http://localhost:*`; no paths, no wildcard hosts. */
const ORIGIN = /^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:(\d{1,5}|\*))?$/;
const DEV_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a port number like 3000' })
    .int('must be a whole number')
    .min(0)
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z
    .string()
    .regex(/^[0-9a-fA-F.:]+$|^localhost$/, 'must be an IP address such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user@host:5432/db').default(
    'postgres://postgres@127.0.0.1:5432/tashbik',
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: count(100, 3_600_000, 5000),
  DATABASE_WORKER_STATEMENT_TIMEOUT_MS: count(100, 3_600_000, 60_000),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  MEILI_HOST: url(['http:', 'https:'], 'http://127.0.0.1:7700').optional(),
  MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]{0,40}$/, 'may hold only a-z, 0-9 and _')
    .default(''),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'may hold only letters, digits, _ and -')
    .default('tashbik'),
  TASHBIK_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(10).max(20_000).default(5000),
  SEARCH_TIMEOUT_MS: count(50, 60_000, 2000),
  SEARCH_CIRCUIT_OPEN_MS: count(100, 600_000, 5000),
  LOG_SQL: flag.default('false'),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().toLowerCase().replace(/\/$/, ''))
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => ORIGIN.test(o)), {
      message: 'must be comma-separated origins like https://forum.example.org or http://localhost:*',
    })
    .optional(),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_LANDING_PAGE: flag.optional(),
  GRAPHQL_MAX_DEPTH: count(2, 100, 10),
  GRAPHQL_MAX_COST: count(10, 10_000_000, 20_000),
  GRAPHQL_MAX_ALIASES: count(0, 1000, 15),
  GRAPHQL_MAX_TOKENS: count(50, 100_000, 2000),
  RATE_LIMIT_POINTS: count(0, 1_000_000, 600),
  RATE_LIMIT_WINDOW_S: count(1, 86_400, 60),
  REDIS_REQUEST_TIMEOUT_MS: count(10, 60_000, 500),
  WS_CONNECTIONS_PER_USER: count(1, 1000, 5),
  WS_SUBS_PER_CONNECTION: count(1, 1000, 10),
  TRUST_PROXY: count(0, 10, 0),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_S: count(60, 86_400, 900),
  REFRESH_TOKEN_TTL_DAYS: count(1, 365, 30),
  ARGON2_MEMORY_KIB: count(8_192, 1_048_576, 19_456),
  ARGON2_TIME_COST: count(1, 10, 2),
  AUTH_ATTEMPTS_PER_ADDRESS: count(1, 100_000, 30),
  AUTH_FIRST_DELAY_S: count(1, 60, 1),
  SESSION_MAX_AGE_DAYS: count(1, 3650, 90),
  CONTACT_REQUEST_EXPIRY_DAYS: count(1, 365, 30),
  SENDER_MAILS_PER_HOUR: count(1, 100_000, 20),
  SENDER_MAILS_PER_DAY: count(1, 1_000_000, 100),
  PUBLIC_URL: url(['http:', 'https:'], 'https://forum.example.org').optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Tashbik <no-reply@tashbik.invalid>'),
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.org:465').optional(),
  MAIL_MAX_ATTEMPTS: count(1, 100, 8),
  MAIL_RETRY_MS: count(50, 3_600_000, 5000),
  MAIL_FAILURE_REPORT_MS: count(1000, 604_800_000, 3_600_000),
});

/**
 * Signs development and test tokens only. It is public (it stands in this file), so it is accepted
 * only in development and tests on a loopback address: production, and any HOST reachable from
 * another machine, refuse to start without their own JWT_SECRET.
 */
const DEVELOPMENT_JWT_SECRET = 'tashbik-development-only-secret-do-not-deploy';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a listening address is reachable from this machine only: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const family = isIP(host);
  if (family === 0) return false;
  // BlockList also matches IPv4-mapped forms such as ::ffff:127.0.0.1.
  return LOOPBACK.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A variable's value as it may appear in an error message: keys hidden, URL passwords masked. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (/KEY|SECRET|PASSWORD|TOKEN/.test(name)) return '***';
  return value.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/** Reads the environment; throws one ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        return `${name}=${JSON.stringify(shown(name, raw[name]))}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dev = e.NODE_ENV !== 'production';
  if (!dev && !e.JWT_SECRET)
    throw new ConfigError(['JWT_SECRET="": is required in production (at least 32 random characters)']);
  if (!e.JWT_SECRET && !isLoopbackHost(e.HOST))
    throw new ConfigError([
      `JWT_SECRET="": is required when HOST=${e.HOST} is not a loopback address: the built-in ` +
        'development key is public and is accepted only on 127.0.0.1, ::1 or localhost ' +
        '(set at least 32 random characters, e.g. openssl rand -hex 32)',
    ]);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    database: {
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      workerStatementTimeoutMs: e.DATABASE_WORKER_STATEMENT_TIMEOUT_MS,
    },
    redisUrl: e.REDIS_URL,
    meiliHost: e.MEILI_HOST ?? null,
    meiliMasterKey: e.MEILI_MASTER_KEY ?? null,
    meiliIndexPrefix: e.MEILI_INDEX_PREFIX,
    queuePrefix: e.QUEUE_PREFIX,
    dataDir: e.TASHBIK_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    outboxSweepMs: e.OUTBOX_SWEEP_MS,
    outboxBatchSize: e.OUTBOX_BATCH_SIZE,
    search: { timeoutMs: e.SEARCH_TIMEOUT_MS, circuitOpenMs: e.SEARCH_CIRCUIT_OPEN_MS },
    logSql: isOn(e.LOG_SQL, false),
    corsOrigins: e.CORS_ORIGINS ?? (dev ? DEV_ORIGINS : []),
    graphqlIntrospection: isOn(e.GRAPHQL_INTROSPECTION, dev),
    graphqlLandingPage: isOn(e.GRAPHQL_LANDING_PAGE, dev),
    graphqlLimits: {
      depth: e.GRAPHQL_MAX_DEPTH,
      cost: e.GRAPHQL_MAX_COST,
      aliases: e.GRAPHQL_MAX_ALIASES,
      tokens: e.GRAPHQL_MAX_TOKENS,
    },
    rateLimit: { points: e.RATE_LIMIT_POINTS, windowSeconds: e.RATE_LIMIT_WINDOW_S },
    redisRequestTimeoutMs: e.REDIS_REQUEST_TIMEOUT_MS,
    subscriptions: {
      connectionsPerUser: e.WS_CONNECTIONS_PER_USER,
      perConnection: e.WS_SUBS_PER_CONNECTION,
    },
    trustProxyHops: e.TRUST_PROXY,
    auth: {
      jwtSecret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      accessTokenSeconds: e.ACCESS_TOKEN_TTL_S,
      refreshTokenDays: e.REFRESH_TOKEN_TTL_DAYS,
      argon2: { memoryKib: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST },
      attemptsPerAddress: e.AUTH_ATTEMPTS_PER_ADDRESS,
      firstDelaySeconds: e.AUTH_FIRST_DELAY_S,
      sessionMaxAgeDays: e.SESSION_MAX_AGE_DAYS,
      senderMails: { perHour: e.SENDER_MAILS_PER_HOUR, perDay: e.SENDER_MAILS_PER_DAY },
    },
    contactRequestExpiryDays: e.CONTACT_REQUEST_EXPIRY_DAYS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3000}`).replace(/\/$/, ''),
    mailFrom: e.MAIL_FROM,
    smtpUrl: e.SMTP_URL ?? null,
    mailDelivery: {
      attempts: e.MAIL_MAX_ATTEMPTS,
      retryMs: e.MAIL_RETRY_MS,
      failureReportMs: e.MAIL_FAILURE_REPORT_MS,
    },
  };
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
