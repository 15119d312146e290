// The seeded generator the demo data uses too (functions/src/dev/prng.ts): one implementation.
export { prng } from '../../functions/src/dev/prng.ts';
