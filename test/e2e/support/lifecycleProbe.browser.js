// Injected with page.addInitScript before any page script: counts what a page's scripts leave
// behind. It records every event listener, timer, BroadcastChannel, observer and history patch
// with a sequence number, so a test can ask "what was added after mark() and is still active?".
(() => {
  const probe = {
    seq: 0,
    listeners: new Set(),
    timers: new Map(),
    channels: new Set(),
    observers: new Set(),
    errors: [],
    history: { pushState: history.pushState, replaceState: history.replaceState },
  };
  const stack = () => (new Error().stack ?? '').split('\n').slice(3, 9).join('\n');
  const originalAdd = EventTarget.prototype.addEventListener;
  const originalRemove = EventTarget.prototype.removeEventListener;

  // Uncaught errors and unhandled rejections, registered before the patch so they never count.
  originalAdd.call(window, 'error', (event) => probe.errors.push(`error: ${event.message}`));
  originalAdd.call(window, 'unhandledrejection', (event) =>
    probe.errors.push(`unhandledrejection: ${event.reason && event.reason.stack ? event.reason.stack : String(event.reason)}`),
  );

  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options && options.capture));
  const find = (target, type, listener, capture) => {
    for (const entry of probe.listeners) {
      if (entry.target === target && entry.type === type && entry.listener === listener && entry.capture === capture) return entry;
    }
    return undefined;
  };
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const capture = captureOf(options);
    if (listener && !find(this, type, listener, capture)) {
      const entry = { seq: ++probe.seq, target: this, type, listener, capture, stack: stack() };
      probe.listeners.add(entry);
      // `once` and `signal` listeners go away without removeEventListener: follow them too.
      if (options && typeof options === 'object' && options.once) {
        originalAdd.call(this, type, () => probe.listeners.delete(entry), { once: true, capture });
      }
      if (options && typeof options === 'object' && options.signal) {
        if (options.signal.aborted) probe.listeners.delete(entry);
        else originalAdd.call(options.signal, 'abort', () => probe.listeners.delete(entry), { once: true });
      }
    }
    return originalAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const entry = find(this, type, listener, captureOf(options));
    if (entry) probe.listeners.delete(entry);
    return originalRemove.call(this, type, listener, options);
  };

  const { setTimeout: st, setInterval: si, clearTimeout: ct, clearInterval: ci } = window;
  window.setTimeout = function (fn, ms, ...args) {
    let id;
    const run =
      typeof fn === 'function'
        ? function (...a) {
            probe.timers.delete(id);
            return fn.apply(this, a);
          }
        : fn;
    id = st.call(window, run, ms, ...args);
    probe.timers.set(id, { seq: ++probe.seq, kind: 'setTimeout', ms, stack: stack() });
    return id;
  };
  window.setInterval = function (fn, ms, ...args) {
    const id = si.call(window, fn, ms, ...args);
    probe.timers.set(id, { seq: ++probe.seq, kind: 'setInterval', ms, stack: stack() });
    return id;
  };
  // Browsers share one id space, so either clear function clears either kind.
  window.clearTimeout = function (id) {
    probe.timers.delete(id);
    return ct.call(window, id);
  };
  window.clearInterval = function (id) {
    probe.timers.delete(id);
    return ci.call(window, id);
  };

  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    constructor(name) {
      super(name);
      this.__probe = { seq: ++probe.seq, name, stack: stack() };
      probe.channels.add(this);
    }
    close() {
      probe.channels.delete(this);
      return super.close();
    }
  };

  // An observer only matters while it watches something still in the document.
  for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = class extends Original {
      constructor(...args) {
        super(...args);
        this.__probe = { seq: ++probe.seq, kind: name, targets: new Set(), stack: stack() };
      }
      observe(target, ...rest) {
        this.__probe.targets.add(target);
        probe.observers.add(this);
        return super.observe(target, ...rest);
      }
      unobserve(target) {
        this.__probe.targets.delete(target);
        return super.unobserve(target);
      }
      disconnect() {
        probe.observers.delete(this);
        this.__probe.targets.clear();
        return super.disconnect();
      }
    };
  }

  const describe = (target) => {
    if (target === window) return 'window';
    if (target === document) return 'document';
    if (target instanceof Element) return `<${target.localName}>`;
    if (target instanceof ShadowRoot) return '#shadow-root';
    return Object.prototype.toString.call(target);
  };
  // Listeners on nodes that left the document, or on request-scoped AbortSignals, die with them.
  const outlives = (target) =>
    target instanceof Node ? target.isConnected : !(target instanceof AbortSignal) && !(target instanceof Channel);

  probe.mark = () => probe.seq;
  /** What was added after `mark` and is still active, with where it was added. */
  probe.leaks = (mark) => ({
    listeners: [...probe.listeners]
      .filter((e) => e.seq > mark && outlives(e.target))
      .map((e) => `${e.type} on ${describe(e.target)}\n${e.stack}`),
    timers: [...probe.timers.values()].filter((t) => t.seq > mark).map((t) => `${t.kind}(${t.ms})\n${t.stack}`),
    channels: [...probe.channels].filter((c) => c.__probe.seq > mark).map((c) => `BroadcastChannel(${c.__probe.name})\n${c.__probe.stack}`),
    observers: [...probe.observers]
      .filter((o) => o.__probe.seq > mark && [...o.__probe.targets].some((t) => t.isConnected))
      .map((o) => `${o.__probe.kind}\n${o.__probe.stack}`),
    historyPatched: history.pushState !== probe.history.pushState || history.replaceState !== probe.history.replaceState,
  });
  /** Counts of what was added after `mark` and is active now, before filtering by lifetime. */
  probe.active = (mark) => ({
    listeners: [...probe.listeners].filter((e) => e.seq > mark).length,
    timers: [...probe.timers.values()].filter((t) => t.seq > mark).length,
    channels: [...probe.channels].filter((c) => c.__probe.seq > mark).length,
    observers: [...probe.observers].filter((o) => o.__probe.seq > mark).length,
    historyPatched: history.pushState !== probe.history.pushState,
  });
  window.__probe = probe;
})();
