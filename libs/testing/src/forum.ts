import type { TestApp } from './test-app.js';

/** What `openForumEdition` needs: the fields of `CreateForumEditionInput` a test usually sets. */
export interface OpenEditionInput {
  name: Record<string, string>;
  startsOn: string;
  endsOn: string;
  slotMinutes?: number;
  reminderMinutes?: number;
  sessions: { day: string; kind: string; start: string; end: string }[];
}

/** The one-day edition `openForumEdition` creates when a test gives nothing. */
export const DEFAULT_EDITION: OpenEditionInput = {
  name: { fr: 'Forum test' },
  startsOn: '2031-03-10',
  endsOn: '2031-03-10',
  slotMinutes: 30,
  sessions: [{ day: '2031-03-10', kind: 'MORNING', start: '09:00', end: '12:00' }],
};

/**
 * Creates a forum edition through GraphQL as an organiser, from `DEFAULT_EDITION` and the given
 * overrides, and opens it for registration; returns its id.
 */
export async function openForumEdition(
  app: TestApp,
  organiserHeaders: Record<string, string>,
  input: Partial<OpenEditionInput> = {},
): Promise<string> {
  const created = await app.gql<{ createForumEdition: { id: string } }>(
    `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`,
    { input: { ...DEFAULT_EDITION, ...input } },
    organiserHeaders,
  );
  if (created.errors?.length || !created.data) throw new Error(JSON.stringify(created.errors));
  const id = created.data.createForumEdition.id;
  const opened = await app.gql(
    `mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`,
    { id },
    organiserHeaders,
  );
  if (opened.errors?.length) throw new Error(JSON.stringify(opened.errors));
  return id;
}
