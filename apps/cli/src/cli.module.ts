import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES, DirectoryModule } from '#directory';
import { SearchModule } from '#search';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';

/** Services for one-shot commands: no HTTP server, no job processors. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        PlatformModule.forRoot(config, DIRECTORY_ENTITIES),
        IdentityModule,
        NotificationsModule,
        DirectoryModule,
        SearchModule,
      ],
    };
  }
}
