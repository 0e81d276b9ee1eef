import { beforeAll, describe, expect, it } from 'vitest';
import { call, clientId, newConversation, newVisitor, openStream, send, upload, useServer } from './helpers.js';
import type { Visitor } from './helpers.js';
import { makePng } from './fixtures.js';

describe('authorization between visitors', () => {
  const server = useServer();
  let alice: Visitor;
  let bob: Visitor;
  let conversationId: string;
  let fileUrl: string;

  beforeAll(async () => {
    alice = await newVisitor(server.current);
    bob = await newVisitor(server.current);
    conversationId = await newConversation(server.current, alice);
    const file = await upload(server.current, alice.token, makePng(4, 4), 'passport.png');
    fileUrl = file.body.attachment.url;
    await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: alice.token,
      body: { clientId: clientId(), text: 'my documents', attachmentIds: [file.body.attachment.id] },
    });
  });

  it('hides the conversation from another visitor', async () => {
    const res = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: bob.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const list = await call(server.current, 'GET', '/v1/conversations', { token: bob.token });
    expect(list.body.conversations).toEqual([]);
  });

  it('hides the messages and refuses writes from another visitor, storing nothing', async () => {
    const read = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages`, { token: bob.token });
    expect(read.status).toBe(403);
    const write = await send(server.current, bob, conversationId, 'I am Alice, honest');
    expect(write.status).toBe(403);
    for (const [path, body] of [
      ['typing', { typing: true }],
      ['read', { seq: 1 }],
      ['rating', { score: 1 }],
      ['reopen', undefined],
      ['handoff', undefined],
    ] as const) {
      const res = await call(server.current, 'POST', `/v1/conversations/${conversationId}/${path}`, {
        token: bob.token,
        body,
      });
      expect(res.status, path).toBe(403);
    }
    const history = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages`, { token: alice.token });
    expect(history.body.messages.map((m: { text: string }) => m.text)).toEqual(['my documents']);
  });

  it('refuses another visitor the files', async () => {
    const res = await fetch(`${server.current.url}${fileUrl}`, { headers: { Authorization: `Bearer ${bob.token}` } });
    expect(res.status).toBe(403);
    const own = await fetch(`${server.current.url}${fileUrl}`, { headers: { Authorization: `Bearer ${alice.token}` } });
    expect(own.status).toBe(200);
  });

  it('does not stream one visitor’s events to another', async () => {
    const bobStream = await openStream(`${server.current.url}/v1/events`, bob.token);
    const aliceStream = await openStream(`${server.current.url}/v1/events`, alice.token);
    await send(server.current, alice, conversationId, 'private');
    await aliceStream.waitFor((events) => events.some((e) => e.event === 'message.created'));
    // Bob's own event proves his stream is live and ordered after Alice's message.
    await newConversation(server.current, bob);
    const bobEvents = await bobStream.waitFor((events) => events.some((e) => e.event === 'conversation.created'));
    expect(bobEvents.map((e) => e.event)).toEqual(['conversation.created']);
    await Promise.all([bobStream.close(), aliceStream.close()]);
  });

  it('does not replay another visitor’s events with Last-Event-ID: 0', async () => {
    const stream = await openStream(`${server.current.url}/v1/events`, bob.token, '0');
    const bobsConversation = await newConversation(server.current, bob);
    const events = await stream.waitFor((all) => all.some((e) => e.data?.includes(bobsConversation)));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.data !== undefined && !e.data.includes(conversationId))).toBe(true);
    await stream.close();
  });

  it('requires a session for visitor routes and the operator key for operator routes', async () => {
    expect((await call(server.current, 'GET', '/v1/conversations')).status).toBe(401);
    expect((await call(server.current, 'GET', '/v1/conversations', { token: 'made-up-token' })).status).toBe(401);
    const withVisitorToken = await call(server.current, 'GET', '/v1/operator/conversations', { token: alice.token });
    expect(withVisitorToken.status).toBe(401);
    expect(withVisitorToken.body.code).toBe('unauthorized');
    const withOperatorKey = await call(server.current, 'GET', '/v1/conversations', { token: server.current.operatorKey });
    expect(withOperatorKey.status).toBe(401);
    const events = await fetch(`${server.current.url}/v1/operator/events`, { headers: { Authorization: `Bearer ${alice.token}` } });
    expect(events.status).toBe(401);
  });

  it('answers 404 for conversations that do not exist', async () => {
    const res = await call(server.current, 'GET', '/v1/conversations/c_missing', { token: alice.token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
