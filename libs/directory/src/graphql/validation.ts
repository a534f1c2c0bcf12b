export { parseId, parseInput, problemsOf } from '#platform';
