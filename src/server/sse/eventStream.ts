import type { Context } from 'hono';
import type { StoredEvent } from '../db/EventRepo.js';
import type { Audience, EventHub, HubEvent } from './EventHub.js';

export interface EventStreamOptions {
  hub: EventHub;
  audience: Audience;
  /** Stored events after `afterId` for this audience, oldest first, at most `limit`. */
  replay: (afterId: number, limit: number) => StoredEvent[];
  pingIntervalMs: number;
  onError: (error: unknown) => void;
}

/** Clients wait this long before reconnecting after the stream drops. */
const RETRY_MS = 2000;
const REPLAY_BATCH = 500;
/** A client this far behind is cut off; it reconnects and catches up through replay. */
const MAX_QUEUED_FRAMES = 10_000;

const encoder = new TextEncoder();

/** The `Last-Event-ID` header as an event id; only the header counts, never the URL. */
export function lastEventId(c: Context): number | null {
  const raw = c.req.header('Last-Event-ID')?.trim();
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Opens an SSE response: `retry`, then the stored events after `Last-Event-ID`, then live ones.
 * The subscription starts before the replay query and live events are held until the replay is
 * written, then de-duplicated by id, so nothing falls in the gap and nothing arrives twice.
 */
export function eventStream(c: Context, options: EventStreamOptions): Response {
  const { hub, audience, replay, pingIntervalMs, onError } = options;
  const resumeFrom = lastEventId(c);
  let cleanup = (): void => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let lastSent = resumeFrom ?? 0;
      let held: HubEvent[] | null = [];

      const send = (text: string): void => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const write = (event: { id: number | null; data: HubEvent['data'] }): void => {
        if (event.id !== null) {
          if (event.id <= lastSent) return;
          lastSent = event.id;
        }
        const id = event.id === null ? '' : `id: ${event.id}\n`;
        send(`${id}event: ${event.data.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      };
      const finish = (): void => {
        if (!open) return;
        cleanup();
        open = false;
        controller.close();
      };

      const unsubscribe = hub.subscribe({
        audience,
        deliver: (event) => {
          if (held) {
            held.push(event);
            return;
          }
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) {
            finish();
            return;
          }
          write(event);
        },
        close: finish,
      });
      const ping = setInterval(() => send(': ping\n\n'), pingIntervalMs);
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
      };

      send(`retry: ${RETRY_MS}\n\n`);
      try {
        if (resumeFrom !== null) {
          for (let batch = replay(resumeFrom, REPLAY_BATCH); batch.length > 0; ) {
            for (const event of batch) write(event);
            batch = batch.length < REPLAY_BATCH ? [] : replay(lastSent, REPLAY_BATCH);
          }
        }
        const pending: HubEvent[] = held;
        held = null;
        for (const event of pending) write(event);
      } catch (error) {
        // A failed replay would leave a silent gap; end the stream so the client retries.
        onError(error);
        finish();
      }
    },
    cancel() {
      cleanup();
    },
  });

  // Node's server cancels the body when the socket closes; the abort signal covers runtimes
  // that only report a disconnect there.
  c.req.raw.signal.addEventListener('abort', () => cleanup(), { once: true });

  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // Proxies such as nginx buffer responses by default, which would hold events back.
      'X-Accel-Buffering': 'no',
    },
  });
}
