import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/**
 * Waits for a Meilisearch task, at most `timeout` ms. The client's own `waitTask` timeout passes
 * one abort signal to every poll and leaves a listener on it per poll (a MaxListenersExceeded
 * warning after ten); here the polls carry no signal and the deadline is a timer beside them.
 * Polling stops by itself when the task ends or Meilisearch stops answering.
 */
export async function waitFor(task: EnqueuedTaskPromise, timeout = 120_000): Promise<Task> {
  const polling = task.waitTask({ timeout: 0, interval: 25 });
  // Seen here too, so a failure after the deadline is not an unhandled rejection.
  polling.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Meilisearch task did not finish within ${timeout} ms`)),
      timeout,
    );
  });
  try {
    return await Promise.race([polling, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for a Meilisearch task and turns a failed task into an exception. */
export async function settled(task: EnqueuedTaskPromise, timeout = 120_000): Promise<Task> {
  const done = await waitFor(task, timeout);
  if (done.status !== 'succeeded') {
    throw new Error(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no detail'}`,
    );
  }
  return done;
}
