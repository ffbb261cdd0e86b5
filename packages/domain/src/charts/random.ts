/**
 * A small seeded PRNG (mulberry32) so a forecast is the same for the same seed, on the server, in the
 * browser and in tests. Not for anything security related.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export const mulberry32 = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
