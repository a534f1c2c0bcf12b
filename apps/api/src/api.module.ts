import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { IncomingMessage } from 'node:http';
import {
  createLogger,
  currentRequestId,
  HealthController,
  maskError,
  PlatformModule,
  type AppConfig,
} from '#platform';
import { DIRECTORY_ENTITIES, DirectoryGraphqlModule, langFromHeader, type GqlContext } from '#directory';
import { SearchGraphqlModule } from '#search';
import { graphqlLimits } from './edge/graphql-limits.js';
import { clientAddressKey, RATE_LIMIT_KEY, RateLimitService } from './edge/rate-limit.js';

/** The GraphQL API: directory, taxonomies and search, plus health endpoints, behind the edge's limits. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const errorLog = createLogger(config, 'graphql');
    const limits = graphqlLimits(config);
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, DIRECTORY_ENTITIES),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          introspection: config.graphqlIntrospection,
          graphiql: config.graphqlLandingPage,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          ...limits,
          context: ({ req }: { req: IncomingMessage & { id?: string } }): GqlContext => ({
            req,
            requestId: String(req.id ?? ''),
            lang: langFromHeader(req.headers['accept-language']),
          }),
          formatError: (formatted, error) => {
            const original = (error as { originalError?: unknown })?.originalError ?? error;
            const requestId = (formatted.extensions?.requestId as string | undefined) ?? currentRequestId();
            return maskError(formatted, original, errorLog, requestId);
          },
        }),
        DirectoryGraphqlModule,
        SearchGraphqlModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: RATE_LIMIT_KEY, useValue: clientAddressKey }, RateLimitService],
    };
  }
}
