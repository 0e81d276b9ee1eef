import type { NetworkMonitor } from '../core/index.js';

/** The browser's online/offline events, so the client reconnects the moment the network is back. */
export function browserNetwork(win: Window): NetworkMonitor {
  return {
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      win.addEventListener('online', online);
      win.addEventListener('offline', offline);
      return () => {
        win.removeEventListener('online', online);
        win.removeEventListener('offline', offline);
      };
    },
  };
}
