import { createServer, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, register, type Registry } from 'prom-client';
import { z } from 'zod';
import { ConfigError, isLoopbackHost } from '../config/config.js';

/**
 * Where Prometheus scrapes a process: a port of its own, apart from the api's, so `/metrics` is
 * never reachable where users are. Off unless METRICS_PORT is set; loopback by default; a token
 * is required as soon as the port listens beyond this machine.
 */
export interface MetricsConfig {
  port: number | null;
  host: string;
  token: string | null;
}

const schema = z.object({
  METRICS_PORT: z.coerce
    .number({ message: 'must be a port number like 9464' })
    .int('must be a whole number')
    .min(0)
    .max(65535, 'must be between 0 and 65535')
    .optional(),
  METRICS_HOST: z
    .string()
    .regex(/^[0-9a-fA-F.:]+$|^localhost$/, 'must be an IP address such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Reads METRICS_PORT, METRICS_HOST and METRICS_TOKEN; throws one ConfigError listing every problem. */
export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        const value = name === 'METRICS_TOKEN' ? '***' : (raw[name] ?? '');
        return `${name}=${JSON.stringify(value)}: ${i.message}`;
      }),
    );
  const e = parsed.data;
  if (e.METRICS_PORT !== undefined && !e.METRICS_TOKEN && !isLoopbackHost(e.METRICS_HOST))
    throw new ConfigError([
      `METRICS_TOKEN="": is required when METRICS_HOST=${e.METRICS_HOST} is not a loopback address ` +
        '(at least 16 random characters, e.g. openssl rand -hex 24; Prometheus sends it as a bearer token)',
    ]);
  return { port: e.METRICS_PORT ?? null, host: e.METRICS_HOST, token: e.METRICS_TOKEN ?? null };
}

/** Metric names of the platform start with this. */
export const METRICS_PREFIX = 'tashbik_';

/** The process-wide registry (the api and the worker may share one process under `npm start`). */
export const metricsRegistry: Registry = register;

let defaults = false;
let serving: Promise<Server> | null = null;

/** Node's own metrics (CPU, memory, event loop lag, handles), once per process. */
export function collectProcessMetrics(): void {
  if (defaults) return;
  defaults = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: METRICS_PREFIX });
}

const bearer = (header: string | undefined, token: string): boolean => {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/**
 * Serves `GET /metrics` (Prometheus text format; with METRICS_TOKEN only for `Authorization: Bearer
 * <token>`) and `GET /health` (liveness, for a container health check) on the metrics port. One
 * server per process, whoever asks first; null when METRICS_PORT is unset.
 */
export function serveMetrics(config: MetricsConfig): Promise<Server> | null {
  if (config.port === null) return null;
  if (serving) return serving;
  collectProcessMetrics();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (path !== '/metrics') {
      res.writeHead(404).end();
    } else if (config.token && !bearer(req.headers.authorization, config.token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    } else {
      metricsRegistry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
        (e: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`# ${e.message}\n`),
      );
    }
  });
  serving = new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(config.port!, config.host, () => {
      server.unref();
      ok(server);
    });
  });
  return serving;
}

/** The port the metrics server listens on (METRICS_PORT=0 picks a free one), for the start-up line. */
export async function metricsPort(server: Promise<Server> | null): Promise<number | null> {
  if (!server) return null;
  const address = (await server).address();
  return typeof address === 'object' && address ? address.port : null;
}
