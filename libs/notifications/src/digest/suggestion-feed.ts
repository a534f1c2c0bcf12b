/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface FeedRuns {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

type Text = { ar?: string | null; fr?: string | null; en?: string | null } | null;

/** A partner currently suggested to an organisation, with both names. */
export interface SuggestedPartner {
  organizationId: string;
  kind: string;
  counterpartId: string;
  organization: Text;
  counterpart: Text;
}

/**
 * The partners currently suggested to the given organisations, of the given kinds, by organisation
 * then best first. The library that owns suggestions (matchmaking) provides it.
 */
export type SuggestionFeed = (
  db: FeedRuns,
  organizationIds: readonly string[],
  kinds: readonly string[],
) => Promise<SuggestedPartner[]>;

let feed: SuggestionFeed | null = null;

/** Lets the owner of suggestions say how to read them, once, when its module loads. */
export function registerSuggestionFeed(f: SuggestionFeed): void {
  feed = f;
}

/** The registered feed; an error when none is (the matchmaking library is not loaded). */
export function suggestionFeed(): SuggestionFeed {
  if (!feed) throw new Error('no suggestion feed registered: load the matchmaking library');
  return feed;
}
