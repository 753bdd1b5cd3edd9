// mulberry32: a tiny seeded PRNG returning floats in [0, 1), the same sequence in
// every browser for a seed. Shared by the quiz (shuffling) and the threads runtime's
// replayable time slices.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
