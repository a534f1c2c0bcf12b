export { normaliseQuery, normaliseText } from './normalise.js';
export { normalisedSynonyms, SEARCH_SYNONYMS, SYNONYM_GROUPS } from './synonyms.js';
