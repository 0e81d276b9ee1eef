import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createHttpTransport, createMemoryStorage, createUploadQueue, isHttpError } from '../../../src/core/index.js';
import { createParleyServer, type ParleyServer } from '../../../src/server/index.js';
import { createHttpFaultProxy } from '../../reliability/support/createHttpFaultProxy.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { makePng } from '../server/fixtures.js';
import { call, clientId, newConversation, newVisitor, upload, type Visitor } from '../server/helpers.js';
import { waitFor } from '../../support/waitFor.js';

const figures: Record<string, unknown> = {};
afterAll(() => recordFigures('server-hardening', figures));

describe('rate limits: 429 with Retry-After, honoured by the real client', () => {
  let server: ParleyServer;
  beforeAll(async () => {
    // Three sends at once, then one every 2 s: the fourth send of a burst waits.
    server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, limits: { rate: { messages: { burst: 3, perMinute: 30 } } } });
  });
  afterAll(() => server.close());

  it('keeps a limited message pending and resends it only after Retry-After, once', async () => {
    const proxy = await createHttpFaultProxy(server.port);
    const replies: Array<{ clientId: string; status: number; retryAfter: number; at: number }> = [];
    // The proxy sits at the server's door: arrival and reply times are the server's view.
    proxy.decide = (request) =>
      request.method === 'POST' && request.url.endsWith('/messages')
        ? {
            kind: 'rewrite',
            rewrite: (reply) => {
              const id = (JSON.parse(request.body) as { clientId: string }).clientId;
              replies.push({ clientId: id, status: reply.status, retryAfter: Number(reply.headers['retry-after'] ?? 0), at: Date.now() });
              return reply;
            },
          }
        : null;
    const client = createClient({ transport: createHttpTransport({ endpoint: proxy.url }), storage: createMemoryStorage(), onWarning: () => undefined });
    try {
      await client.start();
      const texts = ['one', 'two', 'three', 'four', 'five'];
      const sent = texts.map((text) => client.send(text));
      await waitFor(() => replies.some((r) => r.status === 429), 'the first 429');
      const limited = replies.find((r) => r.status === 429)!;
      expect(limited.retryAfter).toBeGreaterThan(0);
      await waitFor(() => client.$error.get()?.code === 'rate_limited', 'the client to show the limit');
      const waiting = client.$messages.get().find((m) => m.clientId === limited.clientId)!;
      expect(waiting.state).toBe('pending');
      await waitFor(() => client.$messages.get().every((m) => m.state === 'sent'), 'all five to be delivered', 20000);

      const gaps: number[] = [];
      for (const [i, reply] of replies.entries()) {
        if (reply.status !== 429) continue;
        const next = proxy.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/messages') && r.body.includes(reply.clientId) && r.at > reply.at)[0]!;
        gaps.push(next.at - reply.at);
        expect(next.at - reply.at, `resend ${i} came before Retry-After`).toBeGreaterThanOrEqual(reply.retryAfter * 1000 - 20);
      }
      const stored = await call(server, 'GET', `/v1/conversations/${client.$conversation.get()!.id}/messages`, {
        token: (proxy.requests.at(-1)!.headers.authorization as string).slice('Bearer '.length),
      });
      expect(stored.body.messages.map((m: { text: string }) => m.text)).toEqual(texts);
      expect(sent.every((m) => replies.filter((r) => r.clientId === m.clientId && r.status < 300).length === 1)).toBe(true);
      figures.rateLimit = { sends: texts.length, answered429: gaps.length, retryAfterSeconds: limited.retryAfter, resendAfterMs: gaps, stored: stored.body.messages.length };
    } finally {
      client.destroy();
      await proxy.close();
    }
  });
});

describe('Retry-After on session start and uploads, honoured by the real client', () => {
  let server: ParleyServer;
  beforeAll(async () => {
    // One session and one upload at once, then one every 2 s: the second of each is told to wait.
    server = await createParleyServer({
      port: 0,
      database: ':memory:',
      quiet: true,
      limits: { rate: { sessions: { burst: 1, perMinute: 30 }, uploads: { burst: 1, perMinute: 30 } } },
    });
  });
  afterAll(() => server.close());

  /** Records status, Retry-After and reply time of every request matching `match`. */
  const recorder = (match: (method: string, path: string) => boolean) => {
    const replies: Array<{ status: number; retryAfter: number; at: number }> = [];
    const decide = (request: { method: string; url: string }) =>
      match(request.method, request.url.split('?')[0]!)
        ? {
            kind: 'rewrite' as const,
            rewrite: (reply: { status: number; headers: Record<string, string>; body: string }) => {
              replies.push({ status: reply.status, retryAfter: Number(reply.headers['retry-after'] ?? 0), at: Date.now() });
              return reply;
            },
          }
        : null;
    return { replies, decide };
  };

  it('a visitor whose session start is limited gets in by itself, asking again only after Retry-After', async () => {
    const proxy = await createHttpFaultProxy(server.port);
    const sessions = recorder((method, path) => method === 'POST' && path === '/v1/sessions');
    proxy.decide = sessions.decide;
    const transport = () => createHttpTransport({ endpoint: proxy.url });
    const first = createClient({ transport: transport(), storage: createMemoryStorage(), onWarning: () => undefined });
    const second = createClient({ transport: transport(), storage: createMemoryStorage(), onWarning: () => undefined });
    try {
      await first.start();
      expect(first.$session.get().status).toBe('ready');
      await second.start();
      expect(second.$error.get()?.code).toBe('rate_limited');
      await waitFor(() => second.$session.get().status === 'ready', 'the limited visitor to get a session', 10000);
      second.send('let me in');
      await waitFor(() => second.$messages.get()[0]?.state === 'sent', 'the first message');

      const limited = sessions.replies.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      const gaps = limited.map((reply) => {
        const next = proxy.requests.find((r) => r.method === 'POST' && r.url === '/v1/sessions' && r.at > reply.at)!;
        expect(next.at - reply.at, 'a session retry came before Retry-After').toBeGreaterThanOrEqual(reply.retryAfter * 1000 - 20);
        return next.at - reply.at;
      });
      // Asking again early would only have earned more 429s: exactly one is answered.
      expect(sessions.replies.map((r) => r.status)).toEqual([201, 429, 201]);
      figures.sessionRateLimit = { answered429: limited.length, retryAfterSeconds: limited[0]!.retryAfter, retryAfterMs: gaps };
    } finally {
      first.destroy();
      second.destroy();
      await proxy.close();
    }
  });

  it('a limited upload shows that it waits, retries after Retry-After by itself and is sent', async () => {
    const proxy = await createHttpFaultProxy(server.port);
    const uploads = recorder((method, path) => method === 'POST' && path === '/v1/uploads');
    proxy.decide = uploads.decide;
    // The session bucket of the test above refills in 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const client = createClient({ transport: createHttpTransport({ endpoint: proxy.url }), storage: createMemoryStorage(), onWarning: () => undefined });
    const queue = createUploadQueue(client);
    const seen: string[] = [];
    const stop = queue.$items.listen((items) => {
      const line = items.map((item) => `${item.name}:${item.state}`).join(' ');
      if (seen.at(-1) !== line) seen.push(line);
    });
    try {
      await client.start();
      const png = new Uint8Array(makePng(8, 8));
      queue.add([new File([png], 'first.png', { type: 'image/png' }), new File([png], 'second.png', { type: 'image/png' })]);
      await waitFor(() => queue.$items.get().some((item) => item.state === 'waiting'), 'an upload to wait');
      const waiting = queue.$items.get().find((item) => item.state === 'waiting')!;
      expect(waiting.retryAt).toBeGreaterThan(Date.now());
      expect(waiting.problem).toBeUndefined();
      await waitFor(() => queue.$items.get().every((item) => item.state === 'done'), 'both uploads to finish', 10000);
      client.send('two screenshots', { attachments: queue.take() });
      await waitFor(() => client.$messages.get()[0]?.state === 'sent', 'the message with both files');
      expect(client.$messages.get()[0]!.attachments.map((a) => a.name).sort()).toEqual(['first.png', 'second.png']);

      const limited = uploads.replies.filter((r) => r.status === 429);
      expect(limited).toHaveLength(1);
      const next = proxy.requests.find((r) => r.method === 'POST' && r.url === '/v1/uploads' && r.at > limited[0]!.at)!;
      expect(next.at - limited[0]!.at).toBeGreaterThanOrEqual(limited[0]!.retryAfter * 1000 - 20);
      expect(seen.some((line) => line.includes(`${waiting.name}:waiting`))).toBe(true);
      expect(seen.some((line) => line.includes(':failed'))).toBe(false);
      figures.uploadRateLimit = { uploads: 2, answered429: limited.length, retryAfterSeconds: limited[0]!.retryAfter, retryAfterMs: next.at - limited[0]!.at };
    } finally {
      stop();
      queue.destroy();
      client.destroy();
      await proxy.close();
    }
  });
});

describe('size limits: 413 before anything is stored', () => {
  let server: ParleyServer;
  let visitor: Visitor;
  let conversationId: string;
  beforeAll(async () => {
    server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, limits: { rate: false, bodyBytes: 8 * 1024, uploadBytes: 96 * 1024 }, config: { uploads: { maxBytes: 64 * 1024 } } });
    visitor = await newVisitor(server);
    conversationId = await newConversation(server, visitor);
  });
  afterAll(() => server.close());

  it('refuses a chunked JSON body (no Content-Length) over the limit', async () => {
    const chunks = [`{"clientId":"${clientId()}","text":"`, 'x'.repeat(16 * 1024), '"}'];
    const body = new ReadableStream({ pull: (c) => (chunks.length ? c.enqueue(new TextEncoder().encode(chunks.shift()!)) : c.close()) });
    const res = await fetch(`${server.url}/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${visitor.token}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('refuses an upload over the multipart limit and over maxBytes, and the client gets a typed 413', async () => {
    const overBody = await upload(server, visitor.token, new Uint8Array(128 * 1024), 'big.bin');
    expect([overBody.status, overBody.body.code]).toEqual([413, 'payload_too_large']);
    const overConfig = await upload(server, visitor.token, 'a'.repeat(80 * 1024), 'notes.txt', 'text/plain');
    expect(overConfig.status).toBe(413);

    const client = createClient({ transport: createHttpTransport({ endpoint: server.url }), storage: createMemoryStorage(), onWarning: () => undefined });
    await client.start();
    const error = await client.upload(new Blob([new Uint8Array(128 * 1024)]), 'big.bin').catch((e: unknown) => e);
    expect(isHttpError(error) && [error.status, error.problemCode]).toEqual([413, 'payload_too_large']);
    client.destroy();
    const files = await call(server, 'GET', '/v1/conversations', { token: visitor.token });
    expect(files.status).toBe(200);
    figures.sizeLimits = { jsonLimitBytes: 8 * 1024, chunkedOverLimit: 413, uploadLimitBytes: 96 * 1024, uploadOverLimit: overBody.status, uploadOverMaxBytes: overConfig.status, clientError: 'HttpError 413 payload_too_large' };
  });
});

describe('every route is authorized', () => {
  let server: ParleyServer;
  let alice: Visitor;
  let bob: Visitor;
  let conversationId: string;
  let fileId: string;
  beforeAll(async () => {
    server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, limits: { rate: false } });
    alice = await newVisitor(server);
    bob = await newVisitor(server);
    conversationId = await newConversation(server, alice);
    fileId = (await upload(server, alice.token, makePng(4, 4), 'passport.png')).body.attachment.id;
    await call(server, 'POST', `/v1/conversations/${conversationId}/messages`, { token: alice.token, body: { clientId: clientId(), text: 'private', attachmentIds: [fileId] } });
  });
  afterAll(() => server.close());

  const operatorRoutes = (id: string, file: string): Array<[string, string, unknown?]> => [
    ['GET', '/v1/operator/conversations'],
    ['GET', `/v1/operator/conversations/${id}`],
    ['POST', `/v1/operator/conversations/${id}/messages`, { clientId: clientId(), text: 'spoofed agent' }],
    ['POST', `/v1/operator/conversations/${id}/status`, { status: 'resolved' }],
    ['POST', `/v1/operator/conversations/${id}/join`, {}],
    ['POST', `/v1/operator/conversations/${id}/typing`, { typing: true }],
    ['POST', `/v1/operator/conversations/${id}/read`, { seq: 1 }],
    ['GET', `/v1/operator/files/${file}`],
    ['GET', '/v1/operator/events'],
  ];
  const visitorRoutes = (id: string, file: string): Array<[string, string, unknown?]> => [
    ['GET', `/v1/conversations/${id}`],
    ['GET', `/v1/conversations/${id}/messages`],
    ['GET', `/v1/conversations/${id}/messages?after=0`],
    ['GET', `/v1/conversations/${id}/messages?before=2`],
    ['POST', `/v1/conversations/${id}/messages`, { clientId: clientId(), text: 'I am Alice' }],
    ['POST', `/v1/conversations/${id}/typing`, { typing: true }],
    ['POST', `/v1/conversations/${id}/read`, { seq: 1 }],
    ['POST', `/v1/conversations/${id}/rating`, { score: 1 }],
    ['POST', `/v1/conversations/${id}/reopen`],
    ['POST', `/v1/conversations/${id}/handoff`],
    ['GET', `/v1/files/${file}`],
  ];
  const sessionRoutes: Array<[string, string, unknown?]> = [
    ['GET', '/v1/conversations'],
    ['POST', '/v1/conversations', { clientId: clientId() }],
    ['PATCH', '/v1/session', { locale: 'ru' }],
    ['DELETE', '/v1/session'],
    ['POST', '/v1/context', { context: { url: 'https://example.com/' } }],
    ['GET', '/v1/events'],
  ];

  const status = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}${path}`, {
      method,
      signal: controller.signal,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    controller.abort();
    return res.status;
  };

  it('refuses the operator API without the operator key: none, a visitor token, a near miss', async () => {
    const nearMiss = server.operatorKey.slice(0, -1) + (server.operatorKey.endsWith('a') ? 'b' : 'a');
    let checked = 0;
    for (const [method, path, body] of operatorRoutes(conversationId, fileId)) {
      for (const token of [undefined, alice.token, nearMiss, `x${server.operatorKey}`]) {
        expect(await status(method, path, token, body), `${method} ${path}`).toBe(401);
        checked++;
      }
    }
    const upload = await fetch(`${server.url}/v1/operator/uploads`, { method: 'POST', headers: { Authorization: `Bearer ${alice.token}` }, body: new FormData() });
    expect(upload.status).toBe(401);
    figures.operatorRoutesRefused = checked + 1;
  });

  it('refuses another visitor, a made-up token and no token on every visitor route, storing nothing', async () => {
    let checked = 0;
    for (const [method, path, body] of visitorRoutes(conversationId, fileId)) {
      expect(await status(method, path, bob.token, body), `${method} ${path} as Bob`).toBe(403);
      expect(await status(method, path, server.operatorKey, body), `${method} ${path} with the operator key`).toBe(401);
      for (const token of [undefined, 'made-up-token']) expect(await status(method, path, token, body), `${method} ${path}`).toBe(401);
      checked += 4;
    }
    for (const [method, path, body] of sessionRoutes) {
      for (const token of [undefined, 'made-up-token', server.operatorKey]) expect(await status(method, path, token, body), `${method} ${path}`).toBe(401);
      checked += 3;
    }
    const history = await call(server, 'GET', `/v1/conversations/${conversationId}/messages`, { token: alice.token });
    expect(history.body.messages.map((m: { text: string }) => m.text)).toEqual(['private']);
    expect(history.body.messages.map((m: { author: { role: string } }) => m.author.role)).toEqual(['visitor']);
    const conversation = await call(server, 'GET', `/v1/conversations/${conversationId}`, { token: alice.token });
    expect(conversation.body.conversation.status).toBe('open');
    figures.visitorRoutesRefused = checked;
  });
});
