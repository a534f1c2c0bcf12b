export { generateScaleEdition, greedyFirstFit, scheduleUpperBound } from './scale.js';
export type { ScaleEdition, ScaleEditionOptions } from './scale.js';
