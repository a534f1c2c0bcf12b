import type { Logger } from '@nestjs/common';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { isMeiliUnavailable } from '#platform';

/** Searches in a row that must fail for want of Meilisearch before the circuit opens. */
export const FAILURES_TO_OPEN = 3;

/** Thrown instead of asking Meilisearch while the circuit is open. */
export class SearchCircuitOpenError extends Error {
  constructor() {
    super('Meilisearch is known to be unavailable; not asked');
    this.name = 'SearchCircuitOpenError';
  }
}

/**
 * Fails searches fast while Meilisearch is down or frozen. Each request gets `timeoutMs`; after
 * FAILURES_TO_OPEN unavailability failures in a row (unreachable, timed out, 5xx) the circuit
 * opens and searches throw SearchCircuitOpenError at once, without a request. After `cooldownMs`
 * one search is let through as a probe (the others keep failing at once meanwhile): its success
 * closes the circuit, its failure opens it for another cool-down. A request Meilisearch refuses
 * (4xx) says it is up and counts for neither. One warning when the circuit opens, one line when
 * it closes, however many probes fail in between.
 */
export class SearchCircuit {
  private readonly policy: CircuitBreakerPolicy;
  private down = false;

  constructor(
    private readonly opts: { timeoutMs: number; cooldownMs: number },
    private readonly logger: Pick<Logger, 'warn' | 'log'>,
  ) {
    this.policy = circuitBreaker(
      handleWhen((e) => isMeiliUnavailable(e)),
      {
        halfOpenAfter: opts.cooldownMs,
        breaker: new ConsecutiveBreaker(FAILURES_TO_OPEN),
      },
    );
    this.policy.onBreak((reason) => {
      if (this.down) return;
      this.down = true;
      const err = 'error' in reason ? (reason.error as Error) : undefined;
      this.logger.warn(
        {
          err: err?.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err?.message,
          failures: FAILURES_TO_OPEN,
          cooldownMs: opts.cooldownMs,
        },
        'search circuit open: Meilisearch is not answering; searches answer SEARCH_UNAVAILABLE at once until a probe succeeds',
      );
    });
    this.policy.onReset(() => {
      if (!this.down) return;
      this.down = false;
      this.logger.log('search circuit closed: Meilisearch answers again');
    });
  }

  get state(): 'closed' | 'open' | 'half-open' {
    const s = this.policy.state;
    return s === CircuitState.Closed ? 'closed' : s === CircuitState.HalfOpen ? 'half-open' : 'open';
  }

  /** Runs `request` with an abort signal that fires after the search timeout. */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // While a probe is out, other searches do not queue behind it.
    if (this.policy.state === CircuitState.HalfOpen) throw new SearchCircuitOpenError();
    try {
      return await this.policy.execute(() => request(AbortSignal.timeout(this.opts.timeoutMs)));
    } catch (e) {
      if (e instanceof BrokenCircuitError) throw new SearchCircuitOpenError();
      throw e;
    }
  }
}
