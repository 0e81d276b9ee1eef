import { afterAll, beforeAll } from 'vitest';
import type { ParleyServer, ParleyServerOptions } from '../../../src/server/index.js';
import { createParleyServer } from '../../../src/server/index.js';

/** Starts a real server on 127.0.0.1 with an in-memory database for the enclosing describe. */
export function useServer(options: ParleyServerOptions = {}): { readonly current: ParleyServer } {
  const holder: { current?: ParleyServer } = {};
  beforeAll(async () => {
    holder.current = await createParleyServer({
      port: 0,
      database: ':memory:',
      quiet: true,
      limits: { rate: false },
      ...options,
    });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get current(): ParleyServer {
      if (!holder.current) throw new Error('server not started');
      return holder.current;
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A small fetch wrapper: JSON in, JSON (or null) out, never throws on HTTP errors. Bodies are
 * `any` by default because tests probe exact wire shapes, including invalid ones.
 */
export async function call<T = any>(
  server: ParleyServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['Content-Type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('Content-Type') ?? '';
  return {
    status: res.status,
    headers: res.headers,
    body: (type.includes('json') && text !== '' ? JSON.parse(text) : text) as T,
  };
}

let counter = 0;
/** A fresh clientId matching the protocol's pattern. */
export function clientId(prefix = 'cid'): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

export interface Visitor {
  token: string;
  visitorId: string;
}

export async function newVisitor(server: ParleyServer, body: unknown = {}): Promise<Visitor> {
  const res = await call(server, 'POST', '/v1/sessions', { body });
  if (res.status !== 201) throw new Error(`session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, visitorId: res.body.session.visitorId };
}

export async function newConversation(server: ParleyServer, visitor: Visitor): Promise<string> {
  const res = await call(server, 'POST', '/v1/conversations', {
    token: visitor.token,
    body: { clientId: clientId('conv') },
  });
  if (res.status !== 201) throw new Error(`conversation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.conversation.id;
}

export async function send(server: ParleyServer, visitor: Visitor, conversationId: string, text: string, id = clientId()) {
  return call(server, 'POST', `/v1/conversations/${conversationId}/messages`, {
    token: visitor.token,
    body: { clientId: id, text },
  });
}

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/**
 * Reads an SSE response with fetch (as the widget does) and collects frames, so a test can wait
 * for the ones it expects.
 */
export async function openStream(url: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const res = await fetch(url, { headers, signal: controller.signal });
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const pump = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let frame: SseFrame = {};
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (Object.keys(frame).length > 0) frames.push(frame);
            frame = {};
            for (const wake of waiters) wake();
            continue;
          }
          if (line.startsWith(':')) {
            frame.comment = line.slice(1).trim();
            continue;
          }
          const colon = line.indexOf(':');
          const field = line.slice(0, colon);
          const value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'retry') frame.retry = Number(value);
          else if (field === 'id' || field === 'event' || field === 'data') frame[field] = value;
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();

  const events = () => frames.filter((f) => f.event !== undefined);
  return {
    response: res,
    frames,
    events,
    get ended() {
      return ended;
    },
    /** Resolves when `predicate` holds for the collected event frames, or rejects after `ms`. */
    async waitFor(predicate: (events: SseFrame[]) => boolean, ms = 5000): Promise<SseFrame[]> {
      const deadline = Date.now() + ms;
      while (!predicate(events())) {
        if (ended) throw new Error(`stream ended; got ${JSON.stringify(events().map((e) => e.event))}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(events().map((e) => e.event))}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
      return events();
    },
    async close() {
      controller.abort();
      await pump.catch(() => undefined);
    },
  };
}

/** Uploads bytes as the multipart `file` part, as the widget does. */
export async function upload(
  server: ParleyServer,
  token: string,
  bytes: Uint8Array | string,
  name: string,
  declaredType = 'application/octet-stream',
  path = '/v1/uploads',
): Promise<Reply<any>> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart], { type: declaredType }), name);
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
