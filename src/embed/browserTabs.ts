import type { TabChannel } from '../core/index.js';

/** A BroadcastChannel per widget namespace, or nothing where the browser lacks it. */
export function browserTabs(win: Window, namespace: string): (TabChannel & { close(): void }) | undefined {
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (typeof Channel !== 'function') return undefined;
  const channel = new Channel(namespace);
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/** Web Locks serialize session creation across tabs, so a second tab never starts a second session. */
export function browserLock(win: Window, namespace: string): ((critical: () => Promise<void>) => Promise<void>) | undefined {
  const locks = (win.navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return undefined;
  return (critical) => locks.request(`${namespace}:session`, critical);
}
