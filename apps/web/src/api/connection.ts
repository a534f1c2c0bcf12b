/*
 * Cursor connections of the api (forumDelegates, meetingRequests, contactRequests, …): a page of
 * nodes, where it stands, and how many match over all pages.
 */

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The fields of a connection besides its nodes, to write after `nodes { … }` in a query. */
export const CONNECTION_FIELDS = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/** The largest page the forum connections serve, for screens that read every page. */
export const LARGEST_PAGE = 500;

/** Every node of a connection, reading page after page (for screens that need the whole list). */
export async function readAllPages<T>(page: (after: string | null) => Promise<Connection<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const c: Connection<T> = await page(after);
    nodes.push(...c.nodes);
    if (!c.pageInfo.hasNextPage || !c.pageInfo.endCursor) return nodes;
    after = c.pageInfo.endCursor;
  }
}
