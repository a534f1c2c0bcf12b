/** The scheduler's seeded generator: the project's one, so runs are reproducible for a given seed. */
export { Rng } from '#platform/random';
