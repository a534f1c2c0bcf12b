export * from './types.js';
export { SchedulerInputError } from './model.js';
export { scheduleMeetings } from './scheduler.js';
export { checkSchedule } from './check.js';
export { parseDzn, parseDznValues, type DznInstance } from './dzn.js';
