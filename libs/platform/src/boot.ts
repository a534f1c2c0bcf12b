/**
 * What an entry point needs before it loads the framework: configuration, the checks of the
 * backing services and the fatal-error path. Kept free of Nest, TypeORM and BullMQ so a process
 * whose configuration or services are wrong says so within a couple of seconds.
 */
export * from './config/config.js';
export * from './services/bootstrap.js';
export * from './services/fatal.js';
export * from './services/service-unavailable.error.js';
export * from './metrics/metrics.js';
