export * from './demo-plan.js';
export * from './demo-forum.js';
