/**
 * What log lines may say about credentials and failures: secrets are censored by key, request
 * URLs are logged as route patterns, and errors are reduced to their class, message, code and SQL
 * state (never a query's parameters, which hold whatever the caller sent).
 */

export const CENSOR = '[redacted]';

/**
 * Keys whose values are credentials wherever they appear in a logged object (request and response
 * headers, GraphQL variables and arguments, mail parameters, configuration, SMTP settings): the
 * credential headers, `pass`, and any key naming a password, token, secret or key, in any case
 * (`password`, `newPassword`, `token`, `accessToken`, `refreshToken`, `token_hash`, `jwtSecret`,
 * `secrets`, `apiKey`, `x-api-key`, `masterKey`, `privateKey` …).
 */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|pass)$|password|passwd|token|secret|api[-_]?key|master[-_]?key|private[-_]?key|encryption[-_]?key/i;

/** Whether a logged key holds a credential. */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/** How deep under the top of a log line a secret key is looked for (`req.headers.cookie` is depth 2). */
const DEPTH = 8;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(v);
};

/**
 * A log line's object with the value of every secret key (any case, any depth in plain objects
 * and arrays) replaced by CENSOR, and credentials inside its strings by `scrubText`. Copies only what it changes, so the caller's objects stay intact;
 * class instances (requests, errors) are left to their serializers.
 */
export function censorSecrets<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (depth > DEPTH || !isPlain(value)) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item: unknown, i) => {
      const censored = censorSecrets(item, depth + 1);
      if (censored !== item) (copy ??= [...(value as unknown[])])[i] = censored;
    });
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const item = value[key];
    const censored =
      isSecretKey(key) && item !== undefined && item !== null ? CENSOR : censorSecrets(item, depth + 1);
    if (censored !== item) (copy ??= { ...value })[key] = censored;
  }
  return (copy ?? value) as T;
}

const URL_CREDENTIALS = /(\/\/[^/\s:@]*:)[^@\s/]+@/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const FEED_PATH = /\/forum\/feeds\/[A-Za-z0-9_%-]+(\.ics)?/gi;

/**
 * A text with the credentials a message may quote replaced: a URL's password
 * (`smtps://user:***@host`), an `Authorization` value (`Bearer [redacted]`) and a calendar feed
 * address (`/forum/feeds/:token.ics`).
 */
export function scrubText(text: string): string {
  if (!/[@]|bearer|basic|feeds/i.test(text)) return text;
  return text
    .replace(URL_CREDENTIALS, '$1***@')
    .replace(AUTH_SCHEME, `$1 ${CENSOR}`)
    .replace(FEED_PATH, '/forum/feeds/:token.ics');
}

/**
 * pino `redact` paths for the places credentials are known to stand. Other secret keys are
 * censored by `censorSecrets` (pino's wildcard paths cost tens of microseconds per line).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
];

/** pino `redact` settings shared by every logger of the platform. */
export const redactOptions = () => ({ paths: REDACT_PATHS, censor: CENSOR });

/**
 * The pino options every logger of the platform takes: credential headers redacted, secret keys
 * censored at any depth, errors reduced by `errorForLog`.
 */
export const safeLogOptions = () => ({
  redact: redactOptions(),
  formatters: { log: (line: Record<string, unknown>) => censorSecrets(line) },
  serializers: { err: errorForLog },
  hooks: {
    // The message text itself (`logger.warn(\`Redis: ${e.message}\`)`) is scrubbed too.
    logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
      method.apply(
        this,
        args.map((a) => (typeof a === 'string' ? scrubText(a) : a)),
      );
    },
  },
});

/** Routes whose URL carries a credential (the whole path below the prefix), and the pattern logged in its place. */
const SECRET_ROUTES: [RegExp, string][] = [[/^\/forum\/feeds\//i, '/forum/feeds/:token.ics']];

/**
 * A request URL as it may be logged: credential-bearing routes as their pattern, and query string
 * values replaced (a GraphQL GET carries the operation's variables there).
 */
export function loggedUrl(url: string | undefined): string {
  if (!url) return '';
  const q = url.search(/[?#]/);
  let path = q < 0 ? url : url.slice(0, q);
  for (const [route, pattern] of SECRET_ROUTES) if (route.test(path)) path = pattern;
  if (q < 0 || url[q] === '#') return path;
  const names = url
    .slice(q + 1)
    .split('#')[0]
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0].slice(0, 40)}=${CENSOR}`);
  return names.length ? `${path}?${names.join('&')}` : path;
}

/** An error as one log line carries it. */
export interface LoggedError {
  type: string;
  message: string;
  /** The error's machine-readable code: a GraphQL `extensions.code` or a Node/driver code. */
  code?: string;
  /** PostgreSQL's SQLSTATE, for database errors. */
  sqlState?: string;
  /** Names from the schema, never values. */
  constraint?: string;
  table?: string;
  stack?: string;
  cause?: LoggedError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MIN_SCRUBBED = 3;

type ErrorLike = Error & {
  code?: unknown;
  sqlState?: unknown;
  extensions?: { code?: unknown };
  driverError?: { code?: unknown; constraint?: unknown; table?: unknown };
  parameters?: unknown[];
  constraint?: unknown;
  table?: unknown;
  cause?: unknown;
};

/** The values of a query's parameters as they could appear in a driver's message. */
function parameterTexts(parameters: unknown[] | undefined): string[] {
  const texts = new Set<string>();
  const add = (v: unknown, depth: number) => {
    if (v === null || v === undefined || depth > 3) return;
    if (Array.isArray(v)) return v.forEach((x) => add(x, depth + 1));
    if (v instanceof Date) return void texts.add(v.toISOString());
    if (Buffer.isBuffer(v)) return;
    if (typeof v === 'object') {
      try {
        texts.add(JSON.stringify(v));
      } catch {
        /* circular: nothing printable */
      }
      return Object.values(v).forEach((x) => add(x, depth + 1));
    }
    texts.add(String(v));
  };
  for (const p of parameters ?? []) add(p, 0);
  // Longest first, so a value containing another is replaced whole.
  return [...texts].filter((t) => t.length >= MIN_SCRUBBED).sort((a, b) => b.length - a.length);
}

/** Replaces every parameter value found in `text` (drivers quote invalid input in their messages). */
export function withoutParameters(text: string, parameters: unknown[] | undefined): string {
  let out = text;
  for (const t of parameterTexts(parameters)) out = out.split(t).join('[parameter]');
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The loggable description of anything thrown: class, message, code, SQL state and the stack
 * frames. TypeORM's QueryFailedError also carries the query, its parameters and the driver's
 * `detail` ("Failing row contains …"); those are left out, and parameter values quoted in the
 * message are replaced.
 */
export function errorForLog(thrown: unknown, depth = 0): LoggedError {
  // pino's own error serializer hands its result on with the original under `raw`.
  const raw = typeof thrown === 'object' && thrown !== null ? (thrown as { raw?: unknown }).raw : undefined;
  const error = raw instanceof Error ? raw : thrown;
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') {
    const message = typeof error === 'string' ? error : `non-error value thrown (${typeof error})`;
    return { type: typeof error, message };
  }
  const e = error as Omit<ErrorLike, 'name'> & { name?: unknown; type?: unknown };
  const params = Array.isArray(e.parameters) ? e.parameters : undefined;
  const message = scrubText(withoutParameters(e.message, params));
  const extCode = str(e.extensions?.code);
  const driverCode = str(e.driverError?.code) ?? str(e.code);
  // An already reduced error (logged again) keeps its SQL state.
  const sqlState = str(e.sqlState) ?? (driverCode && SQLSTATE.test(driverCode) ? driverCode : undefined);
  const type = (error instanceof Error ? error.constructor?.name : str(e.type)) || str(e.name) || 'Error';
  const out: LoggedError = { type, message };
  const code = extCode ?? (driverCode && !sqlState ? driverCode : undefined);
  if (code) out.code = code;
  if (sqlState) out.sqlState = sqlState;
  const constraint = str(e.driverError?.constraint) ?? str(e.constraint);
  const table = str(e.driverError?.table) ?? str(e.table);
  if (sqlState && constraint) out.constraint = constraint;
  if (sqlState && table) out.table = table;
  if (typeof e.stack === 'string') {
    const frames = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .map((l) => withoutParameters(l, params));
    if (frames.length) out.stack = `${type}: ${message}\n${frames.join('\n')}`;
  }
  if (e.cause !== undefined && e.cause !== error && depth < 3) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}
