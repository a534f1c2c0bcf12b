import { graphql } from './client';
import type { LocalizedText } from './operations';

/*
 * The organisers' console, figures of an edition: statistics (requests, acceptance, meetings by
 * country, sector and group; table use per round) and the follow-up of its meetings months later.
 */

export interface EditionStatsRow {
  key: string;
  delegates: number;
  requestsSent: number;
  accepted: number;
  declined: number;
  pending: number;
  expired: number;
  cancelled: number;
  acceptanceRate: number | null;
  meetingsScheduled: number;
  meetingsHeld: number;
  noShows: number;
}

export interface RoundUtilisation {
  slotId: string;
  position: number;
  day: string;
  /** MORNING or AFTERNOON (a String in the schema). */
  session: string;
  startsAt: string;
  meetings: number;
  tablesUsed: number;
  tablesAvailable: number;
  utilisation: number | null;
}

export interface EditionStatistics {
  editionId: string;
  totals: EditionStatsRow;
  byCountry: EditionStatsRow[];
  bySector: EditionStatsRow[];
  byGroup: EditionStatsRow[];
  rounds: RoundUtilisation[];
}

export const EDITION_STATISTICS = graphql(`
  query EditionStatistics($editionId: ID!) {
    editionStatistics(editionId: $editionId) {
      editionId
      totals {
        key
        delegates
        requestsSent
        accepted
        declined
        pending
        expired
        cancelled
        acceptanceRate
        meetingsScheduled
        meetingsHeld
        noShows
      }
      byCountry {
        key
        delegates
        requestsSent
        accepted
        declined
        pending
        expired
        cancelled
        acceptanceRate
        meetingsScheduled
        meetingsHeld
        noShows
      }
      bySector {
        key
        delegates
        requestsSent
        accepted
        declined
        pending
        expired
        cancelled
        acceptanceRate
        meetingsScheduled
        meetingsHeld
        noShows
      }
      byGroup {
        key
        delegates
        requestsSent
        accepted
        declined
        pending
        expired
        cancelled
        acceptanceRate
        meetingsScheduled
        meetingsHeld
        noShows
      }
      rounds {
        slotId
        position
        day
        session
        startsAt
        meetings
        tablesUsed
        tablesAvailable
        utilisation
      }
    }
  }
`);

export type FollowUpStage =
  | 'NOT_REPORTED'
  | 'NO_SHOW'
  | 'HELD'
  | 'FOLLOW_UP'
  | 'NEGOTIATION_STARTED'
  | 'AGREEMENT_SIGNED'
  | 'CONTRACT_SIGNED';
export const FOLLOW_UP_STAGES: FollowUpStage[] = [
  'NOT_REPORTED',
  'NO_SHOW',
  'HELD',
  'FOLLOW_UP',
  'NEGOTIATION_STARTED',
  'AGREEMENT_SIGNED',
  'CONTRACT_SIGNED',
];

export interface FollowUpStageCount {
  stage: FollowUpStage;
  meetings: number;
}

export interface FollowUpGroup {
  key: string;
  meetings: number;
  stages: FollowUpStageCount[];
}

export interface FollowUpSide {
  delegateId: string;
  delegateName: string;
  organizationId: string;
  organizationName: LocalizedText;
  country: string | null;
  stage: FollowUpStage;
  reportedAt: string | null;
}

export interface FollowUpMeeting {
  meetingId: string;
  startsAt: string;
  tableLabel: string | null;
  stage: FollowUpStage;
  sides: FollowUpSide[];
}

export interface FollowUpReport {
  editionId: string;
  lastDay: string;
  requestDates: string[];
  requestsSent: number;
  meetings: number;
  stages: FollowUpStageCount[];
  byCountry: FollowUpGroup[];
  bySector: FollowUpGroup[];
  list: FollowUpMeeting[];
  listTotal: number;
}

/** Most meetings the report lists at once (the api's limit). */
export const FOLLOW_UP_PAGE = 500;

export const FOLLOW_UP_REPORT = graphql(`
  query FollowUpReport($editionId: ID!, $stage: FollowUpStage, $first: Int) {
    followUpReport(editionId: $editionId, stage: $stage, first: $first) {
      editionId
      lastDay
      requestDates
      requestsSent
      meetings
      stages {
        stage
        meetings
      }
      byCountry {
        key
        meetings
        stages {
          stage
          meetings
        }
      }
      bySector {
        key
        meetings
        stages {
          stage
          meetings
        }
      }
      list {
        meetingId
        startsAt
        tableLabel
        stage
        sides {
          delegateId
          delegateName
          organizationId
          organizationName {
            ar
            fr
            en
          }
          country
          stage
          reportedAt
        }
      }
      listTotal
    }
  }
`);
