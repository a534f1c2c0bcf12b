import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Connection, ConnectionPageArgs } from '#platform';
import { arg, Authorize, CurrentViewer, MemberOf, ownerOfRecord, type Viewer } from '#identity';
import { ContactRequestService, toContactRequest } from './contact-request.service.js';
import {
  ContactRequestConnection,
  ContactRequestDirection,
  ContactRequestType,
} from './contact-request.types.js';

@Resolver()
export class ContactRequestResolver {
  constructor(private readonly requests: ContactRequestService) {}

  @Authorize(MemberOf(arg('fromOrganizationId')))
  @Mutation(() => ContactRequestType, {
    description:
      'Asks another organisation for contact; accepted, it shows each side the other’s contact persons',
  })
  async requestContact(
    @CurrentViewer() viewer: Viewer,
    @Args('fromOrganizationId', { type: () => ID, description: 'Your organisation, asking' }) from: string,
    @Args('toOrganizationId', { type: () => ID, description: 'The organisation asked' }) to: string,
    @Args('message', { type: () => String, nullable: true, description: 'Optional note to the other side' })
    message: string | null,
  ): Promise<ContactRequestType> {
    return toContactRequest(await this.requests.request(viewer, from, to, message));
  }

  @Authorize(MemberOf(ownerOfRecord('contact_request.to', 'id')))
  @Mutation(() => ContactRequestType, {
    description: 'Accepts or declines a request addressed to your organisation',
  })
  async respondToContactRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The pending request' }) id: string,
    @Args('accept', { description: 'true accepts, false declines' }) accept: boolean,
    @Args('message', {
      type: () => String,
      nullable: true,
      description: 'With a decline only: a short note to the requester (at most 500 characters)',
    })
    message: string | null,
  ): Promise<ContactRequestType> {
    return toContactRequest(await this.requests.respond(viewer, id, accept, message ?? null));
  }

  @Authorize(MemberOf(ownerOfRecord('contact_request.from', 'id')))
  @Mutation(() => ContactRequestType, { description: 'Withdraws a pending request your organisation sent' })
  async cancelContactRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The pending request' }) id: string,
  ): Promise<ContactRequestType> {
    return toContactRequest(await this.requests.cancel(viewer, id));
  }

  @Authorize(MemberOf(arg('organizationId')))
  @Query(() => ContactRequestConnection, {
    description: 'A page of the contact requests your organisation received or sent, newest first',
  })
  async contactRequests(
    @Args('organizationId', { type: () => ID, description: 'Your organisation' }) organizationId: string,
    @Args('direction', {
      type: () => ContactRequestDirection,
      defaultValue: ContactRequestDirection.INCOMING,
      description: 'Received (INCOMING, the default) or sent (OUTGOING)',
    })
    direction: ContactRequestDirection,
    @Args() page: ConnectionPageArgs,
  ): Promise<Connection<ContactRequestType>> {
    const c = await this.requests.page(organizationId, direction, page);
    const edges = c.edges.map((e) => ({ cursor: e.cursor, node: toContactRequest(e.node) }));
    return { ...c, edges, nodes: edges.map((e) => e.node) };
  }
}
