import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, createMemoryStorage, type ParleyClient } from '../../src/index.js';
import { createAcmeTransport } from '../../examples/custom-transport/acmeTransport.js';
import { waitFor } from '../support/waitFor.js';

// examples/custom-transport is the documented way to connect a non-Parley backend. It imports
// the package by name; the mock points that at the source, so the example runs against the same
// client as this test. (Vite still resolves the name through the exports map before mocking, so
// dist/ must exist, as it does in CI, which builds before the tests.)
vi.mock('parley-chat', async () => await import('../../src/index.js'));

interface Comment {
  id: number;
  ticket_id: number;
  position: number;
  from: 'customer' | 'staff' | 'automation';
  staff_name?: string;
  body: string;
  client_ref?: string;
  created: string;
}

/**
 * A fake "Acme Helpdesk": the REST API the example adapts, in memory. Staff answer every new
 * customer comment; answers reach the client only through the `/events` long poll.
 */
function createAcmeBackend() {
  const tickets: Array<{ id: number; state: 'open'; updated: string; last_position: number }> = [];
  const comments: Comment[] = [];
  const byIdempotencyKey = new Map<string, Comment>();
  const requests: string[] = [];
  let nextId = 100;
  const now = () => new Date('2025-03-01T10:00:00Z').toISOString();
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  const addComment = (ticketId: number, fields: Pick<Comment, 'from' | 'body'> & Partial<Comment>): Comment => {
    const ticket = tickets.find((t) => t.id === ticketId)!;
    ticket.last_position += 1;
    const comment: Comment = { id: nextId++, ticket_id: ticketId, position: ticket.last_position, created: now(), ...fields };
    comments.push(comment);
    return comment;
  };

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^\/api/, '');
    requests.push(`${method} ${path}`);
    const headers = new Headers(init.headers);
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (path !== '/customers/anonymous' && headers.get('Authorization') !== 'Token acme-token-1') return json({ error: 'unauthorized' }, 401);

    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/customers/anonymous') return json({ token: 'acme-token-1', customer_id: 7, open_ticket: null });
    if (method === 'GET' && path === '/tickets') return json(tickets);
    if (method === 'POST' && path === '/tickets') {
      const ticket = { id: tickets.length + 1, state: 'open' as const, updated: now(), last_position: 0 };
      tickets.push(ticket);
      return json(ticket);
    }
    if ((match = /^\/tickets\/(\d+)$/.exec(path)) && method === 'GET') return json(tickets.find((t) => t.id === Number(match![1])));
    if ((match = /^\/tickets\/(\d+)\/comments$/.exec(path))) {
      const ticketId = Number(match[1]);
      if (method === 'POST') {
        const key = headers.get('Idempotency-Key')!;
        const replay = byIdempotencyKey.get(key);
        if (replay) return json({ ...replay, replayed: true });
        const comment = addComment(ticketId, { from: 'customer', body: String(body.body), client_ref: String(body.client_ref) });
        byIdempotencyKey.set(key, comment);
        setTimeout(() => addComment(ticketId, { from: 'staff', staff_name: 'Dana', body: 'Order #1234 ships today.' }), 20);
        return json(comment);
      }
      const after = Number(url.searchParams.get('after_position') ?? 0);
      return json({ comments: comments.filter((c) => c.ticket_id === ticketId && c.position > after), more: false });
    }
    if (method === 'GET' && path === '/events') {
      // A short long poll: hold the request a moment, then answer with what is new.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const since = Number(url.searchParams.get('since'));
      const fresh = comments.filter((c) => c.id > since);
      return json({ cursor: String(fresh.at(-1)?.id ?? since), comments: fresh });
    }
    if (/^\/tickets\/\d+\/seen$/.test(path) || path === '/customers/me' || path === '/customers/me/page') return new Response(null, { status: 204 });
    return json({ error: `no route ${method} ${path}` }, 404);
  });

  return { fetch, comments, requests };
}

let client: ParleyClient | null = null;
afterEach(() => {
  client?.destroy();
  client = null;
  vi.unstubAllGlobals();
});

describe('examples/custom-transport (Acme Helpdesk adapter)', () => {
  it('drives the headless client against a non-Parley backend: the visitor sends and sees the reply', async () => {
    const acme = createAcmeBackend();
    // The example calls the global fetch with its base URL; the fake backend stands in for it.
    vi.stubGlobal('fetch', acme.fetch);
    client = createClient({ transport: createAcmeTransport('https://acme.test/api'), storage: createMemoryStorage(), onWarning: () => undefined });
    await client.start();
    expect(client.$session.get().status).toBe('ready');

    client.send('Where is my order?');
    await waitFor(() => client!.$messages.get().some((m) => m.author.role === 'agent'), 'the staff reply through the long poll');

    expect(client.$messages.get().map((m) => ({ role: m.author.role, name: m.author.name, text: m.text, seq: m.seq, state: m.state }))).toEqual([
      { role: 'visitor', name: undefined, text: 'Where is my order?', seq: 1, state: 'sent' },
      { role: 'agent', name: 'Dana', text: 'Order #1234 ships today.', seq: 2, state: 'sent' },
    ]);
    expect(client.$conversation.get()?.ref).toBe('ACME-1');
    // Stored once, under the client id as Acme's Idempotency-Key.
    const sent = acme.comments.filter((c) => c.from === 'customer');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.client_ref).toBe(client.$messages.get()[0]!.clientId);
    expect(acme.requests).toContain('POST /tickets/1/comments');
  });

  it('destroy() ends the pending long poll at once instead of leaving it open for up to 25 s', async () => {
    const acme = createAcmeBackend();
    // Acme holds /events open while nothing happens; as with the browser's fetch, only the
    // request's abort signal ends it early.
    const openPolls = new Set<AbortSignal | undefined>();
    const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
      if (new URL(String(input)).pathname !== '/api/events') return acme.fetch(input, init);
      openPolls.add(init.signal ?? undefined);
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => {
          openPolls.delete(init.signal!);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        }),
      );
    });
    vi.stubGlobal('fetch', fetch);
    client = createClient({ transport: createAcmeTransport('https://acme.test/api'), storage: createMemoryStorage(), onWarning: () => undefined });
    await client.start();
    await waitFor(() => openPolls.size === 1, 'the long poll to be open');

    client.destroy();
    client = null;

    expect(openPolls.size).toBe(0);
    // No new poll replaces it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openPolls.size).toBe(0);
    expect(fetch.mock.calls.filter(([input]) => String(input).includes('/events'))).toHaveLength(1);
  });
});
