/**
 * A share as a percentage string for display (DOMAIN.md: "a percentage is for display only and
 * may not add up to 100"). Rounded half up in integer arithmetic; never used to decide.
 */
export function formatShare(count: number, base: number, decimals = 2): string {
  if (base <= 0) return '—';
  const scale = 10n ** BigInt(decimals);
  const numerator = BigInt(count) * 100n * scale * 2n + BigInt(base);
  const units = numerator / (BigInt(base) * 2n);
  const whole = units / scale;
  const frac = units % scale;
  return decimals > 0 ? `${whole}.${frac.toString().padStart(decimals, '0')}%` : `${whole}%`;
}
