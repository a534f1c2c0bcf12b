export * from './metrics.js';
export * from './generator.js';
export * from './baselines.js';
export * from './evaluate.js';
export * from './latent-world.js';
export * from './subcontracting-eval.js';
export * from './support-world.js';
export * from './support-eval.js';
