export * from './follow-up.js';
export * from './edition-statistics.service.js';
export * from './follow-up.service.js';
