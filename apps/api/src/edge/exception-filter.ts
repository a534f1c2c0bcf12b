import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * GraphQL errors go back to Apollo untouched: its formatError masks and logs each unexpected one
 * once, with the request id, and domain errors (NOT_FOUND, FORBIDDEN…) are answers, not failures,
 * so they are not logged as errors. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphqlPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
