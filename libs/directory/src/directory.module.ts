import { Global, Module } from '@nestjs/common';
import { ORGANIZATION_PORT } from '#identity';
import { OrganizationService } from './organisation/organisation.service.js';
import { OpportunityService } from './opportunity/opportunity.service.js';
import { OrganizationResolver } from './organisation/organisation.resolver.js';
import { OpportunityResolver } from './opportunity/opportunity.resolver.js';
import { TaxonomyResolver } from './taxonomy/taxonomy.resolver.js';
import { DirectoryLoaderFactory } from './graphql/directory.loaders.js';
import { OrganizationEntity } from './organisation/organisation.entity.js';
import { ContactPersonEntity } from './organisation/contact-person.entity.js';
import { OpportunityEntity } from './opportunity/opportunity.entity.js';
import { ImporterService } from './import/importer.service.js';
import { ImporterResolver } from './import/importer.resolver.js';
import { OrganizationChangeService } from './organisation/organisation-change.service.js';
import { ReviewService } from './organisation/review.service.js';
import { SearchSourceRepository } from './search-source/search-source.repository.js';
import { OrganizationRepository } from './organisation/organisation.repository.js';
import { OrganizationChangeRepository } from './organisation/organisation-change.repository.js';
import { OpportunityRepository } from './opportunity/opportunity.repository.js';
import './registrations.js';
import './contact/registrations.js';
import { ContactRequestRepository } from './contact/contact-request.repository.js';
import { ContactGrantRepository } from './contact/contact-grant.repository.js';
import { ContactGrantService } from './contact/contact-grant.service.js';
import { ContactRequestService } from './contact/contact-request.service.js';
import { ContactRequestResolver } from './contact/contact-request.resolver.js';
import { ClaimRepository } from './claim/claim.repository.js';
import { ClaimService } from './claim/claim.service.js';
import { ClaimResolver } from './claim/claim.resolver.js';
import {
  OrganizationChangeResolver,
  OrganizationPendingChangeResolver,
} from './organisation/organisation-change.resolver.js';

export const DIRECTORY_ENTITIES = [OrganizationEntity, ContactPersonEntity, OpportunityEntity];

/** Services only, for the worker and the CLI; global, as the provider of identity's ORGANIZATION_PORT. */
@Global()
@Module({
  providers: [
    OrganizationService,
    OrganizationChangeService,
    OpportunityService,
    DirectoryLoaderFactory,
    ImporterService,
    ReviewService,
    OrganizationRepository,
    OrganizationChangeRepository,
    OpportunityRepository,
    SearchSourceRepository,
    ContactRequestRepository,
    ContactGrantRepository,
    ContactGrantService,
    ContactRequestService,
    ClaimRepository,
    ClaimService,
    { provide: ORGANIZATION_PORT, useExisting: OrganizationService },
  ],
  exports: [
    OrganizationService,
    OrganizationChangeService,
    OpportunityService,
    DirectoryLoaderFactory,
    ImporterService,
    ReviewService,
    SearchSourceRepository,
    ContactGrantService,
    ContactRequestService,
    ClaimService,
    ORGANIZATION_PORT,
  ],
})
export class DirectoryModule {}

/** The directory's GraphQL surface, for the api. */
@Module({
  imports: [DirectoryModule],
  providers: [
    OrganizationResolver,
    OrganizationChangeResolver,
    OrganizationPendingChangeResolver,
    OpportunityResolver,
    TaxonomyResolver,
    ImporterResolver,
    ContactRequestResolver,
    ClaimResolver,
  ],
})
export class DirectoryGraphqlModule {}
