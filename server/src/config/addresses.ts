/** A bad address list: `zh` and `message` (English) name the bad part, without the key. */
export class AddressError extends Error {
  override name = 'AddressError';
  constructor(
    readonly zh: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parse a bus's address list (CONTRACT.md §3: "1-60", "1-20,31"). Throws an AddressError naming
 * the bad part; the caller adds which key it came from.
 */
export function parseAddresses(text: string, max: number): number[] {
  const out = new Set<number>();
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) {
      throw new AddressError(
        `“${part}”不是地址，也不是 1-60 这样的范围`,
        `"${part}" is not an address or a range like 1-60`,
      );
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > max || from > to) {
      throw new AddressError(
        `“${part}”超出 1-${max} 或起止颠倒`,
        `"${part}" is outside 1-${max} or runs backwards`,
      );
    }
    for (let a = from; a <= to; a++) out.add(a);
  }
  return [...out].sort((a, b) => a - b);
}
