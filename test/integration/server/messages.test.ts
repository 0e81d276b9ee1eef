import { describe, expect, it } from 'vitest';
import { call, clientId, newConversation, newVisitor, send, useServer } from './helpers.js';
import type { Visitor } from './helpers.js';

describe('messages', () => {
  const server = useServer();

  async function history(visitor: Visitor, conversationId: string, query = '') {
    const res = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages${query}`, {
      token: visitor.token,
    });
    expect(res.status).toBe(200);
    return res.body as { messages: Array<{ id: string; seq: number; text: string }>; prevCursor: string | null; hasMore: boolean };
  }

  it('stores a send once per clientId and answers the repeat with the original', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const id = clientId();
    const first = await send(server.current, visitor, conversationId, 'hello', id);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(first.body.message).toMatchObject({ clientId: id, seq: 1, text: 'hello', author: { role: 'visitor' } });

    const repeat = await send(server.current, visitor, conversationId, 'hello (edited in a retry)', id);
    expect(repeat.status).toBe(200);
    expect(repeat.body.duplicate).toBe(true);
    expect(repeat.body.message.id).toBe(first.body.message.id);
    expect(repeat.body.message.seq).toBe(1);
    expect(repeat.body.message.text).toBe('hello');

    const page = await history(visitor, conversationId);
    expect(page.messages).toHaveLength(1);
  });

  it('assigns seq 1..20 without gaps to 20 concurrent sends, and repeats of them store nothing', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const ids = Array.from({ length: 20 }, () => clientId('par'));
    const replies = await Promise.all(ids.map((id, i) => send(server.current, visitor, conversationId, `m${i}`, id)));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const seqs = replies.map((r) => r.body.message.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const repeats = await Promise.all(ids.map((id, i) => send(server.current, visitor, conversationId, `m${i}`, id)));
    expect(repeats.every((r) => r.status === 200 && r.body.duplicate)).toBe(true);
    const page = await history(visitor, conversationId);
    expect(page.messages.map((m) => m.seq)).toEqual(seqs);
    const conversation = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: visitor.token });
    expect(conversation.body.conversation.lastSeq).toBe(20);
  });

  it('pages back through 120 messages in 3 pages and syncs forward with after', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    for (let i = 1; i <= 120; i++) {
      const res = await send(server.current, visitor, conversationId, `message ${i}`);
      expect(res.status).toBe(201);
    }

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=50' : `?limit=50&before=${cursor}`;
      const page = await history(visitor, conversationId, query);
      pages += 1;
      const seqs = page.messages.map((m) => m.seq);
      // Each page is oldest first and strictly older than everything seen so far.
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      if (seen.length > 0) expect(Math.max(...seqs)).toBeLessThan(Math.min(...seen));
      seen.push(...seqs);
      cursor = page.prevCursor;
    } while (cursor !== null && pages < 10);

    expect(pages).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));

    const newer = await history(visitor, conversationId, '?after=100');
    expect(newer.messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
    expect(newer.hasMore).toBe(false);
    const partial = await history(visitor, conversationId, '?after=100&limit=5');
    expect(partial.messages.map((m) => m.seq)).toEqual([101, 102, 103, 104, 105]);
    expect(partial.hasMore).toBe(true);
    const none = await history(visitor, conversationId, '?after=120');
    expect(none.messages).toEqual([]);
    expect(none.hasMore).toBe(false);
  });

  it('refuses bad paging queries with invalid_query', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    for (const query of ['?limit=0', '?limit=201', '?after=-1', '?before=abc', '?after=1&before=5']) {
      const res = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages${query}`, {
        token: visitor.token,
      });
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('invalid_query');
    }
  });

  it('answers 400 invalid_body with zod issues for bad bodies and stores nothing', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    await send(server.current, visitor, conversationId, 'the only message');
    const path = `/v1/conversations/${conversationId}/messages`;

    const bad: Array<{ name: string; body?: unknown; raw?: string }> = [
      { name: 'missing clientId', body: { text: 'hi' } },
      { name: 'text too long', body: { clientId: clientId(), text: 'x'.repeat(10_001) } },
      { name: 'text of the wrong type', body: { clientId: clientId(), text: 42 } },
      { name: 'clientId with bad characters', body: { clientId: 'has spaces in it', text: 'hi' } },
      { name: 'attachmentIds not an array', body: { clientId: clientId(), text: 'hi', attachmentIds: 'f_1' } },
      { name: 'invalid JSON', raw: '{"clientId": "abcdefgh", "text": ' },
      { name: 'empty body', raw: '' },
      { name: 'a JSON array', raw: '[]' },
      { name: 'empty message', body: { clientId: clientId(), text: '   ' } },
    ];
    for (const attempt of bad) {
      const res = await call(server.current, 'POST', path, { token: visitor.token, body: attempt.body, raw: attempt.raw });
      expect(res.status, attempt.name).toBe(400);
      expect(res.body.code, attempt.name).toBe('invalid_body');
      expect(typeof res.body.message).toBe('string');
    }
    const withIssues = await call(server.current, 'POST', path, { token: visitor.token, body: { text: 5 } });
    expect(Array.isArray(withIssues.body.details)).toBe(true);
    expect(withIssues.body.details.map((i: { path: string[] }) => i.path[0])).toEqual(
      expect.arrayContaining(['clientId', 'text']),
    );

    const page = await history(visitor, conversationId);
    expect(page.messages.map((m) => m.text)).toEqual(['the only message']);
    const conversation = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: visitor.token });
    expect(conversation.body.conversation.lastSeq).toBe(1);
  });

  it('creates a conversation once per clientId', async () => {
    const visitor = await newVisitor(server.current);
    const id = clientId('conv');
    const first = await call(server.current, 'POST', '/v1/conversations', { token: visitor.token, body: { clientId: id, topic: 'legal' } });
    const again = await call(server.current, 'POST', '/v1/conversations', { token: visitor.token, body: { clientId: id } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(first.body.conversation.id);
    expect(first.body.conversation).toMatchObject({ status: 'open', topic: 'legal', lastSeq: 0 });
    expect(first.body.conversation.ref).toMatch(/^PR-\d{4,}$/);
    const list = await call(server.current, 'GET', '/v1/conversations', { token: visitor.token });
    expect(list.body.conversations).toHaveLength(1);
  });

  it('records the page a message was sent from and shows it to the desk', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const context = { url: 'https://exchange.example/withdraw?asset=BTC', title: 'Withdraw BTC', locale: 'ru-RU' };
    const res = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: 'my withdrawal is stuck', context },
    });
    expect(res.body.message.context).toEqual(context);
    const nav = { url: 'https://exchange.example/history', title: 'History' };
    expect((await call(server.current, 'POST', '/v1/context', { token: visitor.token, body: { context: nav } })).status).toBe(204);

    const detail = await call(server.current, 'GET', `/v1/operator/conversations/${conversationId}`, {
      token: server.current.operatorKey,
    });
    expect(detail.body.pages.map((p: { context: { url: string } }) => p.context.url)).toEqual([context.url, nav.url]);
    expect(detail.body.conversation.lastContext.url).toBe(nav.url);
    expect(detail.body.messages[0].context).toEqual(context);
  });
});
