import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IdentityContext } from './identity-context.js';
import type { Viewer } from '../viewer.js';

/** The signed-in user of a GraphQL request, or null. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer | null =>
    GqlExecutionContext.create(context).getContext<IdentityContext>().viewer ?? null,
);
