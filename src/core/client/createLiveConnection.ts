import { isHttpError, type ParleyError } from '../errors/index.js';
import type { ServerEvent } from '../protocol/index.js';
import type { Transport } from '../transport/index.js';
import type { Clock } from './Clock.js';
import { backoff } from './backoff.js';
import type { ConnectionState } from './createStores.js';

export interface LiveDeps {
  transport: Transport;
  clock: Clock;
  getLastEventId: () => string | null;
  onEvent: (event: ServerEvent, id: string | null) => void;
  onInvalid: (error: ParleyError) => void;
  /** Every (re)open: the place to catch up on history the stream may have missed. */
  onOpen: () => void;
  onState: (state: ConnectionState, error: ParleyError | null) => void;
  /** The token was refused (session ended elsewhere); the client starts a new session. */
  onUnauthorized: () => void;
}

export interface LiveConnection {
  start(): void;
  /** Reconnect now instead of waiting for the backoff (the browser came back online). */
  reconnectNow(): void;
  stop(): void;
}

/**
 * Keeps one live event stream open, reconnecting with jittered backoff and resuming from the
 * last event id, so events during a short disconnect are replayed rather than lost.
 */
export function createLiveConnection(deps: LiveDeps): LiveConnection {
  let controller: AbortController | null = null;
  let timer: unknown = null;
  let attempt = 0;
  let stopped = true;

  async function connect(): Promise<void> {
    if (stopped) return;
    const current = new AbortController();
    controller = current;
    deps.onState(attempt === 0 ? 'connecting' : 'offline', null);
    try {
      await deps.transport.openEvents(
        {
          onOpen: () => {
            attempt = 0;
            deps.onState('online', null);
            deps.onOpen();
          },
          onEvent: deps.onEvent,
          onInvalid: deps.onInvalid,
        },
        { lastEventId: deps.getLastEventId(), signal: current.signal },
      );
      if (current.signal.aborted) return;
      // The server closed the stream (a deploy, a proxy timeout): reconnect soon.
      retry(null);
    } catch (raw) {
      if (current.signal.aborted) return;
      const error = raw as ParleyError;
      if (isHttpError(error) && error.status === 401) {
        deps.onUnauthorized();
        return;
      }
      retry(error);
    }
  }

  function retry(error: ParleyError | null) {
    if (stopped) return;
    deps.onState('offline', error);
    const wait = isHttpError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff(attempt);
    attempt += 1;
    timer = deps.clock.setTimeout(() => {
      timer = null;
      void connect();
    }, wait);
  }

  function cancel() {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    controller?.abort();
    controller = null;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      void connect();
    },
    reconnectNow() {
      if (stopped || timer === null) return;
      cancel();
      void connect();
    },
    stop() {
      stopped = true;
      cancel();
      deps.onState('idle', null);
    },
  };
}
