export * from './test-services.js';
export * from './test-app.js';
