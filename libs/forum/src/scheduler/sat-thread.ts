import { Worker } from 'node:worker_threads';
import type { Model } from './model.js';
import { startCoreSearch, type CoreSearch, type CoreSearchOptions, type CoreSearchResult } from './sat.js';
import { workerFile } from './worker-file.js';

/** What the worker thread receives when it starts. */
export interface CoreThreadData {
  model: Model;
  upper: number;
  lower: number;
  direct: boolean;
  seed?: number;
  /** Clocks differ between threads: the deadline travels as time left. */
  timeLeftMs: number;
}
export type ToCoreThread =
  { type: 'upper'; upper: number } | { type: 'lower'; lower: number } | { type: 'stop' };
export type FromCoreThread =
  { type: 'bound'; lowerBound: number } | { type: 'done'; result: CoreSearchResult };

/**
 * Runs the core-guided SAT search (or its direct questions) on a worker thread, so that the main
 * thread's own solvers (HiGHS blocks its thread while it runs) and the local search never hold it up.
 * `upper` and `lower` are polled and sent over whenever they change; `accept` runs here, on the main
 * thread. Falls back to the main thread when no worker file is available.
 */
export function startCoreSearchThread(model: Model, opts: CoreSearchOptions): CoreSearch {
  const file = workerFile('sat-worker');
  if (!file) return startCoreSearch(model, opts);
  let upper = opts.upper();
  let lower = opts.lower?.() ?? 0;
  const worker = new Worker(file, {
    workerData: {
      model,
      upper,
      lower,
      direct: !!opts.direct,
      seed: opts.seed,
      timeLeftMs: Math.max(0, opts.deadline - performance.now()),
    } satisfies CoreThreadData,
  });
  worker.unref();
  let stopped = false;
  let bound = 0;
  let cores = 0;
  const poll = setInterval(() => {
    const u = opts.upper();
    if (u !== upper) {
      upper = u;
      worker.postMessage({ type: 'upper', upper: u } satisfies ToCoreThread);
    }
    const l = opts.lower?.() ?? 0;
    if (l > lower) {
      lower = l;
      worker.postMessage({ type: 'lower', lower: l } satisfies ToCoreThread);
    }
  }, 50);
  poll.unref();
  const result = new Promise<CoreSearchResult>((resolve) => {
    let settled = false;
    const finish = (r: CoreSearchResult) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      void worker.terminate();
      resolve(r);
    };
    worker.on('message', (msg: FromCoreThread) => {
      if (msg.type === 'bound') {
        bound = msg.lowerBound;
        cores++;
        opts.onBound?.(msg.lowerBound);
      } else {
        const r = msg.result;
        if (r.slots) {
          const got = opts.accept(r.slots);
          if (got === null || got > r.lowerBound)
            return finish({
              ...r,
              status: 'rejected',
              slots: undefined,
              message:
                got === null
                  ? 'the solver returned an invalid schedule'
                  : `the solver's schedule has ${got} breaks, more than the bound ${r.lowerBound}`,
            });
          return finish({ ...r, breaks: got });
        }
        finish(r);
      }
    });
    worker.on('error', (e) =>
      finish({ status: 'error', lowerBound: bound, checks: cores, cores, message: e.message }),
    );
    worker.on('exit', () =>
      finish({
        status: stopped ? 'stopped' : 'error',
        lowerBound: bound,
        checks: cores,
        cores,
        ...(stopped ? {} : { message: 'the SAT thread ended' }),
      }),
    );
  });
  return {
    result,
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage({ type: 'stop' } satisfies ToCoreThread);
      // a solver call may take a moment to notice; the thread goes at once
      setTimeout(() => void worker.terminate(), 200).unref();
    },
  };
}
