import type {
  CertificationCode,
  CompanyStage,
  EmployeeBand,
  FinancingInstrument,
  OrganizationKind,
  ProcessCode,
} from '#directory/taxonomy';

/**
 * Plain inputs of the matchmaking engine. They mirror the directory's profiles but carry only what
 * scoring needs, so the engine runs the same on rows from Postgres, documents from Meilisearch or
 * generated evaluation data.
 */

export interface CapabilityInput {
  process: ProcessCode;
  /** Free tags in any of the three languages; the engine folds them onto shared material codes. */
  materials: readonly string[];
  /** Output per month in `capacityUnit`; null when the company did not say. */
  monthlyCapacity: number | null;
  capacityUnit?: string | null;
}

export interface InnovationInput {
  rdActivity: boolean;
  patents: number;
  utilityModels: number;
  trademarks: number;
  industrialDesigns: number;
}

/** What an organisation is known to think of past suggestions or partners: plain counts. */
export interface FeedbackInput {
  accepted: number;
  dismissed: number;
  notRelevant: number;
}

export interface FinancierTermsInput {
  instruments: readonly FinancingInstrument[];
  ticketMin: number | null;
  ticketMax: number | null;
  currency: string | null;
  targetSectors: readonly string[];
  targetCountries: readonly string[];
  stages: readonly CompanyStage[];
}

/** What an SME seeks from financiers. */
export interface FinancingNeedInput {
  amount: number | null;
  currency: string | null;
  instruments: readonly FinancingInstrument[];
}

export interface OrgProfile {
  id: string;
  kind: OrganizationKind;
  subtype?: string | null;
  country: string;
  /** Algerian wilaya code (`DZ-16`); null elsewhere. */
  regionCode?: string | null;
  /** ISIC Rev.4 divisions (`25`) or sections (`C`). */
  sectors: readonly string[];
  /** In the order the company lists them: the first is taken as its core business. */
  capabilities: readonly CapabilityInput[];
  certifications: readonly (CertificationCode | string)[];
  languages: readonly string[];
  employeeBand?: EmployeeBand | null;
  foundedYear?: number | null;
  stage?: CompanyStage | null;
  innovation?: InnovationInput | null;
  financier?: FinancierTermsInput | null;
  financingNeed?: FinancingNeedInput | null;
  /** Sectors served by the programmes of a support institution or financier. */
  programmeSectors?: readonly string[];
  feedback?: FeedbackInput | null;
}

export interface SubcontractingRequest {
  id: string;
  /** The organisation that asks; it is never suggested to itself. */
  requesterId: string;
  country: string;
  regionCode?: string | null;
  /** Wanted processes, scored with partial credit up the taxonomy. */
  processes: readonly ProcessCode[];
  /** Processes a supplier must hold exactly (hard criterion); usually a subset of `processes`. */
  requiredProcesses: readonly ProcessCode[];
  sectors: readonly string[];
  materials: readonly string[];
  /** Monthly volume; null when not stated. */
  volume: number | null;
  /** Unit of `volume` (`tonnes`, `kg`, `pieces`…); capacities in another unit are converted where one exists. */
  volumeUnit?: string | null;
  requiredCertifications: readonly string[];
  preferredCertifications?: readonly string[];
  /** Countries a supplier must be in; empty means anywhere. */
  countries: readonly string[];
  /** Wilayas a supplier must be in; empty means anywhere in the allowed countries. */
  regionCodes: readonly string[];
  /** Wilayas wished for: a supplier there is scored as a neighbour; others are not excluded. */
  preferredRegionCodes?: readonly string[];
  languages: readonly string[];
}

export interface FinancierCriteria {
  id: string;
  financierId: string;
  /** Where the financier works from, for the distance criterion; null leaves distance out. */
  country?: string | null;
  regionCode?: string | null;
  sectors: readonly string[];
  /** Countries an SME must be in (hard); empty means anywhere. */
  countries: readonly string[];
  stages: readonly CompanyStage[];
  ticketMin: number | null;
  ticketMax: number | null;
  currency: string | null;
  instruments: readonly FinancingInstrument[];
  minAgeYears: number | null;
  minEmployeeBand: EmployeeBand | null;
  requiredCertifications: readonly string[];
  preferredCertifications?: readonly string[];
  /** Weight given to R&D and intellectual property; null means indifferent. */
  innovation: { wanted: boolean; minPatents?: number } | null;
}

export type EvidenceValue = string | number | boolean | null | readonly string[] | readonly number[];

/** Machine-readable reason: a stable code and the facts that produced it, rendered per language later. */
export interface Evidence {
  code: string;
  params: Record<string, EvidenceValue>;
}

export interface CriterionScore {
  score: number;
  evidence: Evidence;
  /** False when the request does not ask about this criterion; its weight then drops out. */
  applicable: boolean;
}

export type Direction = 'forward' | 'reverse';

export interface CriterionResult extends CriterionScore {
  criterion: string;
  /** forward: the candidate suits the asker; reverse: the asker suits the candidate. */
  direction: Direction;
  weight: number;
  /** weight × score over the direction's applicable weight: the criterion's share of that direction's score. */
  contribution: number;
}

export interface MatchResult {
  candidateId: string;
  score: number;
  forward: number;
  reverse: number;
  criteria: CriterionResult[];
}

export interface Rejection {
  candidateId: string;
  /** Every hard criterion the candidate fails, each as evidence. */
  failed: Evidence[];
}

export interface RankOutput {
  results: MatchResult[];
  rejected: Rejection[];
}
