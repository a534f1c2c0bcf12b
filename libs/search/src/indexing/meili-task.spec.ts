import { randomBytes } from 'node:crypto';
import { meiliClient } from '#platform';
import { settled, waitFor } from './meili-task.js';

/** Waiting for tasks of the real Meilisearch the test run started. */
describe('waiting for a Meilisearch task', () => {
  const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  const uid = `task${randomBytes(3).toString('hex')}`;
  // The most 'abort' listeners any one signal held at once (Node warns above ten).
  const live = new WeakMap<EventTarget, number>();
  let most = 0;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;

  beforeAll(() => {
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
      if (args[0] === 'abort' && this instanceof AbortSignal) {
        const n = (live.get(this) ?? 0) + 1;
        live.set(this, n);
        most = Math.max(most, n);
      }
      return add.apply(this, args);
    } as typeof add;
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      ...args: Parameters<typeof remove>
    ) {
      if (args[0] === 'abort' && this instanceof AbortSignal)
        live.set(this, Math.max(0, (live.get(this) ?? 0) - 1));
      return remove.apply(this, args);
    } as typeof remove;
  });
  afterAll(async () => {
    EventTarget.prototype.addEventListener = add;
    EventTarget.prototype.removeEventListener = remove;
    await meili.deleteIndexIfExists(uid).catch(() => undefined);
  });

  it('polls a long task many times without piling listeners on one abort signal', async () => {
    // Tens of polls: enough documents (with settings that make indexing slow) to keep it busy.
    await settled(meili.createIndex(uid, { primaryKey: 'id' }));
    await settled(meili.index(uid).updateSearchableAttributes(['a', 'b', 'c']));
    const docs = Array.from({ length: 10_000 }, (_v, i) => ({
      id: i,
      a: `alpha ${i} ${randomBytes(8).toString('hex')}`,
      b: `beta ${i % 97} gamma ${i % 13}`,
      c: randomBytes(16).toString('base64'),
    }));
    const started = Date.now();
    const task = await settled(meili.index(uid).addDocuments(docs));
    expect(task.status).toBe('succeeded');
    // The case the warning comes from: more than ten polls of one task.
    expect(Date.now() - started).toBeGreaterThan(11 * 25);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('turns a failed task into an error that names it', async () => {
    // A document id Meilisearch refuses: the task is accepted, then fails.
    const failing = meili.index(uid).addDocuments([{ id: 'not a valid id!', a: 'x' }]);
    await expect(settled(failing)).rejects.toThrow(
      /Meilisearch task \d+ \(documentAdditionOrUpdate\) failed/,
    );
  });

  it('gives up at its deadline', async () => {
    const slow = meili
      .index(uid)
      .addDocuments(Array.from({ length: 5_000 }, (_v, i) => ({ id: 100_000 + i, a: `late ${i}` })));
    await expect(waitFor(slow, 1)).rejects.toThrow(/did not finish within 1 ms/);
  });
});
