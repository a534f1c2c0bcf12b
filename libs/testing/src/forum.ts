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

/** Creates a forum edition through GraphQL as an organiser and opens it for registration; returns its id. */
export async function openForumEdition(
  app: TestApp,
  organiserHeaders: Record<string, string>,
  input: OpenEditionInput,
): Promise<string> {
  const created = await app.gql<{ createForumEdition: { id: string } }>(
    `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`,
    { input: { slotMinutes: 30, ...input } },
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
