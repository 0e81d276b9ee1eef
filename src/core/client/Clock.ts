import { afterPaint } from './afterPaint.js';

/** Time, injected so tests control it without patching globals. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /**
   * Runs `fn` once the frame that shows the latest change is painted and the page is idle, at
   * most `timeoutMs` later; returns its cancel. Work that can wait (saving the transcript,
   * sending the request) then never holds a frame back. Optional: without it, a 0 ms timer of
   * this clock, which is what a test's manual clock wants.
   */
  afterPaint?(fn: () => void, timeoutMs: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  afterPaint,
};
