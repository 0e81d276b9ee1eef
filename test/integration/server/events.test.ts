import { describe, expect, it } from 'vitest';
import { createParleyServer, signIdentity } from '../../../src/server/index.js';
import { call, clientId, newConversation, newVisitor, openStream, send, useServer } from './helpers.js';
import type { SseFrame } from './helpers.js';

const created = (events: SseFrame[]) => events.filter((e) => e.event === 'message.created');
const texts = (events: SseFrame[]) => created(events).map((e) => JSON.parse(e.data ?? '{}').message.text as string);

describe('live events', () => {
  const server = useServer({ pingIntervalMs: 100 });
  const eventsUrl = () => `${server.current.url}/v1/events`;

  it('opens with retry, sends id/event/data frames and pings', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const stream = await openStream(eventsUrl(), visitor.token);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    await send(server.current, visitor, conversationId, 'hello');
    const [event] = await stream.waitFor((events) => created(events).length === 1);
    expect(stream.frames[0]).toEqual({ retry: 2000 });
    expect(event?.id).toMatch(/^\d+$/);
    const data = JSON.parse(event?.data ?? '{}');
    expect(data).toMatchObject({ type: 'message.created', conversationId, message: { text: 'hello', seq: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stream.frames.some((f) => f.comment === 'ping')).toBe(true);
    await stream.close();
  });

  it('fans every event out to every open stream (tab) of a visitor', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const tab1 = await openStream(eventsUrl(), visitor.token);
    const tab2 = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, conversationId, 'from tab 1');
    const [a, b] = await Promise.all([
      tab1.waitFor((events) => created(events).length === 1),
      tab2.waitFor((events) => created(events).length === 1),
    ]);
    expect(texts(a)).toEqual(['from tab 1']);
    expect(texts(b)).toEqual(['from tab 1']);
    expect(created(a)[0]?.id).toBe(created(b)[0]?.id);
    await Promise.all([tab1.close(), tab2.close()]);
  });

  it('replays exactly the missed events after Last-Event-ID, then continues live', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const first = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, conversationId, 'one');
    await send(server.current, visitor, conversationId, 'two');
    const seen = await first.waitFor((events) => created(events).length === 2);
    const lastId = created(seen)[1]?.id as string;
    await first.close();

    for (const text of ['three', 'four', 'five']) await send(server.current, visitor, conversationId, text);

    const resumed = await openStream(eventsUrl(), visitor.token, lastId);
    const replayed = await resumed.waitFor((events) => created(events).length === 3);
    expect(texts(replayed)).toEqual(['three', 'four', 'five']);
    await send(server.current, visitor, conversationId, 'six');
    const all = await resumed.waitFor((events) => created(events).length === 4);
    expect(texts(all)).toEqual(['three', 'four', 'five', 'six']);
    const ids = all.filter((e) => e.id).map((e) => Number(e.id));
    expect(ids.every((id) => id > Number(lastId))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    await resumed.close();
  });

  it('sends visitor typing to the desk only, and agent typing to the visitor without an id', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const own = await openStream(eventsUrl(), visitor.token);
    const desk = await openStream(`${server.current.url}/v1/operator/events`, server.current.operatorKey);

    await call(server.current, 'POST', `/v1/conversations/${conversationId}/typing`, { token: visitor.token, body: { typing: true } });
    const deskEvents = await desk.waitFor((events) => events.some((e) => e.event === 'typing' && e.data?.includes(conversationId)));
    const typing = deskEvents.find((e) => e.event === 'typing' && e.data?.includes(conversationId));
    expect(typing?.id).toBeUndefined();
    expect(JSON.parse(typing?.data ?? '{}')).toMatchObject({ typing: true, author: { role: 'visitor' } });

    await call(server.current, 'POST', `/v1/operator/conversations/${conversationId}/typing`, {
      token: server.current.operatorKey,
      body: { typing: true },
    });
    const visitorEvents = await own.waitFor((events) => events.some((e) => e.event === 'typing'));
    const typingFrames = visitorEvents.filter((e) => e.event === 'typing');
    expect(typingFrames).toHaveLength(1);
    expect(JSON.parse(typingFrames[0]?.data ?? '{}').author.role).toBe('agent');
    expect(typingFrames[0]?.id).toBeUndefined();
    await Promise.all([own.close(), desk.close()]);
  });

  it('delivers read receipts to the other side', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const own = await openStream(eventsUrl(), visitor.token);
    const desk = await openStream(`${server.current.url}/v1/operator/events`, server.current.operatorKey);
    await send(server.current, visitor, conversationId, 'question');
    await call(server.current, 'POST', `/v1/operator/conversations/${conversationId}/messages`, {
      token: server.current.operatorKey,
      body: { clientId: clientId(), text: 'answer', authorName: 'Anna' },
    });
    await call(server.current, 'POST', `/v1/operator/conversations/${conversationId}/read`, {
      token: server.current.operatorKey,
      body: { seq: 1 },
    });
    await call(server.current, 'POST', `/v1/conversations/${conversationId}/read`, { token: visitor.token, body: { seq: 3 } });

    const deskEvents = await desk.waitFor((events) => events.some((e) => e.event === 'read' && e.data?.includes('"visitor"')));
    const visitorRead = deskEvents.find((e) => e.event === 'read' && e.data?.includes('"visitor"'));
    expect(JSON.parse(visitorRead?.data ?? '{}')).toMatchObject({ conversationId, reader: 'visitor', seq: 3 });
    const conversation = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: visitor.token });
    expect(conversation.body.conversation.visitorReadSeq).toBe(3);
    // The agent's reply already marked everything up to it as read by the agent.
    expect(conversation.body.conversation.agentReadSeq).toBe(3);
    // The visitor never sees their own receipts echoed back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(own.events().some((e) => e.event === 'read' && e.data?.includes('"visitor"'))).toBe(false);
    await Promise.all([own.close(), desk.close()]);
  });

  it('gives the operator stream every visitor’s events, with replay', async () => {
    const a = await newVisitor(server.current);
    const b = await newVisitor(server.current);
    const desk = await openStream(`${server.current.url}/v1/operator/events`, server.current.operatorKey);
    const ca = await newConversation(server.current, a);
    const cb = await newConversation(server.current, b);
    await send(server.current, a, ca, 'from a');
    await send(server.current, b, cb, 'from b');
    const events = await desk.waitFor((all) => created(all).length === 2);
    expect(texts(events)).toEqual(['from a', 'from b']);
    const firstId = created(events)[0]?.id as string;
    await desk.close();
    const resumed = await openStream(`${server.current.url}/v1/operator/events`, server.current.operatorKey, firstId);
    const replay = await resumed.waitFor((all) => created(all).length === 1);
    expect(texts(replay)).toEqual(['from b']);
    await resumed.close();
  });

  it('ends the streams of a session that is deleted', async () => {
    const visitor = await newVisitor(server.current);
    const stream = await openStream(eventsUrl(), visitor.token);
    await call(server.current, 'DELETE', '/v1/session', { token: visitor.token });
    await expect(stream.waitFor(() => false, 2000)).rejects.toThrow(/stream ended/);
  });
});

describe('live events across devices of one user', () => {
  const secret = 'events-secret';
  const server = useServer({ identitySecret: secret });

  it('streams a conversation to every device signed in as its user', async () => {
    const expires = Math.floor(Date.now() / 1000) + 600;
    const identity = { userId: 'trader-7', expires, signature: signIdentity(secret, 'trader-7', expires) };
    const laptop = await newVisitor(server.current, { identity });
    const phone = await newVisitor(server.current, { identity });
    const conversationId = await newConversation(server.current, laptop);
    const phoneStream = await openStream(`${server.current.url}/v1/events`, phone.token);
    await send(server.current, laptop, conversationId, 'sent from the laptop');
    const events = await phoneStream.waitFor((all) => created(all).length === 1);
    expect(texts(events)).toEqual(['sent from the laptop']);
    await phoneStream.close();
  });
});

describe('closing the server', () => {
  it('ends open event streams and resolves', async () => {
    const server = await createParleyServer({ port: 0, database: ':memory:', quiet: true });
    const visitor = await newVisitor(server);
    const stream = await openStream(`${server.url}/v1/events`, visitor.token);
    const desk = await openStream(`${server.url}/v1/operator/events`, server.operatorKey);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(stream.waitFor(() => false, 2000)).rejects.toThrow(/stream ended/);
    await expect(desk.waitFor(() => false, 2000)).rejects.toThrow(/stream ended/);
    await expect(fetch(`${server.url}/v1/config`)).rejects.toThrow();
  });
});
