import { HttpError, isHttpError, isTransientError, type ParleyError } from '../errors/index.js';
import type { CreateSessionRequest, SessionResponse } from '../protocol/index.js';
import type { Transport } from '../transport/index.js';
import type { Clock } from './Clock.js';
import { backoff } from './backoff.js';
import type { ClientStores } from './createStores.js';

export interface SessionStarterDeps {
  transport: Transport;
  clock: Clock;
  stores: Pick<ClientStores, '$session' | '$connection'>;
  /** Built for every attempt, so a retry carries the current locale, identity and page context. */
  buildRequest: () => CreateSessionRequest;
  /** The backend answered validly; the caller takes over (stores, live stream, outbox). */
  onReady: (reply: SessionResponse) => Promise<void>;
  reportError: (error: ParleyError) => void;
}

export interface SessionStarter {
  /**
   * Opens a session, resuming `token` when there is one, and cancels any earlier start. Resolves
   * after the first attempt: the session is ready, or its error is shown and, when trying again
   * can help, a retry is scheduled.
   */
  start(token: string | null): Promise<void>;
  /** Cancels a scheduled retry; the answer of a request in flight is ignored. */
  stop(): void;
}

/**
 * Starts the visitor session and keeps trying with jittered backoff while trying again can help:
 * the backend is unreachable or failing (shown as offline), or it sent an invalid reply (a bad
 * deploy, a captive portal, a meddling proxy; shown as a session error meanwhile). A refusal
 * such as `403` can never succeed by repeating it, so that error stays on screen and it stops.
 * A `Retry-After` on a 429 or 503 is honoured: the next attempt waits at least that long.
 */
export function createSessionStarter(deps: SessionStarterDeps): SessionStarter {
  const { transport, stores } = deps;
  // Bumped by every start and stop, so a reply to a superseded attempt changes nothing.
  let generation = 0;
  let timer: unknown = null;
  let attempt = 0;

  const cancel = () => {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
  };

  async function open(token: string | null, run: number): Promise<void> {
    transport.setToken(token);
    let reply: SessionResponse;
    try {
      reply = await transport.createSession(deps.buildRequest());
    } catch (raw) {
      if (run !== generation) return;
      const error = raw as ParleyError;
      deps.reportError(error);
      // The stored token is no longer valid: start a fresh session (the outbox is kept).
      if (isHttpError(error) && error.status === 401 && token) return open(null, run);
      if (isTransientError(error)) {
        stores.$connection.set('offline');
      } else {
        // Visible while retrying too: the banner says the reply was invalid, not that we are offline.
        stores.$session.set({ ...stores.$session.get(), status: 'error' });
        if (error.code !== 'invalid_response') return;
      }
      // A 429 or 503 with `Retry-After` names the earliest useful retry; coming back sooner only
      // spends another token of the rate limit (or hits the same outage) and is refused again.
      const retryAfter = error instanceof HttpError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
      timer = deps.clock.setTimeout(() => {
        timer = null;
        void open(token, run);
      }, Math.max(retryAfter, backoff(attempt++)));
      return;
    }
    if (run !== generation) return;
    attempt = 0;
    transport.setToken(reply.token);
    await deps.onReady(reply);
  }

  return {
    start(token) {
      cancel();
      const run = ++generation;
      attempt = 0;
      stores.$session.set({ ...stores.$session.get(), status: 'starting' });
      return open(token, run);
    },
    stop() {
      cancel();
      generation += 1;
    },
  };
}
