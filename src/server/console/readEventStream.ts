import type { ServerEvent } from '../../core/protocol/index.js';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

export interface EventStreamOptions {
  url: string;
  key: string;
  onEvent: (event: ServerEvent) => void;
  onState: (state: StreamState) => void;
}

interface Frame {
  id?: string;
  event?: string;
  data: string[];
  retry?: number;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Follows an SSE endpoint with fetch, because EventSource cannot send the Authorization header.
 * Reconnects with exponential backoff and `Last-Event-ID`, so the server replays what was
 * missed. Returns the function that stops it.
 */
export function readEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let retryMs = 2000;
  let failures = 0;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const headers: Record<string, string> = { Authorization: `Bearer ${options.key}`, Accept: 'text/event-stream' };
        if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
        const res = await fetch(options.url, { headers, signal: controller.signal, cache: 'no-store' });
        if (res.status === 401) {
          options.onState('unauthorized');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
        failures = 0;
        options.onState('live');
        await readFrames(res.body, (frame) => {
          if (frame.retry !== undefined) retryMs = frame.retry;
          if (frame.id !== undefined) lastEventId = frame.id;
          if (frame.event === undefined || frame.data.length === 0) return;
          options.onEvent(JSON.parse(frame.data.join('\n')) as ServerEvent);
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn('Parley console: event stream dropped; reconnecting', error);
      }
      if (controller.signal.aborted) return;
      options.onState('reconnecting');
      failures += 1;
      const backoff = Math.min(MAX_BACKOFF_MS, retryMs * 2 ** Math.min(failures - 1, 4));
      // Jitter spreads reconnects when a server restart drops every console at once.
      await sleep(backoff * (0.75 + Math.random() * 0.5), controller.signal);
    }
  };

  options.onState('connecting');
  void connect();
  return () => controller.abort();
}

/** Parses the SSE wire format (https://html.spec.whatwg.org/#event-stream-interpretation). */
async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: Frame) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let frame: Frame = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // stream: true keeps a multi-byte character split across chunks intact.
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    // The last piece may be a partial line; keep it for the next chunk.
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        onFrame(frame);
        frame = { data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') frame.data.push(value);
      else if (field === 'event') frame.event = value;
      else if (field === 'id' && !value.includes('\0')) frame.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
