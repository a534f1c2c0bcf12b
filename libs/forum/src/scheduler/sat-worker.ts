import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from './model.js';
import { SatNeighbourhoodSearch, startCoreSearch } from './sat.js';
import { stateFrom } from './search.js';
import type {
  CoreThreadData,
  FromCoreThread,
  FromNeighbourhoodThread,
  NeighbourhoodThreadData,
  ToCoreThread,
  ToNeighbourhoodThread,
} from './sat-thread.js';

/**
 * Worker-thread entry of the SAT searches. The core-guided search gets the model and the time left as
 * worker data, the best upper bound found by the main thread as messages, and sends bounds, schedules to
 * check and the result back. The neighbourhood search gets the best schedule and sends better ones back.
 * Schedules are checked by the main thread, which owns the input.
 */
const port = parentPort;

function runCore(data: CoreThreadData, port: NonNullable<typeof parentPort>) {
  const model: Model = data.model;
  let upper = data.upper;
  let lower = data.lower;
  const send = (msg: FromCoreThread) => port.postMessage(msg);
  const search = startCoreSearch(model, {
    upper: () => upper,
    lower: () => lower,
    direct: data.direct,
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

async function runNeighbourhood(data: NeighbourhoodThreadData, port: NonNullable<typeof parentPort>) {
  const model: Model = data.model;
  const deadline = performance.now() + data.timeLeftMs;
  let slots = data.slots;
  let breaks = data.breaks;
  let lower = data.lower;
  let stopped = false;
  const send = (msg: FromNeighbourhoodThread) => port.postMessage(msg);
  port.on('message', (msg: ToNeighbourhoodThread) => {
    if (msg.type === 'stop') stopped = true;
    else if (msg.type === 'lower') lower = msg.lower;
    else if (msg.breaks < breaks) {
      slots = msg.slots;
      breaks = msg.breaks;
    }
  });
  const search = await SatNeighbourhoodSearch.create(model, data.seed);
  try {
    while (!stopped && breaks > lower && performance.now() < deadline - 100) {
      // the SAT model keeps every constraint, and the main thread checks the schedule again
      const got = await search.step(slots, breaks, Math.min(2000, deadline - performance.now() - 50), (s) =>
        s.every((t) => t >= 0) ? stateFrom(model, s).totalBreaks : null,
      );
      if (got && got.breaks < breaks) {
        slots = got.slots;
        breaks = got.breaks;
        send({ type: 'improved', slots, breaks });
      }
      send({ type: 'step', steps: search.steps, improvements: search.improvements });
    }
  } finally {
    send({ type: 'done', steps: search.steps, improvements: search.improvements });
    search.release();
    port.close();
  }
}

if (port) {
  const data = workerData as CoreThreadData | NeighbourhoodThreadData;
  if (data.mode === 'neighbourhood') void runNeighbourhood(data, port);
  else runCore(data, port);
}
