import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AppError } from '#platform';
import type { Rule } from './rules.js';
import { AccessService } from '../access/access.service.js';
import type { IdentityContext } from '../graphql/identity-context.js';

export const AUTHORIZE_RULE = 'tashbik:authorize';

/**
 * The access rule of a query, mutation or field. Every root field must have one: the guard refuses
 * a root field without a rule, so a forgotten decorator closes the door instead of opening it.
 */
export const Authorize = (rule: Rule): MethodDecorator => SetMetadata(AUTHORIZE_RULE, rule);

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The one place access rules are enforced for GraphQL operations (registered as a global guard). */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const rule = this.reflector.get<Rule | undefined>(AUTHORIZE_RULE, context.getHandler());
    if (!rule) {
      if (ROOT_TYPES.has(info.parentType.name))
        throw new AppError('FORBIDDEN', `${info.fieldName} has no access rule`);
      return true;
    }
    const ctx = gql.getContext<IdentityContext>();
    const verdict = await rule.check({
      viewer: ctx.viewer ?? null,
      args: gql.getArgs(),
      parent: gql.getRoot(),
      access: this.access.for(ctx),
    });
    if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason, { operation: info.fieldName });
    return true;
  }
}

/** The rule attached to a resolver method, for access tables and start-up checks. */
export function ruleOf(handler: object): Rule | undefined {
  return Reflect.getMetadata(AUTHORIZE_RULE, handler) as Rule | undefined;
}
