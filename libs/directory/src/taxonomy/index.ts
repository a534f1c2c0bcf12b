/**
 * The directory's controlled vocabularies and reference data, free of Nest and TypeORM, for pure
 * engines (matchmaking, scheduling) that must not load the framework.
 */
export * from './codes.js';
export * from './taxonomy.js';
export * from './labels.js';
