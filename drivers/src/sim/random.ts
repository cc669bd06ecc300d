/** A small seeded generator (mulberry32) so simulated faults are reproducible. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random non-zero 16-bit value (BOOT_ID, §1; base boot, §2). */
export function randomBoot(rng: Rng, not?: number): number {
  for (;;) {
    const v = 1 + Math.floor(rng() * 0xffff);
    if (v !== not) return v;
  }
}
