import { Worker } from 'node:worker_threads';
import { solveMip, type MipOptions, type MipResult } from './mip.js';
import type { Model } from './model.js';
import { workerFile } from './worker-file.js';

/** What the MIP worker receives when it starts: the options without the callbacks. */
export interface MipThreadData {
  model: Model;
  options: Omit<MipOptions, 'deadline' | 'onImprove' | 'onSolution'>;
  /** Clocks differ between threads: the deadline travels as time left. */
  timeLeftMs: number;
}
export type FromMipThread =
  | { type: 'improve'; objective: number; bound: number; slots?: Int32Array }
  | { type: 'done'; result: MipResult };

export interface MipRun {
  result: Promise<MipResult>;
  /** Ends the run at once; `result` then settles with what was found so far. */
  stop(): void;
}

/** How long past its deadline a run may take to report before its thread is ended. */
const GRACE_MS = 250;

/**
 * Runs HiGHS on a worker thread. HiGHS holds its thread for the whole solve and looks at the clock
 * only between steps, which on a busy machine can be many seconds apart; on a thread of its own it
 * leaves the main thread free for the local search, and is ended at its deadline whatever it is doing,
 * with its last improving schedule kept. Falls back to the main thread when no worker file is available.
 */
export function solveMipThread(model: Model, opts: MipOptions): MipRun {
  const file = workerFile('mip-worker');
  if (!file) return { result: solveMip(model, opts), stop() {} };
  const { deadline, onImprove, onSolution, ...options } = opts;
  const worker = new Worker(file, {
    workerData: {
      model,
      options,
      timeLeftMs: Math.max(0, deadline - performance.now()),
    } satisfies MipThreadData,
  });
  worker.unref();
  let slots: Int32Array | undefined;
  const cutShort = (message: string): MipResult => ({ status: 'time-limit', slots, message });
  let finish: (r: MipResult) => void = () => {};
  const result = new Promise<MipResult>((resolve) => {
    let settled = false;
    finish = (r: MipResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish(cutShort('HiGHS was still running at its deadline and was stopped')),
      Math.max(0, deadline - performance.now()) + GRACE_MS,
    );
    timer.unref();
    worker.on('message', (msg: FromMipThread) => {
      if (msg.type === 'improve') {
        if (msg.slots) {
          slots = msg.slots;
          onSolution?.(msg.slots);
        }
        onImprove?.(msg.objective, msg.bound);
      } else finish(msg.result);
    });
    worker.on('error', (e) => finish({ status: 'error', message: e.message }));
    worker.on('exit', () => finish(cutShort('the HiGHS thread ended')));
  });
  return { result, stop: () => finish(cutShort('stopped')) };
}
