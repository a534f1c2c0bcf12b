import { Module } from '@nestjs/common';
import { ForumModule } from '../forum.module.js';
import { ForumEditionResolver } from './edition.resolver.js';
import { ForumRegistrationResolver } from './registration.resolver.js';
import { ForumMeetingResolver } from './meeting.resolver.js';

/** The forum's GraphQL surface, for the api. */
@Module({
  imports: [ForumModule],
  providers: [ForumEditionResolver, ForumRegistrationResolver, ForumMeetingResolver],
})
export class ForumGraphqlModule {}
