import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { AppConfig } from '#platform';
import { operationCost } from './query-cost.js';

/** The page bound every listing and search enforces (organizations, opportunities, search results). */
export const MAX_PAGE_SIZE = 100;
/** `@include` and `@skip` are the only directives a client needs; a few per operation is plenty. */
export const MAX_DIRECTIVES = 20;

export type LimitName = 'depth' | 'cost' | 'aliases' | 'directives';

/**
 * A refusal that names the limit, its value and what the operation needed, so a client can fix the
 * query. GRAPHQL_VALIDATION_FAILED and HTTP 400 like every other invalid operation.
 */
export function limitError(
  limit: LimitName,
  max: number,
  found: number | null,
  message: string,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      max,
      ...(found === null ? {} : { found }),
      http: { status: 400 },
    },
  });
}

/** Reports graphql-armor's refusals as limitError, without the misleading "Syntax Error:" it prefixes. */
function reportAs(limit: LimitName, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    const text = error.message.replace(/^Syntax Error:\s*/, '');
    ctx?.reportError(limitError(limit, max, found ? Number(found) : null, text));
  };
}

/** Refuses an operation whose response could hold more than `max` fields (see operationCost). */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables, MAX_PAGE_SIZE);
          if (cost !== null && cost > max)
            throw limitError(
              'cost',
              max,
              cost,
              `Query cost limit of ${max} exceeded, found ${cost}: ask for fewer fields or smaller pages.`,
            );
        },
      };
    },
  };
}

export interface GraphqlLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: { maxTokens: number };
  allowBatchedHttpRequests: false;
}

/**
 * Apollo options that bound one operation before any resolver runs: tokens (graphql-js parser),
 * depth, aliases and directives (graphql-armor validation rules), cost (variables known), and no
 * batched HTTP requests. Field suggestions ("Did you mean …") are masked when introspection is off,
 * since they would otherwise reveal the schema piece by piece.
 */
export function graphqlLimits(
  config: Pick<AppConfig, 'graphqlLimits' | 'graphqlIntrospection'>,
): GraphqlLimits {
  const { depth, aliases, tokens, cost } = config.graphqlLimits;
  const armor = new ApolloArmor({
    maxDepth: {
      n: depth,
      // Fragments are a way of writing a query, not extra nesting of its response.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs('depth', depth)],
    },
    maxAliases: { n: aliases, propagateOnRejection: false, onReject: [reportAs('aliases', aliases)] },
    maxDirectives: {
      n: MAX_DIRECTIVES,
      propagateOnRejection: false,
      onReject: [reportAs('directives', MAX_DIRECTIVES)],
    },
    // Counted by costLimitPlugin instead, which sees the page sizes passed as variables.
    costLimit: { enabled: false },
    // The armor's token limit throws from a plugin hook, which Apollo answers with a 500; the parser's
    // own maxTokens option gives a GRAPHQL_PARSE_FAILED with status 400 instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !config.graphqlIntrospection },
  });
  const protection = armor.protect();
  return {
    validationRules: protection.validationRules as ValidationRule[],
    plugins: [...(protection.plugins as ApolloServerPlugin[]), costLimitPlugin(cost)],
    parseOptions: { maxTokens: tokens },
    allowBatchedHttpRequests: false,
  };
}
