export * from './engine/index.js';
export * from './evaluation/index.js';
