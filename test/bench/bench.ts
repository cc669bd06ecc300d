/** One benchmark module of `npm run bench`: named figures, each with its reference. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  reference: number;
  /** What the reference is (the data sheet's physical limit). */
  basis: string;
  /** 'higher' when more is better (throughput), 'lower' when less is (time). */
  better: 'higher' | 'lower';
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** 10 bits a character on the line (SEAT-PROTOCOLS.md §1 "Timing"). */
export const BITS_PER_CHAR = 10;
export const BAUD = 115_200;
