import type { Clock } from '../../../src/core/client/Clock.js';
import { settle } from './settle.js';

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order and letting their promise chains settle. */
  advance(ms: number): Promise<void>;
  /** How many timers are waiting. */
  pending(): number;
}

/** A clock that only moves when the test says so. */
export function createManualClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)): ManualClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();

  const nextDue = (limit: number) => {
    let found: [number, { due: number; fn: () => void }] | null = null;
    for (const entry of timers) {
      if (entry[1].due > limit) continue;
      if (!found || entry[1].due < found[1].due || (entry[1].due === found[1].due && entry[0] < found[0])) found = entry;
    }
    return found;
  };

  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { due: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending: () => timers.size,
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let due = nextDue(target); due; due = nextDue(target)) {
        timers.delete(due[0]);
        now = due[1].due;
        due[1].fn();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
