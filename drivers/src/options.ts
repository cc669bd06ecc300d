/**
 * Named timing options with documented bounds. Every driver option is a number of milliseconds
 * or a count; a value outside its bounds is a configuration error, reported at construction
 * with the option's name, its bounds and what it means.
 */
export interface Bound {
  min: number;
  max: number;
  default: number;
  /** What the option means (shown in the error message). */
  doc: string;
}

export type Spec<K extends string> = Record<K, Bound>;

export function resolveOptions<K extends string>(
  spec: Spec<K>,
  given: Partial<Record<K, number>> = {},
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of Object.keys(spec) as K[]) {
    const b = spec[name];
    const v = given[name] ?? b.default;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < b.min || v > b.max) {
      throw new RangeError(
        `option ${name} = ${String(v)} is outside ${b.min}..${b.max} (${b.doc}; default ${b.default})`,
      );
    }
    out[name] = v;
  }
  for (const name of Object.keys(given)) {
    if (!(name in spec)) throw new RangeError(`unknown option ${name}`);
  }
  return out;
}

/** Options of the line supervisor, shared by both drivers. */
export const LINE_OPTIONS = {
  reopenMinMs: {
    min: 10,
    max: 10_000,
    default: 100,
    doc: 'first delay before reopening a lost line',
  },
  reopenMaxMs: {
    min: 100,
    max: 60_000,
    default: 5_000,
    doc: 'longest delay between reopen attempts',
  },
  silenceMs: {
    min: 100,
    max: 300_000,
    default: 5_000,
    doc: 'watchdog: a line with no byte for this long is probed; twice this long, it is reopened',
  },
  runawayCpu: {
    min: 0.2,
    max: 10,
    default: 0.9,
    doc: 'watchdog: process CPU (cores) above which a silent line counts as a runaway port',
  },
} satisfies Spec<string>;

export type LineOptionName = keyof typeof LINE_OPTIONS;
