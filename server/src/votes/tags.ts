import { randomInt } from 'node:crypto';

/**
 * A new tag (1-65535) that is none of `avoid`: a vote's tag is never reused within the hall's
 * recent history and never equals a check-in tag (SEAT-PROTOCOLS.md §3), so a late press of an
 * earlier vote or of check-in can never count in this one.
 */
export function freshTag(
  avoid: Iterable<number>,
  random: (max: number) => number = randomInt,
): number {
  const used = new Set(avoid);
  if (used.size >= 65_000) throw new Error('no free tag left');
  for (;;) {
    const tag = 1 + random(65_535);
    if (!used.has(tag)) return tag;
  }
}
