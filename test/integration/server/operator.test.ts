import { describe, expect, it } from 'vitest';
import { call, clientId, newConversation, newVisitor, openStream, send, useServer } from './helpers.js';
import type { SseFrame } from './helpers.js';

const parse = (frame: SseFrame | undefined) => JSON.parse(frame?.data ?? '{}');

describe('operator API', () => {
  const server = useServer();
  const op = <T = any>(method: string, path: string, body?: unknown) =>
    call<T>(server.current, method, `/v1/operator${path}`, { token: server.current.operatorKey, body });

  it('resolving emits status, a system message and rating.requested; the visitor rates', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    await send(server.current, visitor, conversationId, 'how do I withdraw?');
    const stream = await openStream(`${server.current.url}/v1/events`, visitor.token);

    const early = await call(server.current, 'POST', `/v1/conversations/${conversationId}/rating`, {
      token: visitor.token,
      body: { score: 5 },
    });
    expect(early.status).toBe(409);

    const resolved = await op('POST', `/conversations/${conversationId}/status`, { status: 'resolved' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.conversation).toMatchObject({ status: 'resolved', ratingRequested: true });

    const events = await stream.waitFor((all) => all.some((e) => e.event === 'rating.requested'));
    expect(events.map((e) => e.event)).toEqual(['conversation.status', 'message.created', 'rating.requested']);
    expect(parse(events[0])).toMatchObject({ status: 'resolved', conversation: { status: 'resolved' } });
    expect(parse(events[1]).message).toMatchObject({ author: { role: 'system' }, system: { kind: 'conversation.resolved' } });

    const rated = await call(server.current, 'POST', `/v1/conversations/${conversationId}/rating`, {
      token: visitor.token,
      body: { score: 4, comment: 'quick and clear' },
    });
    expect(rated.status).toBe(200);
    expect(rated.body.conversation.rating).toEqual({ score: 4, comment: 'quick and clear' });
    const after = await stream.waitFor((all) => all.some((e) => e.event === 'rating.submitted'));
    expect(parse(after.find((e) => e.event === 'rating.submitted')).rating).toEqual({ score: 4, comment: 'quick and clear' });

    const badScore = await call(server.current, 'POST', `/v1/conversations/${conversationId}/rating`, {
      token: visitor.token,
      body: { score: 6 },
    });
    expect(badScore.status).toBe(400);
    await stream.close();

    const detail = await op('GET', `/conversations/${conversationId}`);
    expect(detail.body.conversation.rating).toEqual({ score: 4, comment: 'quick and clear' });
    expect(detail.body.messages.map((m: { system?: { kind: string } }) => m.system?.kind ?? 'text')).toEqual([
      'text',
      'conversation.resolved',
      'rating.submitted',
    ]);
  });

  it('an agent’s first reply joins the conversation; later replies do not rejoin', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const stream = await openStream(`${server.current.url}/v1/events`, visitor.token);
    const reply = (text: string, id = clientId()) =>
      op('POST', `/conversations/${conversationId}/messages`, { clientId: id, text, authorName: 'Anna' });

    const first = await reply('Hello, I am Anna');
    expect(first.status).toBe(201);
    expect(first.body.message.author).toMatchObject({ role: 'agent', name: 'Anna' });
    const id = clientId();
    await reply('Let me check', id);
    const repeat = await reply('Let me check', id);
    expect(repeat.status).toBe(200);
    expect(repeat.body.duplicate).toBe(true);

    const events = await stream.waitFor((all) => created(all).length === 3);
    expect(events.map((e) => e.event)).toEqual(['agent.joined', 'message.created', 'message.created', 'message.created']);
    expect(parse(events[0]).agent).toMatchObject({ role: 'agent', name: 'Anna' });
    expect(parse(events[1]).message.system).toEqual({ kind: 'agent.joined', name: 'Anna' });

    const conversation = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: visitor.token });
    expect(conversation.body.conversation).toMatchObject({ handler: 'human', assignee: { name: 'Anna' }, lastSeq: 3 });
    await stream.close();
  });

  it('an explicit join announces the agent before any reply', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const joined = await op('POST', `/conversations/${conversationId}/join`, { authorName: 'Boris' });
    expect(joined.body.conversation.assignee).toMatchObject({ name: 'Boris' });
    const again = await op('POST', `/conversations/${conversationId}/join`, { authorName: 'Boris' });
    expect(again.body.conversation.lastSeq).toBe(1);
  });

  it('a visitor’s message reopens a resolved conversation', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    await op('POST', `/conversations/${conversationId}/status`, { status: 'resolved' });
    const stream = await openStream(`${server.current.url}/v1/events`, visitor.token);
    const sent = await send(server.current, visitor, conversationId, 'one more thing');
    expect(sent.status).toBe(201);
    const events = await stream.waitFor((all) => created(all).length === 2);
    expect(events.map((e) => e.event)).toEqual(['conversation.status', 'message.created', 'message.created']);
    expect(parse(events[0]).status).toBe('open');
    expect(parse(events[1]).message.system.kind).toBe('conversation.reopened');
    const conversation = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: visitor.token });
    expect(conversation.body.conversation).toMatchObject({ status: 'open', rating: null, ratingRequested: false });
    await stream.close();
  });

  it('reopen and handoff from the visitor', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    await op('POST', `/conversations/${conversationId}/status`, { status: 'resolved' });
    const handoffWhileResolved = await call(server.current, 'POST', `/v1/conversations/${conversationId}/handoff`, {
      token: visitor.token,
    });
    expect(handoffWhileResolved.status).toBe(409);
    expect(handoffWhileResolved.body.code).toBe('conversation_resolved');
    const reopened = await call(server.current, 'POST', `/v1/conversations/${conversationId}/reopen`, { token: visitor.token });
    expect(reopened.body.conversation.status).toBe('open');
    const handoff = await call(server.current, 'POST', `/v1/conversations/${conversationId}/handoff`, { token: visitor.token });
    expect(handoff.status).toBe(200);
    expect(handoff.body.conversation.handler).toBe('human');
  });

  it('shows the desk the article the visitor read before "Still need help?", titled from the knowledge base', async () => {
    const visitor = await newVisitor(server.current);
    const start = async (body: Record<string, unknown>) => {
      const res = await call(server.current, 'POST', '/v1/conversations', {
        token: visitor.token,
        body: { clientId: clientId('conv'), ...body },
      });
      expect(res.status).toBe(201);
      return res.body.conversation.id as string;
    };
    const fromArticle = await start({ articleId: 'deposit-not-arriving', locale: 'en' });
    const inRussian = await start({ articleId: 'deposit-not-arriving', locale: 'ru' });
    const gone = await start({ articleId: 'no-such-article', locale: 'en' });
    const plain = await start({ locale: 'en' });

    const detail = await op('GET', `/conversations/${fromArticle}`);
    expect(detail.status).toBe(200);
    expect(detail.body.conversation.article).toEqual({ id: 'deposit-not-arriving', title: 'My deposit has not arrived' });
    expect((await op('GET', `/conversations/${inRussian}`)).body.conversation.article).toEqual({
      id: 'deposit-not-arriving',
      title: 'Не пришёл депозит',
    });
    // An article since removed from the knowledge base still shows which one it was.
    expect((await op('GET', `/conversations/${gone}`)).body.conversation.article).toEqual({ id: 'no-such-article', title: null });
    expect((await op('GET', `/conversations/${plain}`)).body.conversation.article).toBeNull();

    const list = await op('GET', '/conversations');
    const listed = list.body.conversations.find((c: { id: string }) => c.id === fromArticle);
    expect(listed.article).toEqual({ id: 'deposit-not-arriving', title: 'My deposit has not arrived' });
  });

  it('lists unresolved conversations first, filters by status and shows the visitor', async () => {
    const visitor = await newVisitor(server.current);
    await call(server.current, 'PATCH', '/v1/session', { token: visitor.token, body: { locale: 'uk' } });
    const open = await newConversation(server.current, visitor);
    const done = await newConversation(server.current, visitor);
    await op('POST', `/conversations/${done}/status`, { status: 'resolved' });
    await send(server.current, visitor, open, 'still here');

    const list = await op('GET', '/conversations');
    const statuses = list.body.conversations.map((c: { status: string }) => c.status);
    expect(statuses.indexOf('resolved')).toBeGreaterThan(statuses.lastIndexOf('open'));
    const mine = list.body.conversations.find((c: { id: string }) => c.id === open);
    expect(mine).toMatchObject({ visitor: { id: visitor.visitorId, locale: 'uk' }, lastMessagePreview: 'still here' });

    const resolvedOnly = await op('GET', '/conversations?status=resolved');
    expect(resolvedOnly.body.conversations.every((c: { status: string }) => c.status === 'resolved')).toBe(true);
    expect((await op('GET', '/conversations?status=closed')).status).toBe(400);
    expect((await op('GET', '/conversations/c_missing')).status).toBe(404);
    expect((await op('POST', `/conversations/${open}/status`, { status: 'archived' })).status).toBe(400);
  });
});

function created(events: SseFrame[]) {
  return events.filter((e) => e.event === 'message.created');
}
