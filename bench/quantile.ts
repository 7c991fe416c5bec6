/**
 * Latency quantiles as the HTTP and extension benchmarks report them.
 * @module
 */

/** The value at quantile `q` (0–1) of ascending values: the nearest rank at or below, 0 when empty. */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
