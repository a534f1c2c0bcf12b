import type { IncomingMessage } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { SubscriptionConfig } from '@nestjs/graphql';
import type { AppConfig } from '#platform';
import type { AuthService, Viewer } from '#identity';
import type { GqlContext } from '#identity';
import { langFromHeader } from '#platform';
import { limitError, MAX_PAGE_SIZE, type GraphqlLimits } from './graphql-limits.js';
import { operationCost } from './query-cost.js';

/** What a connection keeps between its messages. */
interface ConnectionState {
  token: string;
  userId: string;
}

type Extra = { request: IncomingMessage; socket: unknown; tashbik?: ConnectionState };
type WsContext = Context<Record<string, unknown> | undefined, Extra>;

const BEARER = /^(?:Bearer )?([A-Za-z0-9._~+/=-]{10,4096})$/;

/** The access token of a connection: `authorization: "Bearer …"` (or `accessToken`) in its connection parameters. */
function tokenOf(params: Record<string, unknown> | undefined): string | null {
  const raw = params?.authorization ?? params?.Authorization ?? params?.accessToken;
  if (typeof raw !== 'string') return null;
  return BEARER.exec(raw.trim())?.[1] ?? null;
}

/**
 * graphql-ws on the api's HTTP server, at /graphql. A connection is accepted only with a valid
 * access token in its connection parameters (verified as the HTTP path verifies the Authorization
 * header; otherwise it is closed with 4403 Forbidden), at most `connectionsPerUser` at a time per
 * user in this process, and carries at most `perConnection` subscriptions. Every operation is
 * bounded like a query (tokens, depth, aliases, directives, cost) and runs with the viewer checked
 * again from the token, so a session ended since the connection opened subscribes to nothing more.
 */
export function graphqlSubscriptions(
  auth: AuthService,
  config: Pick<AppConfig, 'subscriptions' | 'graphqlLimits'>,
  limits: GraphqlLimits,
): SubscriptionConfig {
  const { connectionsPerUser, perConnection } = config.subscriptions;
  const open = new Map<string, number>();
  const viewerOf = async (token: string): Promise<Viewer | null> => {
    try {
      return await auth.viewerFromToken(token);
    } catch {
      return null;
    }
  };
  const options: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    connectionInitWaitTimeout: 10_000,
    onConnect: async (ctx: WsContext) => {
      const token = tokenOf(ctx.connectionParams);
      const viewer = token ? await viewerOf(token) : null;
      if (!token || !viewer) return false;
      const n = open.get(viewer.userId) ?? 0;
      if (n >= connectionsPerUser) {
        (ctx.extra.socket as { close(code: number, reason: string): void }).close(
          4429,
          `Too many connections: at most ${connectionsPerUser} per user`,
        );
        return false;
      }
      open.set(viewer.userId, n + 1);
      ctx.extra.tashbik = { token, userId: viewer.userId };
      return true;
    },
    onClose: (ctx: WsContext) => {
      const state = ctx.extra.tashbik;
      if (!state) return;
      ctx.extra.tashbik = undefined;
      const n = (open.get(state.userId) ?? 1) - 1;
      if (n > 0) open.set(state.userId, n);
      else open.delete(state.userId);
    },
    onSubscribe: (ctx: WsContext, _id: string, payload: { query: string }) => {
      // The operation being subscribed is already counted.
      if (Object.keys(ctx.subscriptions).length > perConnection)
        return [
          new GraphQLError(`at most ${perConnection} subscriptions per connection`, {
            extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', max: perConnection },
          }),
        ];
      // The token limit, checked before graphql-ws parses the operation itself.
      try {
        parse(payload.query, limits.parseOptions);
      } catch (e) {
        return [new GraphQLError((e as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      return undefined;
    },
    validate: (schema: GraphQLSchema, document: DocumentNode) => {
      const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
      if (errors.length) return errors;
      const operation = getOperationAST(document);
      const max = config.graphqlLimits.cost;
      const cost = operation ? operationCost(schema, document, operation, undefined, MAX_PAGE_SIZE) : null;
      if (cost !== null && cost > max)
        return [limitError('cost', max, cost, `Query cost limit of ${max} exceeded, found ${cost}.`)];
      return [];
    },
    context: async (ctx: WsContext): Promise<GqlContext> => {
      const state = ctx.extra.tashbik;
      const request = ctx.extra.request as IncomingMessage & { id?: string };
      return {
        req: request,
        requestId: String(request.id ?? ''),
        lang: langFromHeader(request.headers['accept-language']),
        viewer: state ? await viewerOf(state.token) : null,
      } as GqlContext;
    },
  };
  // Nest hands every graphql-ws option to the server, though its type names only the hooks.
  return { 'graphql-ws': options as SubscriptionConfig['graphql-ws'] };
}
