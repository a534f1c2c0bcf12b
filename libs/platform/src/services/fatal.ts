import { ConfigError } from '../config/config.js';
import { ServiceUnavailableError } from './service-unavailable.error.js';

/**
 * Ends a process that could not start or run. Configuration and unreachable services are the
 * operator's to fix: one clear message, no stack trace. Anything else is a bug: full stack.
 */
export function exitWithError(e: unknown): never {
  if (e instanceof ConfigError || e instanceof ServiceUnavailableError)
    process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}

let shuttingDown = false;

/** Whether this process has begun its shutdown (a SIGINT or SIGTERM reached `onShutdown`). */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

/** Stops `close` on the first SIGINT or SIGTERM, then exits. */
export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    shuttingDown = true;
    process.stderr.write(`${signal}: stopping…\n`);
    close().then(
      () => process.exit(0),
      (e: unknown) => exitWithError(e),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
