/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale)\n  }\n": typeof types.SetMyLocaleDocument,
    "\n  query ExportMyData {\n    exportMyData\n  }\n": typeof types.ExportMyDataDocument,
    "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password) {\n      deleted\n      archivedOrganizationIds\n    }\n  }\n": typeof types.DeleteMyAccountDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n    }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token) {\n      kind\n      email\n    }\n  }\n": typeof types.UnsubscribeDocument,
    "\n  query EditionStatistics($editionId: ID!) {\n    editionStatistics(editionId: $editionId) {\n      editionId\n      totals {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byCountry {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      bySector {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byGroup {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      rounds {\n        slotId\n        position\n        day\n        session\n        startsAt\n        meetings\n        tablesUsed\n        tablesAvailable\n        utilisation\n      }\n    }\n  }\n": typeof types.EditionStatisticsDocument,
    "\n  query FollowUpReport($editionId: ID!, $stage: FollowUpStage, $first: Int) {\n    followUpReport(editionId: $editionId, stage: $stage, first: $first) {\n      editionId\n      lastDay\n      requestDates\n      requestsSent\n      meetings\n      stages {\n        stage\n        meetings\n      }\n      byCountry {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      bySector {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      list {\n        meetingId\n        startsAt\n        tableLabel\n        stage\n        sides {\n          delegateId\n          delegateName\n          organizationId\n          organizationName {\n            ar\n            fr\n            en\n          }\n          country\n          stage\n          reportedAt\n        }\n      }\n      listTotal\n    }\n  }\n": typeof types.FollowUpReportDocument,
    "\n  query ForumEditionList {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n  }\n": typeof types.ForumEditionListDocument,
    "\n  query ForumEditionPage($editionId: ID!) {\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n    forumSessions(editionId: $editionId) {\n      id\n      day\n      kind\n      startsAt\n      endsAt\n    }\n    forumSlots(editionId: $editionId) {\n      id\n      day\n      startsAt\n      endsAt\n      isBreak\n      session\n    }\n  }\n": typeof types.ForumEditionPageDocument,
    "\n  query MyForumOrganizations {\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      kind\n      status\n    }\n  }\n": typeof types.MyForumOrganizationsDocument,
    "\n  query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    forumDelegates(editionId: $editionId, organizationId: $organizationId, first: $first, after: $after) {\n      nodes {\n        id\n        organizationId\n        userId\n        name\n        email\n        status\n        unavailableSlotIds\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ForumDelegatesDocument,
    "\n  mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {\n    registerDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n": typeof types.ForumRegisterDelegateDocument,
    "\n  mutation ForumSetUnavailable($input: UpdateDelegateInput!) {\n    updateDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n": typeof types.ForumSetUnavailableDocument,
    "\n  query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {\n    forumParticipants(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          languages\n          goals\n          ownOrganization\n          requestId\n          requestStatus\n          organization {\n            id\n            name {\n              ar\n              fr\n              en\n            }\n            kind\n            country\n            sectors\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ForumParticipantsDocument,
    "\n  query ForumSectors($lang: Lang) {\n    sectors(lang: $lang) {\n      code\n      label\n    }\n  }\n": typeof types.ForumSectorsDocument,
    "\n  mutation ForumRequestMeeting($input: MeetingRequestInput!) {\n    requestMeeting(input: $input) {\n      id\n      fromOrganizationId\n      toOrganizationId\n      fromDelegateId\n      toDelegateId\n      message\n      status\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.ForumRequestMeetingDocument,
    "\n  query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    meetingRequests(\n      editionId: $editionId\n      organizationId: $organizationId\n      direction: ANY\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        fromOrganizationId\n        toOrganizationId\n        fromDelegateId\n        toDelegateId\n        message\n        status\n        createdAt\n        expiresAt\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ForumMyMeetingRequestsDocument,
    "\n  query ForumDelegateBadge($delegateId: ID!) {\n    delegateBadge(delegateId: $delegateId) {\n      code\n      delegateId\n      editionId\n      delegateName\n      organizationName {\n        ar\n        fr\n        en\n      }\n    }\n  }\n": typeof types.ForumDelegateBadgeDocument,
    "\n  mutation ForumReportOutcome(\n    $meetingId: ID!\n    $organizationId: ID\n    $outcome: MeetingOutcome!\n    $note: String\n  ) {\n    reportMeetingOutcome(\n      meetingId: $meetingId\n      organizationId: $organizationId\n      outcome: $outcome\n      note: $note\n    ) {\n      delegateId\n      outcome\n    }\n  }\n": typeof types.ForumReportOutcomeDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      kind\n      createdAt\n      readAt\n      payload {\n        name\n        value\n      }\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query SearchOrganizations($query: String, $filter: OrganizationSearchFilter, $limit: Int!, $offset: Int!) {\n    searchOrganizations(\n      query: $query\n      filter: $filter\n      facets: [\"kind\", \"country\"]\n      limit: $limit\n      offset: $offset\n    ) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        kind\n        name {\n          ar\n          fr\n          en\n        }\n        country\n        city\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": typeof types.SearchOrganizationsDocument,
    "\n  query Organization($id: ID!, $lang: Lang) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      region\n      city\n      website\n      foundedYear\n      employeeBand\n      languages\n      sectors\n      certifications\n      capabilities {\n        process\n      }\n      contactsVisible\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        expiresAt\n        archived\n      }\n    }\n    sectors(lang: $lang) {\n      code\n      label\n    }\n    processes(lang: $lang) {\n      code\n      label\n    }\n    certifications(lang: $lang) {\n      code\n      label\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input)\n  }\n": typeof types.RegisterDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerification($email: String!) {\n    resendVerification(email: $email)\n  }\n": typeof types.ResendVerificationDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Refresh {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      emailVerified\n      roles\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ForumEditions {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n  }\n": typeof types.ForumEditionsDocument,
    "\n  query MyAgendaEdition($editionId: ID!) {\n    me {\n      id\n    }\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n    }\n  }\n": typeof types.MyAgendaEditionDocument,
    "\n  query OrganizationAgenda($editionId: ID!, $organizationId: ID!) {\n    organizationAgenda(editionId: $editionId, organizationId: $organizationId) {\n      meetingId\n      start\n      end\n      timezone\n      tableLabel\n      delegateId\n      delegateName\n      organizationId\n      counterpartDelegateName\n      counterpartOrganizationName\n      status\n    }\n  }\n": typeof types.OrganizationAgendaDocument,
    "\n  mutation AgendaFeedUrl($delegateId: ID!) {\n    agendaFeedUrl(delegateId: $delegateId) {\n      url\n    }\n  }\n": typeof types.AgendaFeedUrlDocument,
    "\n  query Taxonomies($lang: Lang) {\n    organizationKinds(lang: $lang) {\n      code\n      label\n      parent\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    sectors(lang: $lang) {\n      code\n      label\n      parent\n    }\n    processes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    certifications(lang: $lang) {\n      code\n      label\n      parent\n    }\n    countries(lang: $lang) {\n      code\n      label\n      parent\n    }\n    regions(lang: $lang) {\n      code\n      label\n      parent\n    }\n    employeeBands(lang: $lang) {\n      code\n      label\n      parent\n    }\n    financingInstruments(lang: $lang) {\n      code\n      label\n      parent\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n  }\n": typeof types.TaxonomiesDocument,
    "\n  query MyOrganizations {\n    myOrganizations {\n      id\n      kind\n      name {\n        ar\n        fr\n        en\n      }\n      status\n      country\n      city\n      updatedAt\n    }\n    me {\n      id\n      memberships {\n        organizationId\n        role\n      }\n    }\n  }\n": typeof types.MyOrganizationsDocument,
    "\n  query MyOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n": typeof types.MyOrganizationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation ResubmitOrganization($id: ID!) {\n    resubmitOrganization(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResubmitOrganizationDocument,
    "\n  query ReviewNotices {\n    notifications(first: 100) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          payload {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReviewNoticesDocument,
    "\n  query OrganizationMembers($organizationId: ID!) {\n    organizationMembers(organizationId: $organizationId) {\n      userId\n      displayName\n      email\n      role\n      since\n    }\n  }\n": typeof types.OrganizationMembersDocument,
    "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: MembershipRole!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query OrganizationInvitations($organizationId: ID!) {\n    organizationInvitations(organizationId: $organizationId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy\n    }\n  }\n": typeof types.OrganizationInvitationsDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $invitationId: ID!) {\n    revokeInvitation(organizationId: $organizationId, invitationId: $invitationId)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organizationId\n      role\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateOpportunityDocument,
    "\n  mutation RenewOpportunity($id: ID!, $expiresAt: String!) {\n    renewOpportunity(id: $id, expiresAt: $expiresAt) {\n      id\n      expiresAt\n    }\n  }\n": typeof types.RenewOpportunityDocument,
    "\n  mutation ArchiveOpportunity($id: ID!) {\n    archiveOpportunity(id: $id) {\n      id\n      archived\n    }\n  }\n": typeof types.ArchiveOpportunityDocument,
    "\n  query SearchOpportunities($query: String, $filter: OpportunitySearchFilter, $limit: Int!, $offset: Int!) {\n    searchOpportunities(query: $query, filter: $filter, facets: [\"type\"], limit: $limit, offset: $offset) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        organizationId\n        organizationName\n        country\n        expiresAt\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": typeof types.SearchOpportunitiesDocument,
    "\n  query ClaimOptions($id: ID!) {\n    claimOptions(id: $id) {\n      address\n      kind\n    }\n  }\n": typeof types.ClaimOptionsDocument,
    "\n  mutation ClaimOrganization($id: ID!, $email: String!) {\n    claimOrganization(id: $id, email: $email) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": typeof types.ClaimOrganizationDocument,
    "\n  mutation ConfirmClaim($claimId: ID!, $code: String!) {\n    confirmOrganizationClaim(claimId: $claimId, code: $code) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": typeof types.ConfirmClaimDocument,
    "\n  query MyClaims {\n    myOrganizationClaims {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": typeof types.MyClaimsDocument,
};
const documents: Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale)\n  }\n": types.SetMyLocaleDocument,
    "\n  query ExportMyData {\n    exportMyData\n  }\n": types.ExportMyDataDocument,
    "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password) {\n      deleted\n      archivedOrganizationIds\n    }\n  }\n": types.DeleteMyAccountDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n    }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token) {\n      kind\n      email\n    }\n  }\n": types.UnsubscribeDocument,
    "\n  query EditionStatistics($editionId: ID!) {\n    editionStatistics(editionId: $editionId) {\n      editionId\n      totals {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byCountry {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      bySector {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byGroup {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      rounds {\n        slotId\n        position\n        day\n        session\n        startsAt\n        meetings\n        tablesUsed\n        tablesAvailable\n        utilisation\n      }\n    }\n  }\n": types.EditionStatisticsDocument,
    "\n  query FollowUpReport($editionId: ID!, $stage: FollowUpStage, $first: Int) {\n    followUpReport(editionId: $editionId, stage: $stage, first: $first) {\n      editionId\n      lastDay\n      requestDates\n      requestsSent\n      meetings\n      stages {\n        stage\n        meetings\n      }\n      byCountry {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      bySector {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      list {\n        meetingId\n        startsAt\n        tableLabel\n        stage\n        sides {\n          delegateId\n          delegateName\n          organizationId\n          organizationName {\n            ar\n            fr\n            en\n          }\n          country\n          stage\n          reportedAt\n        }\n      }\n      listTotal\n    }\n  }\n": types.FollowUpReportDocument,
    "\n  query ForumEditionList {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n  }\n": types.ForumEditionListDocument,
    "\n  query ForumEditionPage($editionId: ID!) {\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n    forumSessions(editionId: $editionId) {\n      id\n      day\n      kind\n      startsAt\n      endsAt\n    }\n    forumSlots(editionId: $editionId) {\n      id\n      day\n      startsAt\n      endsAt\n      isBreak\n      session\n    }\n  }\n": types.ForumEditionPageDocument,
    "\n  query MyForumOrganizations {\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      kind\n      status\n    }\n  }\n": types.MyForumOrganizationsDocument,
    "\n  query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    forumDelegates(editionId: $editionId, organizationId: $organizationId, first: $first, after: $after) {\n      nodes {\n        id\n        organizationId\n        userId\n        name\n        email\n        status\n        unavailableSlotIds\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ForumDelegatesDocument,
    "\n  mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {\n    registerDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n": types.ForumRegisterDelegateDocument,
    "\n  mutation ForumSetUnavailable($input: UpdateDelegateInput!) {\n    updateDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n": types.ForumSetUnavailableDocument,
    "\n  query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {\n    forumParticipants(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          languages\n          goals\n          ownOrganization\n          requestId\n          requestStatus\n          organization {\n            id\n            name {\n              ar\n              fr\n              en\n            }\n            kind\n            country\n            sectors\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ForumParticipantsDocument,
    "\n  query ForumSectors($lang: Lang) {\n    sectors(lang: $lang) {\n      code\n      label\n    }\n  }\n": types.ForumSectorsDocument,
    "\n  mutation ForumRequestMeeting($input: MeetingRequestInput!) {\n    requestMeeting(input: $input) {\n      id\n      fromOrganizationId\n      toOrganizationId\n      fromDelegateId\n      toDelegateId\n      message\n      status\n      createdAt\n      expiresAt\n    }\n  }\n": types.ForumRequestMeetingDocument,
    "\n  query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    meetingRequests(\n      editionId: $editionId\n      organizationId: $organizationId\n      direction: ANY\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        fromOrganizationId\n        toOrganizationId\n        fromDelegateId\n        toDelegateId\n        message\n        status\n        createdAt\n        expiresAt\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ForumMyMeetingRequestsDocument,
    "\n  query ForumDelegateBadge($delegateId: ID!) {\n    delegateBadge(delegateId: $delegateId) {\n      code\n      delegateId\n      editionId\n      delegateName\n      organizationName {\n        ar\n        fr\n        en\n      }\n    }\n  }\n": types.ForumDelegateBadgeDocument,
    "\n  mutation ForumReportOutcome(\n    $meetingId: ID!\n    $organizationId: ID\n    $outcome: MeetingOutcome!\n    $note: String\n  ) {\n    reportMeetingOutcome(\n      meetingId: $meetingId\n      organizationId: $organizationId\n      outcome: $outcome\n      note: $note\n    ) {\n      delegateId\n      outcome\n    }\n  }\n": types.ForumReportOutcomeDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      kind\n      createdAt\n      readAt\n      payload {\n        name\n        value\n      }\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query SearchOrganizations($query: String, $filter: OrganizationSearchFilter, $limit: Int!, $offset: Int!) {\n    searchOrganizations(\n      query: $query\n      filter: $filter\n      facets: [\"kind\", \"country\"]\n      limit: $limit\n      offset: $offset\n    ) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        kind\n        name {\n          ar\n          fr\n          en\n        }\n        country\n        city\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": types.SearchOrganizationsDocument,
    "\n  query Organization($id: ID!, $lang: Lang) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      region\n      city\n      website\n      foundedYear\n      employeeBand\n      languages\n      sectors\n      certifications\n      capabilities {\n        process\n      }\n      contactsVisible\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        expiresAt\n        archived\n      }\n    }\n    sectors(lang: $lang) {\n      code\n      label\n    }\n    processes(lang: $lang) {\n      code\n      label\n    }\n    certifications(lang: $lang) {\n      code\n      label\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n    }\n  }\n": types.OrganizationDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input)\n  }\n": types.RegisterDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerification($email: String!) {\n    resendVerification(email: $email)\n  }\n": types.ResendVerificationDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Refresh {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n": types.RefreshDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      emailVerified\n      roles\n    }\n  }\n": types.MeDocument,
    "\n  query ForumEditions {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n  }\n": types.ForumEditionsDocument,
    "\n  query MyAgendaEdition($editionId: ID!) {\n    me {\n      id\n    }\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n    }\n  }\n": types.MyAgendaEditionDocument,
    "\n  query OrganizationAgenda($editionId: ID!, $organizationId: ID!) {\n    organizationAgenda(editionId: $editionId, organizationId: $organizationId) {\n      meetingId\n      start\n      end\n      timezone\n      tableLabel\n      delegateId\n      delegateName\n      organizationId\n      counterpartDelegateName\n      counterpartOrganizationName\n      status\n    }\n  }\n": types.OrganizationAgendaDocument,
    "\n  mutation AgendaFeedUrl($delegateId: ID!) {\n    agendaFeedUrl(delegateId: $delegateId) {\n      url\n    }\n  }\n": types.AgendaFeedUrlDocument,
    "\n  query Taxonomies($lang: Lang) {\n    organizationKinds(lang: $lang) {\n      code\n      label\n      parent\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    sectors(lang: $lang) {\n      code\n      label\n      parent\n    }\n    processes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    certifications(lang: $lang) {\n      code\n      label\n      parent\n    }\n    countries(lang: $lang) {\n      code\n      label\n      parent\n    }\n    regions(lang: $lang) {\n      code\n      label\n      parent\n    }\n    employeeBands(lang: $lang) {\n      code\n      label\n      parent\n    }\n    financingInstruments(lang: $lang) {\n      code\n      label\n      parent\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n  }\n": types.TaxonomiesDocument,
    "\n  query MyOrganizations {\n    myOrganizations {\n      id\n      kind\n      name {\n        ar\n        fr\n        en\n      }\n      status\n      country\n      city\n      updatedAt\n    }\n    me {\n      id\n      memberships {\n        organizationId\n        role\n      }\n    }\n  }\n": types.MyOrganizationsDocument,
    "\n  query MyOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n": types.MyOrganizationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation ResubmitOrganization($id: ID!) {\n    resubmitOrganization(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResubmitOrganizationDocument,
    "\n  query ReviewNotices {\n    notifications(first: 100) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          payload {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": types.ReviewNoticesDocument,
    "\n  query OrganizationMembers($organizationId: ID!) {\n    organizationMembers(organizationId: $organizationId) {\n      userId\n      displayName\n      email\n      role\n      since\n    }\n  }\n": types.OrganizationMembersDocument,
    "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: MembershipRole!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query OrganizationInvitations($organizationId: ID!) {\n    organizationInvitations(organizationId: $organizationId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy\n    }\n  }\n": types.OrganizationInvitationsDocument,
    "\n  mutation RevokeInvitation($organizationId: ID!, $invitationId: ID!) {\n    revokeInvitation(organizationId: $organizationId, invitationId: $invitationId)\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organizationId\n      role\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) {\n      id\n    }\n  }\n": types.CreateOpportunityDocument,
    "\n  mutation RenewOpportunity($id: ID!, $expiresAt: String!) {\n    renewOpportunity(id: $id, expiresAt: $expiresAt) {\n      id\n      expiresAt\n    }\n  }\n": types.RenewOpportunityDocument,
    "\n  mutation ArchiveOpportunity($id: ID!) {\n    archiveOpportunity(id: $id) {\n      id\n      archived\n    }\n  }\n": types.ArchiveOpportunityDocument,
    "\n  query SearchOpportunities($query: String, $filter: OpportunitySearchFilter, $limit: Int!, $offset: Int!) {\n    searchOpportunities(query: $query, filter: $filter, facets: [\"type\"], limit: $limit, offset: $offset) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        organizationId\n        organizationName\n        country\n        expiresAt\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n": types.SearchOpportunitiesDocument,
    "\n  query ClaimOptions($id: ID!) {\n    claimOptions(id: $id) {\n      address\n      kind\n    }\n  }\n": types.ClaimOptionsDocument,
    "\n  mutation ClaimOrganization($id: ID!, $email: String!) {\n    claimOrganization(id: $id, email: $email) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": types.ClaimOrganizationDocument,
    "\n  mutation ConfirmClaim($claimId: ID!, $code: String!) {\n    confirmOrganizationClaim(claimId: $claimId, code: $code) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": types.ConfirmClaimDocument,
    "\n  query MyClaims {\n    myOrganizationClaims {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n": types.MyClaimsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      startedAt\n      lastActiveAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): typeof import('./graphql').EndSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): typeof import('./graphql').LogoutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale)\n  }\n"): typeof import('./graphql').SetMyLocaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMyData {\n    exportMyData\n  }\n"): typeof import('./graphql').ExportMyDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount($password: String!) {\n    deleteMyAccount(password: $password) {\n      deleted\n      archivedOrganizationIds\n    }\n  }\n"): typeof import('./graphql').DeleteMyAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n    }\n  }\n"): typeof import('./graphql').NotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) {\n      kind\n      email\n    }\n  }\n"): typeof import('./graphql').SetNotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token) {\n      kind\n      email\n    }\n  }\n"): typeof import('./graphql').UnsubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionStatistics($editionId: ID!) {\n    editionStatistics(editionId: $editionId) {\n      editionId\n      totals {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byCountry {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      bySector {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      byGroup {\n        key\n        delegates\n        requestsSent\n        accepted\n        declined\n        pending\n        expired\n        cancelled\n        acceptanceRate\n        meetingsScheduled\n        meetingsHeld\n        noShows\n      }\n      rounds {\n        slotId\n        position\n        day\n        session\n        startsAt\n        meetings\n        tablesUsed\n        tablesAvailable\n        utilisation\n      }\n    }\n  }\n"): typeof import('./graphql').EditionStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUpReport($editionId: ID!, $stage: FollowUpStage, $first: Int) {\n    followUpReport(editionId: $editionId, stage: $stage, first: $first) {\n      editionId\n      lastDay\n      requestDates\n      requestsSent\n      meetings\n      stages {\n        stage\n        meetings\n      }\n      byCountry {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      bySector {\n        key\n        meetings\n        stages {\n          stage\n          meetings\n        }\n      }\n      list {\n        meetingId\n        startsAt\n        tableLabel\n        stage\n        sides {\n          delegateId\n          delegateName\n          organizationId\n          organizationName {\n            ar\n            fr\n            en\n          }\n          country\n          stage\n          reportedAt\n        }\n      }\n      listTotal\n    }\n  }\n"): typeof import('./graphql').FollowUpReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumEditionList {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n  }\n"): typeof import('./graphql').ForumEditionListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumEditionPage($editionId: ID!) {\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      status\n      publishedAt\n      slotMinutes\n      maxRequestsPerDelegate\n      requestExpiryHours\n    }\n    forumSessions(editionId: $editionId) {\n      id\n      day\n      kind\n      startsAt\n      endsAt\n    }\n    forumSlots(editionId: $editionId) {\n      id\n      day\n      startsAt\n      endsAt\n      isBreak\n      session\n    }\n  }\n"): typeof import('./graphql').ForumEditionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyForumOrganizations {\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      kind\n      status\n    }\n  }\n"): typeof import('./graphql').MyForumOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    forumDelegates(editionId: $editionId, organizationId: $organizationId, first: $first, after: $after) {\n      nodes {\n        id\n        organizationId\n        userId\n        name\n        email\n        status\n        unavailableSlotIds\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ForumDelegatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {\n    registerDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n"): typeof import('./graphql').ForumRegisterDelegateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForumSetUnavailable($input: UpdateDelegateInput!) {\n    updateDelegate(input: $input) {\n      id\n      organizationId\n      userId\n      name\n      email\n      status\n      unavailableSlotIds\n    }\n  }\n"): typeof import('./graphql').ForumSetUnavailableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {\n    forumParticipants(editionId: $editionId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          languages\n          goals\n          ownOrganization\n          requestId\n          requestStatus\n          organization {\n            id\n            name {\n              ar\n              fr\n              en\n            }\n            kind\n            country\n            sectors\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').ForumParticipantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumSectors($lang: Lang) {\n    sectors(lang: $lang) {\n      code\n      label\n    }\n  }\n"): typeof import('./graphql').ForumSectorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForumRequestMeeting($input: MeetingRequestInput!) {\n    requestMeeting(input: $input) {\n      id\n      fromOrganizationId\n      toOrganizationId\n      fromDelegateId\n      toDelegateId\n      message\n      status\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ForumRequestMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {\n    meetingRequests(\n      editionId: $editionId\n      organizationId: $organizationId\n      direction: ANY\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        fromOrganizationId\n        toOrganizationId\n        fromDelegateId\n        toDelegateId\n        message\n        status\n        createdAt\n        expiresAt\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').ForumMyMeetingRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumDelegateBadge($delegateId: ID!) {\n    delegateBadge(delegateId: $delegateId) {\n      code\n      delegateId\n      editionId\n      delegateName\n      organizationName {\n        ar\n        fr\n        en\n      }\n    }\n  }\n"): typeof import('./graphql').ForumDelegateBadgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForumReportOutcome(\n    $meetingId: ID!\n    $organizationId: ID\n    $outcome: MeetingOutcome!\n    $note: String\n  ) {\n    reportMeetingOutcome(\n      meetingId: $meetingId\n      organizationId: $organizationId\n      outcome: $outcome\n      note: $note\n    ) {\n      delegateId\n      outcome\n    }\n  }\n"): typeof import('./graphql').ForumReportOutcomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      kind\n      createdAt\n      readAt\n      payload {\n        name\n        value\n      }\n    }\n  }\n"): typeof import('./graphql').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchOrganizations($query: String, $filter: OrganizationSearchFilter, $limit: Int!, $offset: Int!) {\n    searchOrganizations(\n      query: $query\n      filter: $filter\n      facets: [\"kind\", \"country\"]\n      limit: $limit\n      offset: $offset\n    ) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        kind\n        name {\n          ar\n          fr\n          en\n        }\n        country\n        city\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!, $lang: Lang) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      region\n      city\n      website\n      foundedYear\n      employeeBand\n      languages\n      sectors\n      certifications\n      capabilities {\n        process\n      }\n      contactsVisible\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        expiresAt\n        archived\n      }\n    }\n    sectors(lang: $lang) {\n      code\n      label\n    }\n    processes(lang: $lang) {\n      code\n      label\n    }\n    certifications(lang: $lang) {\n      code\n      label\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n    }\n  }\n"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input)\n  }\n"): typeof import('./graphql').RegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerification($email: String!) {\n    resendVerification(email: $email)\n  }\n"): typeof import('./graphql').ResendVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      locale\n      emailVerified\n      roles\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumEditions {\n    forumEditions {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n  }\n"): typeof import('./graphql').ForumEditionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAgendaEdition($editionId: ID!) {\n    me {\n      id\n    }\n    forumEdition(id: $editionId) {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n      timezone\n      startsOn\n      endsOn\n      venue\n      publishedAt\n    }\n    myOrganizations {\n      id\n      name {\n        ar\n        fr\n        en\n      }\n    }\n  }\n"): typeof import('./graphql').MyAgendaEditionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationAgenda($editionId: ID!, $organizationId: ID!) {\n    organizationAgenda(editionId: $editionId, organizationId: $organizationId) {\n      meetingId\n      start\n      end\n      timezone\n      tableLabel\n      delegateId\n      delegateName\n      organizationId\n      counterpartDelegateName\n      counterpartOrganizationName\n      status\n    }\n  }\n"): typeof import('./graphql').OrganizationAgendaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgendaFeedUrl($delegateId: ID!) {\n    agendaFeedUrl(delegateId: $delegateId) {\n      url\n    }\n  }\n"): typeof import('./graphql').AgendaFeedUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Taxonomies($lang: Lang) {\n    organizationKinds(lang: $lang) {\n      code\n      label\n      parent\n    }\n    organizationSubtypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    sectors(lang: $lang) {\n      code\n      label\n      parent\n    }\n    processes(lang: $lang) {\n      code\n      label\n      parent\n    }\n    certifications(lang: $lang) {\n      code\n      label\n      parent\n    }\n    countries(lang: $lang) {\n      code\n      label\n      parent\n    }\n    regions(lang: $lang) {\n      code\n      label\n      parent\n    }\n    employeeBands(lang: $lang) {\n      code\n      label\n      parent\n    }\n    financingInstruments(lang: $lang) {\n      code\n      label\n      parent\n    }\n    opportunityTypes(lang: $lang) {\n      code\n      label\n      parent\n    }\n  }\n"): typeof import('./graphql').TaxonomiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganizations {\n    myOrganizations {\n      id\n      kind\n      name {\n        ar\n        fr\n        en\n      }\n      status\n      country\n      city\n      updatedAt\n    }\n    me {\n      id\n      memberships {\n        organizationId\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').MyOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n"): typeof import('./graphql').MyOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      id\n      kind\n      subtype\n      status\n      version\n      name {\n        ar\n        fr\n        en\n      }\n      description {\n        ar\n        fr\n        en\n      }\n      country\n      regionCode\n      city\n      website\n      foundedYear\n      employeeBand\n      sectors\n      certifications\n      languages\n      contacts {\n        id\n        name\n        role\n        email\n        phone\n      }\n      capabilities {\n        process\n        monthlyCapacity\n        capacityUnit\n      }\n      innovation {\n        patents\n        utilityModels\n        industrialDesigns\n        trademarks\n        rdActivity\n      }\n      financier {\n        instruments\n        ticketMin\n        ticketMax\n        currency\n      }\n      reviewedAt\n      pendingChange {\n        id\n        requestedAt\n        changes {\n          field\n        }\n      }\n      opportunities {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        description {\n          ar\n          fr\n          en\n        }\n        status\n        expiresAt\n        archived\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResubmitOrganization($id: ID!) {\n    resubmitOrganization(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ResubmitOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewNotices {\n    notifications(first: 100) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          payload {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewNoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationMembers($organizationId: ID!) {\n    organizationMembers(organizationId: $organizationId) {\n      userId\n      displayName\n      email\n      role\n      since\n    }\n  }\n"): typeof import('./graphql').OrganizationMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($organizationId: ID!, $email: String!, $role: MembershipRole!) {\n    inviteMember(organizationId: $organizationId, email: $email, role: $role) {\n      id\n      email\n      role\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').InviteMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationInvitations($organizationId: ID!) {\n    organizationInvitations(organizationId: $organizationId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy\n    }\n  }\n"): typeof import('./graphql').OrganizationInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($organizationId: ID!, $invitationId: ID!) {\n    revokeInvitation(organizationId: $organizationId, invitationId: $invitationId)\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($organizationId: ID!, $userId: ID!) {\n    removeMember(organizationId: $organizationId, userId: $userId)\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      organizationId\n      role\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOpportunity($input: CreateOpportunityInput!) {\n    createOpportunity(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateOpportunityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewOpportunity($id: ID!, $expiresAt: String!) {\n    renewOpportunity(id: $id, expiresAt: $expiresAt) {\n      id\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').RenewOpportunityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveOpportunity($id: ID!) {\n    archiveOpportunity(id: $id) {\n      id\n      archived\n    }\n  }\n"): typeof import('./graphql').ArchiveOpportunityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchOpportunities($query: String, $filter: OpportunitySearchFilter, $limit: Int!, $offset: Int!) {\n    searchOpportunities(query: $query, filter: $filter, facets: [\"type\"], limit: $limit, offset: $offset) {\n      estimatedTotal\n      offset\n      limit\n      hits {\n        id\n        type\n        title {\n          ar\n          fr\n          en\n        }\n        organizationId\n        organizationName\n        country\n        expiresAt\n        highlights {\n          field\n          snippet\n        }\n      }\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchOpportunitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimOptions($id: ID!) {\n    claimOptions(id: $id) {\n      address\n      kind\n    }\n  }\n"): typeof import('./graphql').ClaimOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimOrganization($id: ID!, $email: String!) {\n    claimOrganization(id: $id, email: $email) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n"): typeof import('./graphql').ClaimOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmClaim($claimId: ID!, $code: String!) {\n    confirmOrganizationClaim(claimId: $claimId, code: $code) {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n"): typeof import('./graphql').ConfirmClaimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyClaims {\n    myOrganizationClaims {\n      id\n      organizationId\n      organizationName\n      address\n      status\n      expiresAt\n      note\n    }\n  }\n"): typeof import('./graphql').MyClaimsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
