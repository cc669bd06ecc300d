/** FAULT_KILLS: kill points per fault test file (CI default 25: two files, at least 50 in all). */
export function faultKills(fallback = 25): number {
  const n = Number(process.env.FAULT_KILLS ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`FAULT_KILLS must be a positive integer`);
  return n;
}

/** FAULT_SEED reproduces a run; otherwise a fresh seed, printed. */
export function faultSeed(): number {
  const env = process.env.FAULT_SEED;
  return env ? Number(env) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}
