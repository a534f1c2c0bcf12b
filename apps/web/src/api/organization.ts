import type { CreateOrganizationInput, UpdateOrganizationInput } from '../gql/graphql';
import { graphql } from './client';
import type { LocalizedText, OrganizationKind } from './operations';

/* My organisations: their profiles, review status, members and invitations, offers and needs. */

export type OrganizationStatus = 'ACTIVE' | 'ARCHIVED' | 'PENDING' | 'REJECTED';

export interface TaxonomyItem {
  code: string;
  label: string;
  parent: string | null;
}

export interface Taxonomies {
  organizationKinds: TaxonomyItem[];
  organizationSubtypes: TaxonomyItem[];
  sectors: TaxonomyItem[];
  processes: TaxonomyItem[];
  certifications: TaxonomyItem[];
  countries: TaxonomyItem[];
  regions: TaxonomyItem[];
  employeeBands: TaxonomyItem[];
  financingInstruments: TaxonomyItem[];
  opportunityTypes: TaxonomyItem[];
}

/** Every list a profile editor picks from, in one language (the editor loads all three). */
export const TAXONOMIES = graphql(`
  query Taxonomies($lang: Lang) {
    organizationKinds(lang: $lang) {
      code
      label
      parent
    }
    organizationSubtypes(lang: $lang) {
      code
      label
      parent
    }
    sectors(lang: $lang) {
      code
      label
      parent
    }
    processes(lang: $lang) {
      code
      label
      parent
    }
    certifications(lang: $lang) {
      code
      label
      parent
    }
    countries(lang: $lang) {
      code
      label
      parent
    }
    regions(lang: $lang) {
      code
      label
      parent
    }
    employeeBands(lang: $lang) {
      code
      label
      parent
    }
    financingInstruments(lang: $lang) {
      code
      label
      parent
    }
    opportunityTypes(lang: $lang) {
      code
      label
      parent
    }
  }
`);

export interface MyOrganizationSummary {
  id: string;
  kind: OrganizationKind;
  name: LocalizedText;
  status: OrganizationStatus;
  country: string;
  city: string | null;
  updatedAt: string;
}

export const MY_ORGANIZATIONS = graphql(`
  query MyOrganizations {
    myOrganizations {
      id
      kind
      name {
        ar
        fr
        en
      }
      status
      country
      city
      updatedAt
    }
    me {
      id
      memberships {
        organizationId
        role
      }
    }
  }
`);

export interface Capability {
  process: string;
  monthlyCapacity: number | null;
  capacityUnit: string | null;
}

export interface Innovation {
  patents: number;
  utilityModels: number;
  industrialDesigns: number;
  trademarks: number;
  rdActivity: boolean;
}

export interface FinancierTerms {
  instruments: string[];
  ticketMin: number | null;
  ticketMax: number | null;
  currency: string | null;
}

/** A person to contact; shown to members, organisers and organisations whose request was accepted. */
export interface ContactPerson {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface MyOpportunity {
  id: string;
  type: string;
  title: LocalizedText;
  description: LocalizedText;
  status: string;
  expiresAt: string | null;
  archived: boolean;
}

export interface OrganizationProfile {
  id: string;
  kind: OrganizationKind;
  subtype: string | null;
  status: OrganizationStatus;
  version: number;
  name: LocalizedText;
  description: LocalizedText;
  languages: string[];
  contacts: (ContactPerson & { id: string })[];
  country: string;
  regionCode: string | null;
  city: string | null;
  website: string | null;
  foundedYear: number | null;
  employeeBand: string | null;
  sectors: string[];
  certifications: string[];
  capabilities: Capability[];
  innovation: Innovation;
  financier: FinancierTerms | null;
  reviewedAt: string | null;
  pendingChange: { id: string; requestedAt: string; changes: { field: string }[] } | null;
  opportunities: MyOpportunity[];
}

export const MY_ORGANIZATION = graphql(`
  query MyOrganization($id: ID!) {
    organization(id: $id) {
      id
      kind
      subtype
      status
      version
      name {
        ar
        fr
        en
      }
      description {
        ar
        fr
        en
      }
      country
      regionCode
      city
      website
      foundedYear
      employeeBand
      sectors
      certifications
      languages
      contacts {
        id
        name
        role
        email
        phone
      }
      capabilities {
        process
        monthlyCapacity
        capacityUnit
      }
      innovation {
        patents
        utilityModels
        industrialDesigns
        trademarks
        rdActivity
      }
      financier {
        instruments
        ticketMin
        ticketMax
        currency
      }
      reviewedAt
      pendingChange {
        id
        requestedAt
        changes {
          field
        }
      }
      opportunities {
        id
        type
        title {
          ar
          fr
          en
        }
        description {
          ar
          fr
          en
        }
        status
        expiresAt
        archived
      }
    }
  }
`);

/**
 * The editor's values hold taxonomy codes (processes, certifications, sectors…) as strings picked
 * from the api's own lists (TAXONOMIES); the generated input types name those lists as enums.
 */
export const createInput = (input: OrganizationInput & { kind: OrganizationKind }) =>
  input as unknown as CreateOrganizationInput;
export const updateInput = (input: Partial<OrganizationInput> & { id: string; expectedVersion: number }) =>
  input as unknown as UpdateOrganizationInput;

export interface OrganizationInput {
  subtype?: string | null;
  name: LocalizedText;
  description: LocalizedText;
  country: string;
  regionCode: string | null;
  city: string | null;
  website: string | null;
  foundedYear: number | null;
  employeeBand: string | null;
  sectors: string[];
  certifications: string[];
  capabilities: Capability[];
  innovation: Innovation;
  financier?: FinancierTerms;
  languages?: string[];
  contacts?: ContactPerson[];
}

export const CREATE_ORGANIZATION = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      status
    }
  }
`);

export const UPDATE_ORGANIZATION = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      kind
      subtype
      status
      version
      name {
        ar
        fr
        en
      }
      description {
        ar
        fr
        en
      }
      country
      regionCode
      city
      website
      foundedYear
      employeeBand
      sectors
      certifications
      languages
      contacts {
        id
        name
        role
        email
        phone
      }
      capabilities {
        process
        monthlyCapacity
        capacityUnit
      }
      innovation {
        patents
        utilityModels
        industrialDesigns
        trademarks
        rdActivity
      }
      financier {
        instruments
        ticketMin
        ticketMax
        currency
      }
      reviewedAt
      pendingChange {
        id
        requestedAt
        changes {
          field
        }
      }
      opportunities {
        id
        type
        title {
          ar
          fr
          en
        }
        description {
          ar
          fr
          en
        }
        status
        expiresAt
        archived
      }
    }
  }
`);

export const RESUBMIT_ORGANIZATION = graphql(`
  mutation ResubmitOrganization($id: ID!) {
    resubmitOrganization(id: $id) {
      id
      status
    }
  }
`);

/** The review decisions sent to the signed-in user: the organiser's note reaches owners this way. */
export const REVIEW_NOTICES = graphql(`
  query ReviewNotices {
    notifications(first: 100) {
      edges {
        node {
          id
          kind
          createdAt
          payload {
            name
            value
          }
        }
      }
    }
  }
`);

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: 'OWNER' | 'MEMBER';
  since: string;
}

export const ORGANIZATION_MEMBERS = graphql(`
  query OrganizationMembers($organizationId: ID!) {
    organizationMembers(organizationId: $organizationId) {
      userId
      displayName
      email
      role
      since
    }
  }
`);

export const INVITE_MEMBER = graphql(`
  mutation InviteMember($organizationId: ID!, $email: String!, $role: MembershipRole!) {
    inviteMember(organizationId: $organizationId, email: $email, role: $role) {
      id
      email
      role
      expiresAt
    }
  }
`);

export interface PendingInvitation {
  id: string;
  email: string;
  role: 'OWNER' | 'MEMBER';
  createdAt: string;
  expiresAt: string;
  invitedBy: string | null;
}

export const ORGANIZATION_INVITATIONS = graphql(`
  query OrganizationInvitations($organizationId: ID!) {
    organizationInvitations(organizationId: $organizationId) {
      id
      email
      role
      createdAt
      expiresAt
      invitedBy
    }
  }
`);

export const REVOKE_INVITATION = graphql(`
  mutation RevokeInvitation($organizationId: ID!, $invitationId: ID!) {
    revokeInvitation(organizationId: $organizationId, invitationId: $invitationId)
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);

export const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      organizationId
      role
    }
  }
`);

export const CREATE_OPPORTUNITY = graphql(`
  mutation CreateOpportunity($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) {
      id
    }
  }
`);

export const RENEW_OPPORTUNITY = graphql(`
  mutation RenewOpportunity($id: ID!, $expiresAt: String!) {
    renewOpportunity(id: $id, expiresAt: $expiresAt) {
      id
      expiresAt
    }
  }
`);

export const ARCHIVE_OPPORTUNITY = graphql(`
  mutation ArchiveOpportunity($id: ID!) {
    archiveOpportunity(id: $id) {
      id
      archived
    }
  }
`);

export interface OpportunityHit {
  id: string;
  type: string;
  title: LocalizedText;
  organizationId: string;
  organizationName: string;
  country: string;
  expiresAt: string | null;
  highlights: { field: string; snippet: string }[];
}

export const SEARCH_OPPORTUNITIES = graphql(`
  query SearchOpportunities($query: String, $filter: OpportunitySearchFilter, $limit: Int!, $offset: Int!) {
    searchOpportunities(query: $query, filter: $filter, facets: ["type"], limit: $limit, offset: $offset) {
      estimatedTotal
      offset
      limit
      hits {
        id
        type
        title {
          ar
          fr
          en
        }
        organizationId
        organizationName
        country
        expiresAt
        highlights {
          field
          snippet
        }
      }
      facets {
        field
        values {
          value
          count
        }
      }
    }
  }
`);

/** Claiming an organisation that has no owner (docs/ACCESS.md): where the code may go, the claim, the code. */
export interface ClaimOption {
  address: string;
  kind: 'CONTACT_PERSON' | 'WEBSITE_DOMAIN';
}

export interface OrganizationClaimView {
  id: string;
  organizationId: string;
  organizationName: string;
  address: string;
  status: 'CODE_SENT' | 'CONTESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED';
  expiresAt: string;
  note: string | null;
}

export const CLAIM_OPTIONS = graphql(`
  query ClaimOptions($id: ID!) {
    claimOptions(id: $id) {
      address
      kind
    }
  }
`);

export const CLAIM_ORGANIZATION = graphql(`
  mutation ClaimOrganization($id: ID!, $email: String!) {
    claimOrganization(id: $id, email: $email) {
      id
      organizationId
      organizationName
      address
      status
      expiresAt
      note
    }
  }
`);

export const CONFIRM_CLAIM = graphql(`
  mutation ConfirmClaim($claimId: ID!, $code: String!) {
    confirmOrganizationClaim(claimId: $claimId, code: $code) {
      id
      organizationId
      organizationName
      address
      status
      expiresAt
      note
    }
  }
`);

export const MY_CLAIMS = graphql(`
  query MyClaims {
    myOrganizationClaims {
      id
      organizationId
      organizationName
      address
      status
      expiresAt
      note
    }
  }
`);
