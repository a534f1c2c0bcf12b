import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import {
  AppError,
  createLogger,
  currentRequestId,
  DatabaseOutage,
  HealthController,
  maskError,
  PlatformModule,
  type AppConfig,
} from '#platform';
import { DIRECTORY_ENTITIES, DirectoryGraphqlModule } from '#directory';
import type { GqlContext } from '#identity';
import { langFromHeader } from '#platform';
import { SearchGraphqlModule } from '#search';
import { MatchmakingGraphqlModule } from '#matchmaking';
import { FORUM_ENTITIES, ForumGraphqlModule } from '#forum';
import {
  AccessTokens,
  AuthModule,
  AuthService,
  IdentityGraphqlModule,
  IdentityModule,
  PolicyGuard,
} from '#identity';
import { NotificationsGraphqlModule, NotificationsModule } from '#notifications';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphqlPassThroughFilter } from './edge/exception-filter.js';
import { graphqlLimits } from './edge/graphql-limits.js';
import { graphqlMetricsPlugin } from './edge/graphql-metrics.js';
import { graphqlSubscriptions } from './edge/subscriptions.js';
import { RATE_LIMIT_KEY, RateLimitService, userOrAddressKey } from './edge/rate-limit.js';
import { JobQueuesModule } from './edge/job-queues.js';

type Verified = Awaited<ReturnType<AccessTokens['verify']>>;

/** The root types' descriptions, which code-first decorators cannot set. */
const ROOT_DESCRIPTIONS = {
  Query:
    'Reads: the directory and its taxonomies, search, suggestions, the forum, accounts, notifications and the console; each field says who may read it',
  Mutation:
    'Writes: each one in one PostgreSQL transaction, with its outbox rows (search, matchmaking, mail); each field says who may call it',
  Subscription:
    'Live updates over graphql-ws at /graphql, signed in with the access token in the connection parameters',
} as const;

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()])
    if (type && type.name in ROOT_DESCRIPTIONS)
      type.description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS];
  return schema;
}

/**
 * Verifies a request's access token once: the rate limiter needs it to count per user, and the
 * GraphQL context then reuses the answer.
 */
function verifyOnce(tokens: AccessTokens) {
  const seen = new WeakMap<object, { token: string; claims: Promise<Verified> }>();
  return (req: object, token: string): Promise<Verified> => {
    let entry = seen.get(req);
    if (!entry || entry.token !== token) {
      entry = { token, claims: tokens.verify(token) };
      seen.set(req, entry);
    }
    return entry.claims;
  };
}

/** The viewer of a request: none without an Authorization header, an UNAUTHENTICATED error for a bad token. */
async function viewerOf(
  auth: AuthService,
  verify: (req: object, token: string) => Promise<Verified>,
  req: IncomingMessage,
) {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header.trim());
  if (!match)
    throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <access token>"', {
      reason: 'TOKEN_INVALID',
      http: { status: 401 },
    });
  return auth.viewerFromClaims(await verify(req, match[1]));
}

/** The GraphQL API: directory, taxonomies and search, plus health endpoints, behind the edge's limits. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const errorLog = createLogger(config, 'graphql');
    const limits = graphqlLimits(config);
    const verify = verifyOnce(new AccessTokens(config.auth.jwtSecret, config.auth.accessTokenSeconds));
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES], { statements: 'request' }),
        IdentityModule,
        NotificationsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService, DatabaseOutage],
          useFactory: (auth: AuthService, database: DatabaseOutage): ApolloDriverConfig => ({
            autoSchemaFile: true,
            sortSchema: true,
            transformSchema: describeRootTypes,
            path: '/graphql',
            introspection: config.graphqlIntrospection,
            graphiql: config.graphqlLandingPage,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: false,
            // Access rules on nested fields run through the same guard as on queries and mutations.
            fieldResolverEnhancers: ['guards'],
            ...limits,
            plugins: [...limits.plugins, graphqlMetricsPlugin()],
            // graphql-ws at the same path, signed in with the access token in the connection parameters.
            subscriptions: graphqlSubscriptions(auth, config, limits),
            context: async ({ req }: { req: IncomingMessage & { id?: string } }): Promise<GqlContext> => ({
              req,
              requestId: String(req.id ?? ''),
              lang: langFromHeader(req.headers['accept-language']),
              viewer: await viewerOf(auth, verify, req),
            }),
            formatError: (formatted, error) => {
              const original = (error as { originalError?: unknown })?.originalError ?? error;
              const requestId = (formatted.extensions?.requestId as string | undefined) ?? currentRequestId();
              return maskError(formatted, original, errorLog, requestId, (e) => database.lost(e));
            },
          }),
        }),
        IdentityGraphqlModule,
        DirectoryGraphqlModule,
        SearchGraphqlModule,
        MatchmakingGraphqlModule,
        ForumGraphqlModule,
        NotificationsGraphqlModule,
        JobQueuesModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: RATE_LIMIT_KEY,
          useValue: userOrAddressKey(verify),
        },
        RateLimitService,
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_FILTER, useClass: GraphqlPassThroughFilter },
      ],
    };
  }
}
