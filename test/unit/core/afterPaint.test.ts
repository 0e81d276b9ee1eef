import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/core/client/afterPaint.js';

const g = globalThis as Record<string, unknown>;
const savedFrame = g.requestAnimationFrame;

/** Frames that come only when the test says so. */
function fakeFrames() {
  const callbacks: Array<() => void> = [];
  g.requestAnimationFrame = (fn: () => void) => callbacks.push(fn);
  return { paint: () => callbacks.splice(0).forEach((fn) => fn()) };
}

afterEach(() => {
  vi.useRealTimers();
  g.requestAnimationFrame = savedFrame;
});

describe('afterPaint', () => {
  it('runs after the frame that follows the tasks already queued, not in an earlier one', () => {
    vi.useFakeTimers();
    const frames = fakeFrames();
    const fn = vi.fn();
    afterPaint(fn, 300);
    // A frame before the queued tasks (the renders) have run is not the one that shows them.
    frames.paint();
    vi.advanceTimersByTime(0);
    expect(fn).not.toHaveBeenCalled();
    // The frame with the renders: its callbacks run before the paint, so fn waits for a task.
    frames.paint();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('still runs after the timeout in a tab that paints no frames, once', () => {
    vi.useFakeTimers();
    const frames = fakeFrames();
    const fn = vi.fn();
    afterPaint(fn, 300);
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    frames.paint();
    vi.advanceTimersByTime(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers();
    const frames = fakeFrames();
    const fn = vi.fn();
    afterPaint(fn, 300)();
    vi.advanceTimersByTime(0);
    frames.paint();
    vi.advanceTimersByTime(1_000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('uses a task where there are no frames (Node)', () => {
    vi.useFakeTimers();
    g.requestAnimationFrame = undefined;
    const fn = vi.fn();
    afterPaint(fn, 300);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
