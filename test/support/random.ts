/**
 * Seeded randomness for tests. Every random test takes a fixed seed and
 * prints it, so a failure can be replayed (and turned into a regression test).
 * Synthetic people only: faker with a fixed seed, never real patient data.
 */
import { Faker, en, en_US } from '@faker-js/faker';

/** Print the seed of a randomized test so a failing run can be replayed. */
export function announceSeed(test: string, seed: number): void {
  process.stdout.write(`[seed] ${test}: ${seed}\n`);
}

/** mulberry32: a small, fast PRNG with a 32-bit seed; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent faker instance with a fixed seed (does not disturb the global one the demo seed uses). */
export function syntheticFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en_US, en] });
  faker.seed(seed);
  return faker;
}
