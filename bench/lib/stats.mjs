// Small statistics helpers shared by bench/run.mjs and the tsx tasks.

/**
 * The p-th percentile (0–100) of an ascending array, nearest-rank.
 * @param {number[]} sorted
 * @param {number} p
 * @returns {number}
 */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/**
 * @param {number[]} xs
 * @returns {{ n: number, median: number, p95: number, p99: number, min: number, max: number, mean: number }}
 */
export function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  const r = (x) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    median: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    min: r(s[0] ?? NaN),
    max: r(s[s.length - 1] ?? NaN),
    mean: r(mean),
  };
}
