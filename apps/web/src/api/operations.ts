import { graphql } from './client';

/*
 * Every operation the web app sends, with its types written by hand beside it. A test
 * (operations.test.ts) validates each document against apps/web/schema.graphql, the schema the
 * api prints with `npm run schema`, so a field removed or retyped in the api fails the web's tests.
 */

export type OrganizationKind = 'SME' | 'LARGE_FIRM' | 'SUPPORT_INSTITUTION' | 'FINANCIER' | 'PUBLIC_BODY';
export const ORGANIZATION_KINDS: OrganizationKind[] = [
  'SME',
  'LARGE_FIRM',
  'SUPPORT_INSTITUTION',
  'FINANCIER',
  'PUBLIC_BODY',
];

export interface LocalizedText {
  ar: string | null;
  fr: string | null;
  en: string | null;
}

export interface OrganizationHit {
  id: string;
  kind: OrganizationKind;
  name: LocalizedText;
  country: string;
  city: string | null;
  highlights: { field: string; snippet: string }[];
}

export interface SearchResult {
  searchOrganizations: {
    estimatedTotal: number;
    offset: number;
    limit: number;
    hits: OrganizationHit[];
    facets: { field: string; values: { value: string; count: number }[] }[];
  };
}

export const SEARCH_ORGANIZATIONS = graphql(`
  query SearchOrganizations($query: String, $filter: OrganizationSearchFilter, $limit: Int!, $offset: Int!) {
    searchOrganizations(
      query: $query
      filter: $filter
      facets: ["kind", "country"]
      limit: $limit
      offset: $offset
    ) {
      estimatedTotal
      offset
      limit
      hits {
        id
        kind
        name {
          ar
          fr
          en
        }
        country
        city
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

export interface TaxonomyEntry {
  code: string;
  label: string;
}

export interface OrganizationPage {
  organization: {
    id: string;
    kind: OrganizationKind;
    /** The kind of institution (a code of organizationSubtypes), when the organisation gives one. */
    subtype: string | null;
    name: LocalizedText;
    description: LocalizedText;
    country: string;
    region: string | null;
    city: string | null;
    website: string | null;
    foundedYear: number | null;
    employeeBand: string | null;
    languages: string[];
    sectors: string[];
    certifications: string[];
    capabilities: { process: string }[];
    contactsVisible: boolean;
    contacts: { id: string; name: string; role: string | null; email: string | null; phone: string | null }[];
    opportunities: {
      id: string;
      type: string;
      title: LocalizedText;
      expiresAt: string | null;
      archived: boolean;
    }[];
  };
  sectors: TaxonomyEntry[];
  processes: TaxonomyEntry[];
  certifications: TaxonomyEntry[];
  organizationSubtypes: TaxonomyEntry[];
  opportunityTypes: TaxonomyEntry[];
}

export const ORGANIZATION = graphql(`
  query Organization($id: ID!, $lang: Lang) {
    organization(id: $id) {
      id
      kind
      subtype
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
      region
      city
      website
      foundedYear
      employeeBand
      languages
      sectors
      certifications
      capabilities {
        process
      }
      contactsVisible
      contacts {
        id
        name
        role
        email
        phone
      }
      opportunities {
        id
        type
        title {
          ar
          fr
          en
        }
        expiresAt
        archived
      }
    }
    sectors(lang: $lang) {
      code
      label
    }
    processes(lang: $lang) {
      code
      label
    }
    certifications(lang: $lang) {
      code
      label
    }
    organizationSubtypes(lang: $lang) {
      code
      label
    }
    opportunityTypes(lang: $lang) {
      code
      label
    }
  }
`);

export const REGISTER = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input)
  }
`);

export const VERIFY_EMAIL = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const RESEND_VERIFICATION = graphql(`
  mutation ResendVerification($email: String!) {
    resendVerification(email: $email)
  }
`);

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
}

// The refresh token travels in the api's HttpOnly session cookie (the client sends `x-tashbik-session: cookie`).
export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      accessTokenExpiresAt
    }
  }
`);

export const REFRESH = graphql(`
  mutation Refresh {
    refreshSession {
      accessToken
      accessTokenExpiresAt
    }
  }
`);

export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

/** ADMIN holds every ORGANISER right. */
export type PlatformRole = 'ADMIN' | 'ORGANISER';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  emailVerified: boolean;
  roles: PlatformRole[];
}

export const ME = graphql(`
  query Me {
    me {
      id
      email
      displayName
      locale
      emailVerified
      roles
    }
  }
`);

export interface ForumEditionSummary {
  id: string;
  name: LocalizedText;
  timezone: string;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  publishedAt: string | null;
}

/** Editions the viewer may see, newest first (drafts for organisers only). */
export const FORUM_EDITIONS = graphql(`
  query ForumEditions {
    forumEditions {
      id
      name {
        ar
        fr
        en
      }
      timezone
      startsOn
      endsOn
      venue
      publishedAt
    }
  }
`);

export interface AgendaMeeting {
  meetingId: string;
  start: string;
  end: string;
  timezone: string;
  tableLabel: string | null;
  delegateId: string;
  delegateName: string;
  /** The delegate's organisation (the side an outcome is reported for); absent in agendas stored before it was kept. */
  organizationId?: string;
  counterpartDelegateName: string;
  counterpartOrganizationName: string;
  status: string;
}

/** The edition and the published meetings of each organisation the signed-in user belongs to. */
export const MY_AGENDA = graphql(`
  query MyAgendaEdition($editionId: ID!) {
    me {
      id
    }
    forumEdition(id: $editionId) {
      id
      name {
        ar
        fr
        en
      }
      timezone
      startsOn
      endsOn
      venue
      publishedAt
    }
    myOrganizations {
      id
      name {
        ar
        fr
        en
      }
    }
  }
`);

export const ORGANIZATION_AGENDA = graphql(`
  query OrganizationAgenda($editionId: ID!, $organizationId: ID!) {
    organizationAgenda(editionId: $editionId, organizationId: $organizationId) {
      meetingId
      start
      end
      timezone
      tableLabel
      delegateId
      delegateName
      organizationId
      counterpartDelegateName
      counterpartOrganizationName
      status
    }
  }
`);

/** A new private calendar feed URL for one delegate (the previous one stops working). */
export const AGENDA_FEED_URL = graphql(`
  mutation AgendaFeedUrl($delegateId: ID!) {
    agendaFeedUrl(delegateId: $delegateId) {
      url
    }
  }
`);
