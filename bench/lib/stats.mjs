// Medians, ranges and the printed tables of the benchmark.

/** @param {number[]} values */
export function summarize(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length, values };
}

export function ratio(a, b) {
  if (!a || !b || !b.median) return null;
  return a.median / b.median;
}

const FORMAT = {
  kB: (v) => `${(v / 1000).toFixed(1)} kB`,
  MB: (v) => `${(v / 1e6).toFixed(2)} MB`,
  ms: (v) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`),
  n: (v) => `${Math.round(v)}`,
};

export function fmt(value, unit) {
  return value === null || value === undefined ? '—' : FORMAT[unit](value);
}

/** `median (min–max)` */
export function cell(summary, unit) {
  if (!summary) return '—';
  return `${fmt(summary.median, unit)} (${fmt(summary.min, unit)}–${fmt(summary.max, unit)})`;
}

/** A plain-text table: the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, j) => {
      const line = r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}
