import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, createParleyServer } from '../../../src/server/index.js';
import { call, clientId, newConversation, newVisitor, useServer } from './helpers.js';

describe('HTTP conventions', () => {
  const server = useServer();
  const origin = 'https://shop.example';

  it('answers CORS preflights for visitor routes from any origin', async () => {
    const res = await fetch(`${server.current.url}/v1/conversations/c_1/messages`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,PATCH,DELETE');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization,Content-Type,Last-Event-ID');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('adds CORS headers to answers and errors, exposing Retry-After', async () => {
    const ok = await fetch(`${server.current.url}/v1/config`, { headers: { Origin: origin } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(ok.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
    const denied = await fetch(`${server.current.url}/v1/conversations`, { headers: { Origin: origin } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    const visitor = await newVisitor(server.current);
    const controller = new AbortController();
    const stream = await fetch(`${server.current.url}/v1/events`, {
      headers: { Origin: origin, Authorization: `Bearer ${visitor.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    controller.abort();
  });

  it('keeps the operator API same-origin', async () => {
    const res = await fetch(`${server.current.url}/v1/operator/conversations`, {
      headers: { Origin: origin, Authorization: `Bearer ${server.current.operatorKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers the knowledge base (the demo kb/ by default) for sessions only', async () => {
    const visitor = await newVisitor(server.current);
    expect((await call(server.current, 'GET', '/v1/kb/search?q=fees')).status).toBe(401);
    const search = await call(server.current, 'GET', '/v1/kb/search?q=fees&locale=en', { token: visitor.token });
    expect(search.body.articles[0]).toMatchObject({ id: 'trading-fees', locale: 'en' });
    const article = await call(server.current, 'GET', '/v1/kb/articles/fees', { token: visitor.token });
    expect(article.status).toBe(404);
  });

  it('answers unknown routes with a not_found problem', async () => {
    const res = await call(server.current, 'GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
  });

  it('refuses JSON bodies over the limit with 413 and stores nothing', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const res = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: 'x', padding: 'y'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    const history = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages`, { token: visitor.token });
    expect(history.body.messages).toEqual([]);
  });

  it('serves the widget config for the crypto desk', async () => {
    const res = await call(server.current, 'GET', '/v1/config?locale=ru');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      protocol: 1,
      brand: { name: 'Parley Support' },
      availability: { online: true, alwaysOpen: true, timeZone: 'Europe/Moscow', replyTimeMinutes: 3 },
      uploads: { maxBytes: 10 * 1024 * 1024, maxFiles: 5 },
      features: { bot: false, knowledgeBase: true, attachments: true, ratings: true },
      channels: { telegram: null, email: 'support@example.com' },
    });
    expect(res.body.greeting.ru).toBeTruthy();
    expect(res.body.topics.map((t: { id: string }) => t.id)).toEqual(['how-it-works', 'procedure', 'legal', 'technical']);
    expect(Object.keys(res.body.topics[0].label).sort()).toEqual(['ar', 'de', 'en', 'es', 'ru', 'uk']);
    expect(res.body.notices[0]).toMatchObject({ id: 'never-ask-seed', dismissible: true });
    expect((await call(server.current, 'GET', '/v1/config?locale=not a locale')).status).toBe(400);
  });

  it('serves the console page under a strict CSP', async () => {
    const res = await fetch(`${server.current.url}/console`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script src="/console/app.js" defer></script>');
    expect(html).not.toMatch(/<script>|style=|<style/);
    const css = await fetch(`${server.current.url}/console/app.css`);
    expect(css.headers.get('Content-Type')).toMatch(/^text\/css/);
  });
});

describe('business hours', () => {
  // Monday 2025-06-02 12:00 in Moscow (UTC+3) is 09:00 UTC.
  let clock = new Date('2025-06-02T09:00:00Z');
  const server = useServer({ config: { availability: { alwaysOpen: false } }, now: () => clock });

  it('is online inside business hours', async () => {
    clock = new Date('2025-06-02T09:00:00Z');
    const res = await call(server.current, 'GET', '/v1/config');
    expect(res.body.availability).toMatchObject({ online: true, nextOpenAt: null });
  });

  it('is offline after hours and names the next opening in UTC', async () => {
    clock = new Date('2025-06-02T19:30:00Z'); // Monday 22:30 in Moscow
    const res = await call(server.current, 'GET', '/v1/config');
    expect(res.body.availability).toMatchObject({ online: false, nextOpenAt: '2025-06-03T06:00:00.000Z' });
  });

  it('skips the weekend', async () => {
    clock = new Date('2025-06-06T18:00:00Z'); // Friday 21:00 in Moscow: just closed
    const res = await call(server.current, 'GET', '/v1/config');
    expect(res.body.availability).toMatchObject({ online: false, nextOpenAt: '2025-06-09T06:00:00.000Z' });
  });
});

describe('rate limits', () => {
  const server = useServer({ limits: { rate: { messages: { burst: 2, perMinute: 1 } } } });

  it('answers 429 rate_limited with Retry-After once the burst is spent', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const path = `/v1/conversations/${conversationId}/messages`;
    const sendOne = () => call(server.current, 'POST', path, { token: visitor.token, body: { clientId: clientId(), text: 'hi' } });
    expect((await sendOne()).status).toBe(201);
    expect((await sendOne()).status).toBe(201);
    const limited = await sendOne();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('failures', () => {
  it('rejects when the port is taken, and leaves the first server working', async () => {
    const first = await createParleyServer({ port: 0, database: ':memory:', quiet: true });
    try {
      await expect(createParleyServer({ port: first.port, database: ':memory:', quiet: true })).rejects.toThrow(/EADDRINUSE/);
      expect((await fetch(`${first.url}/v1/config`)).status).toBe(200);
    } finally {
      await first.close();
    }
  });

  it('answers 500 internal without leaking details', async () => {
    const parley = await createApp({ database: ':memory:', quiet: true });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      parley.db.close();
      const res = await parley.app.request('/v1/sessions', { method: 'POST', body: '{}' });
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body).toEqual({ code: 'internal', message: 'internal server error' });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
      await parley.close().catch(() => undefined);
    }
  });

  it('serves the built console script, or 503 naming the fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-console-'));
    const script = join(dir, 'console.js');
    const parley = await createApp({ database: ':memory:', quiet: true, consoleScript: script });
    try {
      const missing = await parley.app.request('/console/app.js');
      expect(missing.status).toBe(503);
      expect(await missing.text()).toContain('npm run build');
      await writeFile(script, 'console.log("console")');
      const built = await parley.app.request('/console/app.js');
      expect(built.status).toBe(200);
      expect(built.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    } finally {
      await parley.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
