/**
 * Runs `fn` once the renders already queued are painted, or after `timeoutMs` whatever happens
 * (a hidden tab paints no frames); returns its cancel. Where there are no frames (Node), a task.
 *
 * Each step waits for the one before: a task, queued after the renders (Preact's are timers
 * too); a frame callback, so that the frame is the one with those renders in it (one asked for
 * at once may come before them: the bench saw it in half its runs); then a task queued from the
 * frame callback, which runs after that frame's paint. An idle callback alone may run in the gap
 * before the frame.
 *
 * @example
 * ```ts
 * const cancel = afterPaint(() => save(transcript), 300);
 * ```
 */
export function afterPaint(fn: () => void, timeoutMs: number): () => void {
  const frame = (globalThis as Partial<Pick<typeof globalThis, 'requestAnimationFrame'>>).requestAnimationFrame;
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, timeoutMs);
  setTimeout(() => (frame ? frame.call(globalThis, () => setTimeout(run, 0)) : run()), 0);
  return () => {
    done = true;
    clearTimeout(fallback);
  };
}
