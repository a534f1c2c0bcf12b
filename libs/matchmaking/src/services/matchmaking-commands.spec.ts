import type { Queue } from 'bullmq';
import { OutboxService } from '#platform';
import {
  createEdition,
  createOrganization,
  forumHarness,
  registerDelegates,
  type ForumHarness,
} from '#forum/testing';
import { MatchmakingCommands } from './matchmaking-commands.service.js';

/*
 * Recompute requests against a real database: each is a `match` outbox row (written through the
 * outbox service), then a wake-up of the matchmaking drain.
 */

let h: ForumHarness;
let commands: MatchmakingCommands;
let wakes = 0;

beforeAll(async () => {
  h = await forumHarness(4);
  const queue = { add: () => Promise.resolve(wakes++) } as unknown as Queue;
  commands = new MatchmakingCommands(h.db, queue, new OutboxService(null as never));
});
afterAll(() => h?.close());

const pendingMatch = async (): Promise<string[]> =>
  (
    await h.db.query<{ id: string }[]>(
      `SELECT entity_id::text AS id FROM outbox WHERE topic = 'match' AND processed_at IS NULL ORDER BY entity_id`,
    )
  ).map((r) => r.id);

it('queues one recompute per organisation with a registered delegate in the edition, none for the others', async () => {
  const edition = await createEdition(h);
  const [a, b, gone, elsewhere] = [
    await createOrganization(h.db),
    await createOrganization(h.db),
    await createOrganization(h.db),
    await createOrganization(h.db),
  ];
  await registerDelegates(h, edition.id, a, 2);
  await registerDelegates(h, edition.id, b, 1);
  const [withdrawn] = await registerDelegates(h, edition.id, gone, 1);
  await h.registrations.withdraw(withdrawn.id, null);
  const other = await createEdition(h);
  await registerDelegates(h, other.id, elsewhere, 1);
  await h.db.query(`UPDATE outbox SET processed_at = now()`);
  wakes = 0;

  expect(await commands.requestEditionRecompute(edition.id)).toBe(2);
  expect(await pendingMatch()).toEqual([a, b].sort());
  expect(wakes).toBe(1);
});

it('folds a recompute request into the one still pending, and ignores an unknown organisation', async () => {
  const org = await createOrganization(h.db);
  await h.db.query(`UPDATE outbox SET processed_at = now()`);
  wakes = 0;
  await Promise.all([commands.requestRecompute(org), commands.requestRecompute(org)]);
  expect(await pendingMatch()).toEqual([org]);
  expect(wakes).toBe(1);
  await commands.requestRecompute('00000000-0000-4000-8000-000000000000');
  expect(await pendingMatch()).toEqual([org]);
});
