/** Which half-day a meeting may take place in. */
export type SessionRestriction = 'AM' | 'PM' | 'ANY';

export interface SchedulerParticipant {
  id: string;
  /** Slot indices (0-based) the participant cannot attend. */
  unavailable?: number[];
}

export interface SchedulerSlot {
  session: 'morning' | 'afternoon';
  /** Meetings this slot can hold; defaults to the input's `capacity`, or the number of tables when tables are labelled. */
  capacity?: number;
}

export interface SchedulerTable {
  id: string;
  /** Participant whose stand this table is: they prefer to host their meetings here. */
  standOf?: string;
  /** Slots in which this table cannot be used. */
  unavailable?: number[];
}

export interface SchedulerMeeting {
  id: string;
  a: string;
  b: string;
  /** Priority weight for objective (1); defaults to 1. */
  weight?: number;
  session?: SessionRestriction;
  /** A meeting fixed by the organiser: it keeps this slot (and table, when given). */
  pinned?: { slot: number; table?: string };
  /** Ids of meetings that must take place in an earlier slot than this one. */
  after?: string[];
}

export interface SchedulerInput {
  participants: SchedulerParticipant[];
  /** Slots in time order; index = slot number. Consecutive indices are consecutive slots. */
  slots: SchedulerSlot[];
  /** Default meetings per slot when neither the slot nor labelled tables say otherwise. */
  capacity?: number;
  /** Labelled tables; when present every scheduled meeting also gets a table. */
  tables?: SchedulerTable[];
  meetings: SchedulerMeeting[];
  /** Largest allowed difference between the most and the fewest breaks of any two participants (default 2). */
  fairness?: number;
}

export interface ExistingAssignment {
  meetingId: string;
  slot: number;
  table?: string;
}

export interface SchedulerProgress {
  /** Share of the time budget used, 0..1. */
  fraction: number;
  phase: 'analysis' | 'construct' | 'search' | 'exact' | 'tables' | 'done';
  bestBreaks: number | null;
  unscheduledWeight: number | null;
  lowerBound: number | null;
}

export interface SchedulerOptions {
  /** Wall-clock budget for the whole run (default 10 000 ms). */
  timeLimitMs?: number;
  /** true: every meeting must be scheduled or the result is INFEASIBLE; false: maximise the scheduled weight (default). */
  requireAll?: boolean;
  seed?: number;
  /** Meetings already published: they keep their slot and table unless `allowMoves`. */
  existing?: ExistingAssignment[];
  /** Let published meetings move (moves are then minimised after breaks). */
  allowMoves?: boolean;
  /** Run the exact MIP step to prove optimality (default true). */
  exact?: boolean;
  /** Share of the budget the exact step may use at most (default 0.5). */
  exactShare?: number;
  /**
   * When every meeting is required, the event has at least 20 slots and the result is not proven optimal,
   * end with a SAT decision search (z3) for fewer breaks, which can also prove the best optimal (default true).
   */
  sat?: boolean;
  /**
   * A fixed budget of local-search moves in place of the wall clock, so that a run gives the same result
   * for the same input and seed on any machine, loaded or not (for benchmarks and comparisons). The SAT and
   * MIP steps, whose progress depends on timing, are then skipped, and `timeLimitMs` only scales the
   * progress fraction. The search stops at the first multiple of 1,024 moves at or above the budget.
   */
  moveLimit?: number;
  onProgress?: (p: SchedulerProgress) => void;
}

export type SchedulerStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'UNKNOWN';

export interface MeetingAssignment {
  meetingId: string;
  slot: number;
  table?: string;
}

export interface UnscheduledMeeting {
  meetingId: string;
  reason: string;
}

export interface SchedulerResult {
  status: SchedulerStatus;
  /** Why the input is infeasible, or why nothing could be proven. */
  reason?: string;
  assignments: MeetingAssignment[];
  unscheduled: UnscheduledMeeting[];
  scheduledWeight: number;
  totalWeight: number;
  totalBreaks: number;
  breaksByParticipant: Record<string, number>;
  maxBreaks: number;
  minBreaks: number;
  /** Times a participant changes table between two consecutive meetings (labelled tables only). */
  tableChanges: number;
  /** Published meetings that moved (incremental mode with allowMoves). */
  moved: number;
  /** Proven lower bound on total breaks for schedules with the same scheduled weight, when known. */
  lowerBound: number | null;
  stats: {
    timeMs: number;
    timeToBestMs: number;
    /** The constructive heuristic alone (before local search): breaks, meetings left out, fairness kept. */
    constructive: { breaks: number; unscheduled: number; fair: boolean; timeMs: number };
    iterations: number;
    /** What the MIP did: not run, proved, ran out of time, failed, was not needed, or was stopped once another method settled the event. */
    exact: 'skipped' | 'optimal' | 'infeasible' | 'time-limit' | 'error' | 'not-needed' | 'stopped';
    method: string;
    /** Outcome of the core-guided SAT search, when it ran. */
    sat?: {
      status: 'optimal' | 'infeasible' | 'unknown' | 'rejected' | 'error';
      checks: number;
      /** Unsatisfiable cores found: each raised the lower bound by one. */
      cores: number;
      lowerBound: number;
      timeMs: number;
      message?: string;
    };
  };
}
