import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from './model.js';
import { startCoreSearch } from './sat.js';
import type { CoreThreadData, FromCoreThread, ToCoreThread } from './sat-thread.js';

/**
 * Worker-thread entry of the SAT searches (core-guided, or direct questions). Each gets the model and
 * the time left as worker data, the best upper and lower bounds found elsewhere as messages, and sends
 * bounds, schedules to check and the result back. Schedules are checked by the main thread, which owns
 * the input.
 */
const port = parentPort;
if (port) {
  const data = workerData as CoreThreadData;
  const model: Model = data.model;
  let upper = data.upper;
  let lower = data.lower;
  const send = (msg: FromCoreThread) => port.postMessage(msg);
  const search = startCoreSearch(model, {
    upper: () => upper,
    lower: () => lower,
    direct: data.direct,
    seed: data.seed,
    deadline: performance.now() + data.timeLeftMs,
    // the main thread checks the schedule against the input; here it only has to have every meeting
    accept: (slots) => (slots.every((t) => t >= 0) ? 0 : null),
    onBound: (lowerBound) => send({ type: 'bound', lowerBound }),
  });
  port.on('message', (msg: ToCoreThread) => {
    if (msg.type === 'upper') upper = msg.upper;
    else if (msg.type === 'lower') lower = Math.max(lower, msg.lower);
    else if (msg.type === 'stop') search.stop();
  });
  void search.result.then((result) => {
    send({ type: 'done', result });
    port.close();
  });
}
