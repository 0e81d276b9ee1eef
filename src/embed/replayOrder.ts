/** One `Parley(method, …args)` call as the queue stub recorded it. */
export type QueuedCall = [unknown, ...unknown[]];

/**
 * The order the loader replays queued calls in. Every method but `init` needs a widget, so the
 * first queued `init` runs first (or an empty one when the script tag's data attributes configure
 * the widget alone); all other calls keep the order the page made them in. Without this, the
 * README's own `Parley('identify', …)` before `Parley('init', …)` was dropped as "before init".
 */
export function replayOrder(queued: readonly QueuedCall[], autoInit: boolean): QueuedCall[] {
  const first = queued.findIndex((call) => call[0] === 'init');
  if (first === -1) return autoInit ? [['init', {}], ...queued] : [...queued];
  return [queued[first]!, ...queued.slice(0, first), ...queued.slice(first + 1)];
}
