import { parentPort, workerData } from 'node:worker_threads';
import { solveMip } from './mip.js';
import type { FromMipThread, MipThreadData } from './mip-thread.js';

/**
 * Worker-thread entry of the MIP: solves the model it gets as worker data and sends each improving
 * schedule, then the result, back to the main thread.
 */
const port = parentPort;
if (port) {
  const data = workerData as MipThreadData;
  const send = (msg: FromMipThread) => port.postMessage(msg);
  let last: Int32Array | undefined;
  void solveMip(data.model, {
    ...data.options,
    deadline: performance.now() + data.timeLeftMs,
    onSolution: (slots) => {
      last = slots;
    },
    onImprove: (objective, bound) => {
      send({ type: 'improve', objective, bound, slots: last });
      last = undefined;
    },
  }).then((result) => {
    send({ type: 'done', result });
    port.close();
  });
}
