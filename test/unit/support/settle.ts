/**
 * Lets every pending promise chain run. The fake transport and storage answer through
 * microtasks only, so one macrotask turn (repeated a few times for chains that hop through
 * several awaits and `.finally`) drains them all.
 */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
