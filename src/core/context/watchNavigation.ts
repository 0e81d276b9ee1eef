type Listener = () => void;

interface Hub {
  listeners: Set<Listener>;
  uninstall: () => void;
}

// One patch per window however many widgets watch it, so instances never stack wrappers.
const hubs = new WeakMap<Window, Hub>();

/**
 * Calls `listener` after every SPA navigation: pushState, replaceState, popstate and hashchange.
 * No polling. history methods are wrapped, not replaced: the wrapper calls whatever was there
 * before (another library's wrapper included), and on removal it is only unhooked if nobody
 * wrapped it after us; otherwise it stays as a pass-through so their wrapper keeps working.
 */
export function watchNavigation(win: Window, listener: Listener): () => void {
  let hub = hubs.get(win);
  if (!hub) {
    hub = install(win);
    hubs.set(win, hub);
  }
  hub.listeners.add(listener);
  return () => {
    const current = hubs.get(win);
    if (!current) return;
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.uninstall();
      hubs.delete(win);
    }
  };
}

function install(win: Window): Hub {
  const listeners = new Set<Listener>();
  const notify = () => {
    for (const l of [...listeners]) {
      // Our listener runs inside the host's pushState call: a throw here must never reach it.
      try {
        l();
      } catch (error) {
        console.error('Parley: a navigation listener failed', error);
      }
    }
  };
  const history = win.history;
  const restorers = (['pushState', 'replaceState'] as const).map((method) => {
    const original = history[method];
    let active = true;
    const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      if (active) notify();
      return result;
    };
    history[method] = wrapper;
    return () => {
      active = false;
      if (history[method] === wrapper) history[method] = original;
    };
  });
  win.addEventListener('popstate', notify);
  win.addEventListener('hashchange', notify);
  return {
    listeners,
    uninstall() {
      for (const restore of restorers) restore();
      win.removeEventListener('popstate', notify);
      win.removeEventListener('hashchange', notify);
    },
  };
}
