/**
 * Exponential backoff with full jitter (AWS architecture blog): spreads reconnects of many
 * visitors after an outage instead of having them all hit the backend at once.
 */
export function backoff(attempt: number, baseMs = 500, maxMs = 30000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
