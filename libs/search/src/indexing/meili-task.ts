import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/** Waits for a Meilisearch task and turns a failed task into an exception. */
export async function settled(task: EnqueuedTaskPromise, timeout = 120_000): Promise<Task> {
  const done = await task.waitTask({ timeout, interval: 25 });
  if (done.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no detail'}`,
    );
  }
  return done;
}
