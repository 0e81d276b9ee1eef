import type { RateLimits, RateRule } from '../options.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets beyond this count trigger a sweep of full (idle) ones, bounding memory. */
const SWEEP_THRESHOLD = 10_000;

/** In-memory token buckets. One process only; a multi-node deployment needs a shared store. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rules: RateLimits | false,
    private readonly now: () => Date,
  ) {}

  /** Takes one token; returns 0 when allowed, or the seconds to wait before retrying. */
  take(rule: keyof RateLimits, key: string): number {
    if (this.rules === false) return 0;
    const { burst, perMinute } = this.rules[rule];
    const now = this.now().getTime();
    const id = `${rule}:${key}`;
    const bucket = this.buckets.get(id) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 60_000) * perMinute);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      this.buckets.set(id, bucket);
      return Math.max(1, Math.ceil(((1 - bucket.tokens) / perMinute) * 60));
    }
    bucket.tokens -= 1;
    this.buckets.set(id, bucket);
    if (this.buckets.size > SWEEP_THRESHOLD) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    if (this.rules === false) return;
    const rules = this.rules;
    for (const [id, bucket] of this.buckets) {
      const rule: RateRule | undefined = rules[id.slice(0, id.indexOf(':')) as keyof RateLimits];
      if (!rule) continue;
      const refilled = bucket.tokens + ((now - bucket.updatedAt) / 60_000) * rule.perMinute;
      if (refilled >= rule.burst) this.buckets.delete(id);
    }
  }
}
