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

/**
 * `exitWithError`, except for a start cut short by a stop: a signal during migrations or seeding
 * closes the services under them, and the failure that follows is the stop itself, which ends
 * the process once its `onShutdown` close is done.
 */
export function exitWithErrorUnlessStopping(e: unknown): void {
  if (!shuttingDown) exitWithError(e);
}

/** Whether this process has begun its shutdown (a SIGINT, SIGTERM or SIGHUP reached `onShutdown`). */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

/**
 * Runs `close` on the first SIGINT, SIGTERM or SIGHUP, then exits. A second signal during the stop
 * exits at once (Ctrl-C twice), through `process.exit`, so the 'exit' handlers still run (the
 * bundled Meilisearch, in a session of its own, is stopped by one).
 */
export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) {
      process.stderr.write(`${signal}: stopping at once\n`);
      process.exit(1);
    }
    closing = true;
    shuttingDown = true;
    process.stderr.write(`${signal}: stopping…\n`);
    close().then(
      () => process.exit(0),
      (e: unknown) => exitWithError(e),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}
