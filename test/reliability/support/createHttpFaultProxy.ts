import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';

/** What the proxy does with one request. `null` from `decide` forwards it untouched. */
export type FaultAction =
  /** Answers with this status itself; the backend never sees the request. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Resets the connection before anything is forwarded. */
  | { kind: 'drop' }
  /** Never answers; the socket stays open until the client gives up. */
  | { kind: 'hang' }
  /** Forwards after `ms`, even if the client gave up meanwhile (a slow link that still delivers). */
  | { kind: 'delay'; ms: number }
  /**
   * Forwards at once, lets the backend act, then holds its reply for `ms` before sending it (a
   * slow or congested link on the way back): a client that gave up meanwhile never sees it.
   */
  | { kind: 'delay-reply'; ms: number }
  /** Forwards, lets the backend act, then resets the connection: the reply is lost. */
  | { kind: 'lose-reply' }
  /** Forwards, then replaces the backend's reply (a broken backend or a meddling proxy). */
  | { kind: 'rewrite'; rewrite: (reply: ProxiedReply) => ProxiedReply }
  /** For event streams: forwards, then cuts the stream halfway through the next frame. */
  | { kind: 'cut-stream' };

export interface ProxiedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ProxiedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export interface HttpFaultProxy {
  url: string;
  /** Every request that reached the proxy, in arrival order (URLs, headers and bodies). */
  readonly requests: readonly ProxiedRequest[];
  /** Decides per request; replace it at any time. */
  decide: (request: ProxiedRequest) => FaultAction | null;
  /** Where requests go (a restarted backend listens on a new port); `null` refuses every connection. */
  setTarget(port: number | null): void;
  /** Open event streams being relayed right now. */
  readonly streams: number;
  /** Streams cut halfway through a frame so far. */
  readonly cuts: number;
  /** Writes raw bytes into every open event stream, as if the backend had sent them. */
  inject(raw: string): void;
  /** Cuts every open event stream halfway through its next frame. */
  cutStreamsMidFrame(): void;
  /** Destroys every open connection. */
  cutAll(): void;
  close(): Promise<void>;
}

interface Stream {
  res: ServerResponse;
  cutNext: boolean;
  dead: boolean;
}

/**
 * An HTTP-aware fault proxy on 127.0.0.1 between the real client and the real server. Unlike the
 * TCP proxy in test/support it understands requests, so it can answer 5xx, delay or hang one
 * request, hold or lose one reply after the backend acted on it, rewrite replies, and cut an SSE stream
 * in the middle of a frame (after writing part of it), which is what flaky mobile links do.
 */
export async function createHttpFaultProxy(targetPort: number): Promise<HttpFaultProxy> {
  let target: number | null = targetPort;
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const streams = new Set<Stream>();
  let cuts = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const info: ProxiedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(info);
      handle(req, res, Buffer.concat(chunks), proxy.decide(info));
    });
    req.on('error', () => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer, action: FaultAction | null) {
    switch (action?.kind) {
      case 'status':
        res.writeHead(action.status, { 'Content-Type': 'application/json', ...action.headers });
        res.end(action.body ?? JSON.stringify({ code: 'internal', message: 'injected fault' }));
        return;
      case 'drop':
        req.socket.resetAndDestroy();
        return;
      case 'hang':
        return;
      case 'delay':
        setTimeout(() => forward(req, res, body, null), action.ms);
        return;
      default:
        forward(req, res, body, action);
    }
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, action: FaultAction | null) {
    if (target === null) {
      req.socket.resetAndDestroy();
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' } },
      (reply) => {
        const headers = flatHeaders(reply.headers);
        if ((headers['content-type'] ?? '').includes('text/event-stream')) return relayStream(res, reply, headers, action);
        const parts: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => parts.push(chunk));
        reply.on('error', () => res.socket?.destroy());
        reply.on('end', () => {
          if (action?.kind === 'lose-reply') {
            res.socket?.resetAndDestroy();
            return;
          }
          let out: ProxiedReply = { status: reply.statusCode ?? 502, headers, body: Buffer.concat(parts).toString('utf8') };
          if (action?.kind === 'rewrite') out = action.rewrite(out);
          const { 'content-length': _length, 'transfer-encoding': _encoding, connection: _connection, ...rest } = out.headers;
          const send = () => {
            if (res.destroyed) return;
            res.writeHead(out.status, { ...rest, 'Content-Length': String(Buffer.byteLength(out.body)) });
            res.end(out.body);
          };
          if (action?.kind === 'delay-reply') setTimeout(send, action.ms);
          else send();
        });
      },
    );
    upstream.on('error', () => res.socket?.resetAndDestroy());
    // A client that gives up ends the upstream request too, as a real network would.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  }

  function relayStream(res: ServerResponse, reply: IncomingMessage, headers: Record<string, string>, action: FaultAction | null) {
    const { 'content-length': _length, 'transfer-encoding': _encoding, connection: _connection, ...rest } = headers;
    res.writeHead(reply.statusCode ?? 200, rest);
    res.flushHeaders();
    const stream: Stream = { res, cutNext: action?.kind === 'cut-stream', dead: false };
    streams.add(stream);
    const done = () => {
      streams.delete(stream);
      reply.destroy();
    };
    res.on('close', done);
    reply.on('data', (chunk: Buffer) => {
      if (stream.dead) return;
      const text = chunk.toString('utf8');
      if (stream.cutNext && text.includes('data:')) {
        stream.dead = true;
        cuts += 1;
        // Half a frame, then the line goes dead: the client must not apply the partial event.
        res.write(text.slice(0, Math.max(1, Math.floor(text.indexOf('data:') + (text.length - text.indexOf('data:')) / 2))));
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.write(chunk);
    });
    reply.on('end', () => res.end());
    reply.on('error', () => res.socket?.destroy());
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const proxy: HttpFaultProxy = {
    url: `http://127.0.0.1:${port}`,
    requests,
    decide: () => null,
    setTarget(next) {
      target = next;
    },
    get streams() {
      return streams.size;
    },
    get cuts() {
      return cuts;
    },
    inject(raw) {
      for (const stream of streams) if (!stream.dead) stream.res.write(raw);
    },
    cutStreamsMidFrame() {
      for (const stream of streams) stream.cutNext = true;
    },
    cutAll() {
      for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
