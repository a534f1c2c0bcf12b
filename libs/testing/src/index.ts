export * from './test-services.js';
export * from './test-app.js';
export * from './sign-in.js';
export * from './forum.js';
export * from './test-smtp.js';
export * from './tcp-proxy.js';
export * from './graphql.js';
export * from './factories.js';
