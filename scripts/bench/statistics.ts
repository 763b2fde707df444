/**
 * @module Percentiles of measured times, by the nearest-rank method.
 */

export interface Percentiles {
  p50: number;
  p99: number;
  min: number;
  max: number;
}

/** p50 (the median), p99, min and max of `values`; NaN for an empty list. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN;
  return {
    p50: at(0.5),
    p99: at(0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}
