import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES, DirectoryModule } from '#directory';
import { SearchModule } from '#search';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { FORUM_ENTITIES, ForumModule } from '#forum';
import { MatchmakingModule } from '#matchmaking';

/**
 * The services the matchmaking scale benchmark calls in-process: the importer, the search indexer
 * and the full recompute the worker's shards run. No job processors: nothing is consumed from the queues.
 */
@Module({})
export class MatchScaleModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MatchScaleModule,
      imports: [
        PlatformModule.forRoot(config, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]),
        IdentityModule,
        NotificationsModule,
        DirectoryModule,
        SearchModule,
        MatchmakingModule,
        ForumModule,
      ],
    };
  }
}
