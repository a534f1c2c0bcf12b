export * from './text/index.js';
export * from './indexing/index-names.js';
export * from './indexing/documents.js';
export * from './indexing/index-settings.js';
export * from './indexing/search-indexer.service.js';
export * from './query/search.types.js';
export * from './query/search.service.js';
export * from './search.module.js';
