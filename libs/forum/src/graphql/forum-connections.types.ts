import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#platform';
import { ForumDelegateType, MeetingRequestType } from './forum.types.js';

@ObjectType('ForumDelegateConnection', {
  description: 'A page of delegates in registration order (at most 500), with the total that match',
})
export class ForumDelegateConnection extends ConnectionType(
  ForumDelegateType,
  'ForumDelegate',
  'delegates',
) {}

@ObjectType('MeetingRequestConnection', {
  description: 'A page of meeting requests, newest first (at most 500), with the total that match',
})
export class MeetingRequestConnection extends ConnectionType(
  MeetingRequestType,
  'MeetingRequest',
  'meeting requests',
) {}
