import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { METRICS_PREFIX, metricsRegistry } from '#platform';

/** Operation names are chosen by clients: past this many distinct ones, the rest count as `_other`. */
const MAX_OPERATIONS = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

let metrics: { duration: Histogram<'operation' | 'type'>; errors: Counter<'code' | 'type'> } | null = null;

/** The metrics, registered once per process. */
function graphqlMetrics() {
  metrics ??= {
    duration: new Histogram({
      name: `${METRICS_PREFIX}graphql_operation_duration_seconds`,
      help: 'Time from receiving a GraphQL operation over HTTP to sending its answer, by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metricsRegistry],
    }),
    errors: new Counter({
      name: `${METRICS_PREFIX}graphql_errors_total`,
      help: 'Errors in GraphQL answers, by the code the client sees (INTERNAL_SERVER_ERROR: masked and logged)',
      labelNames: ['code', 'type'],
      registers: [metricsRegistry],
    }),
  };
  return metrics;
}

/**
 * Times every GraphQL operation and counts the errors of its answer by code. Errors are counted
 * as the client sees them, after masking, so an unexpected fault is INTERNAL_SERVER_ERROR.
 */
export function graphqlMetricsPlugin(): ApolloServerPlugin {
  const { duration, errors } = graphqlMetrics();
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return '_anonymous';
    if (!NAME.test(name)) return '_other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return '_other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          const type = ctx.operation?.operation ?? 'unknown';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          duration.observe({ operation: label(ctx.operationName), type }, seconds);
          const body = ctx.response.body;
          const list = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          for (const e of list ?? [])
            errors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), type });
        },
      };
    },
  };
}
