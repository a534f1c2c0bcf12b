/**
 * The events of `source` that `keep` accepts. Closing the result closes `source` at once, even
 * while a `next` waits (an async generator would wait for the next event before closing).
 */
export function filtered<T>(
  source: AsyncIterableIterator<T>,
  keep: (event: T) => Promise<boolean>,
): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const r = await source.next();
        if (r.done || (await keep(r.value))) return r;
      }
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
