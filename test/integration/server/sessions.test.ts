import { describe, expect, it } from 'vitest';
import { signIdentity } from '../../../src/server/index.js';
import { call, newConversation, newVisitor, useServer } from './helpers.js';

const SECRET = 'test-identity-secret';
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

function identity(userId: string, expires = inAnHour(), secret = SECRET) {
  return { userId, expires, signature: signIdentity(secret, userId, expires) };
}

describe('sessions', () => {
  const server = useServer({ identitySecret: SECRET });

  it('creates an anonymous session with a bearer token and no conversation', async () => {
    const res = await call(server.current, 'POST', '/v1/sessions', { body: { locale: 'ru' } });
    expect(res.status).toBe(201);
    expect(res.body.resumed).toBe(false);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.session.locale).toBe('ru');
    expect(res.body.conversation).toBeNull();
  });

  it('accepts an empty body', async () => {
    const res = await fetch(`${server.current.url}/v1/sessions`, { method: 'POST' });
    expect(res.status).toBe(201);
  });

  it('resumes a live session from its bearer token and lands in the open conversation', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const res = await call(server.current, 'POST', '/v1/sessions', { token: visitor.token, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.resumed).toBe(true);
    expect(res.body.token).toBe(visitor.token);
    expect(res.body.session.visitorId).toBe(visitor.visitorId);
    expect(res.body.conversation.id).toBe(conversationId);
  });

  it('starts a new session for an unknown or ended token', async () => {
    const visitor = await newVisitor(server.current);
    expect((await call(server.current, 'DELETE', '/v1/session', { token: visitor.token })).status).toBe(204);
    const afterEnd = await call(server.current, 'GET', '/v1/conversations', { token: visitor.token });
    expect(afterEnd.status).toBe(401);
    expect(afterEnd.body.code).toBe('unauthorized');

    const res = await call(server.current, 'POST', '/v1/sessions', { token: visitor.token, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.resumed).toBe(false);
    expect(res.body.session.visitorId).not.toBe(visitor.visitorId);
  });

  it('updates locale, name and email with PATCH /v1/session', async () => {
    const visitor = await newVisitor(server.current);
    const res = await call(server.current, 'PATCH', '/v1/session', {
      token: visitor.token,
      body: { locale: 'de', email: 'ada@example.com' },
    });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ locale: 'de', email: 'ada@example.com' });
    const bad = await call(server.current, 'PATCH', '/v1/session', { token: visitor.token, body: { email: 'nope' } });
    expect(bad.status).toBe(400);
  });

  it('links a valid identity and shows the user their conversations from another device', async () => {
    const laptop = await call(server.current, 'POST', '/v1/sessions', { body: { identity: identity('user-1') } });
    expect(laptop.status).toBe(201);
    expect(laptop.body.session.userId).toBe('user-1');
    const token = laptop.body.token as string;
    const conversationId = await newConversation(server.current, { token, visitorId: laptop.body.session.visitorId });

    const phone = await call(server.current, 'POST', '/v1/sessions', { body: { identity: identity('user-1') } });
    expect(phone.body.session.visitorId).not.toBe(laptop.body.session.visitorId);
    expect(phone.body.conversation?.id).toBe(conversationId);
    const list = await call(server.current, 'GET', '/v1/conversations', { token: phone.body.token });
    expect(list.body.conversations.map((c: { id: string }) => c.id)).toContain(conversationId);

    const stranger = await newVisitor(server.current);
    const denied = await call(server.current, 'GET', `/v1/conversations/${conversationId}`, { token: stranger.token });
    expect(denied.status).toBe(403);
  });

  it('links an anonymous session when the visitor signs in later', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const signIn = await call(server.current, 'POST', '/v1/sessions', {
      token: visitor.token,
      body: { identity: identity('user-2') },
    });
    expect(signIn.body.resumed).toBe(true);
    expect(signIn.body.session.userId).toBe('user-2');
    const other = await call(server.current, 'POST', '/v1/sessions', { body: { identity: identity('user-2') } });
    expect(other.body.conversation?.id).toBe(conversationId);
  });

  it('gives a different user on the same browser a fresh visitor', async () => {
    const first = await call(server.current, 'POST', '/v1/sessions', { body: { identity: identity('user-3') } });
    await newConversation(server.current, { token: first.body.token, visitorId: first.body.session.visitorId });
    const second = await call(server.current, 'POST', '/v1/sessions', {
      token: first.body.token,
      body: { identity: identity('user-4') },
    });
    expect(second.status).toBe(201);
    expect(second.body.resumed).toBe(false);
    expect(second.body.session.visitorId).not.toBe(first.body.session.visitorId);
    expect(second.body.conversation).toBeNull();
  });

  it('refuses a forged signature with 401 identity_invalid and stores nothing', async () => {
    const forged = identity('user-1', inAnHour(), 'not-the-secret');
    const res = await call(server.current, 'POST', '/v1/sessions', { body: { identity: forged } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('identity_invalid');
    expect(res.body.token).toBeUndefined();
  });

  it('refuses a signature made for another user id', async () => {
    const valid = identity('user-9');
    const res = await call(server.current, 'POST', '/v1/sessions', {
      body: { identity: { ...valid, userId: 'user-1' } },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('identity_invalid');
  });

  it('refuses an expired identity with 401 identity_expired', async () => {
    const expired = identity('user-1', Math.floor(Date.now() / 1000) - 10);
    const res = await call(server.current, 'POST', '/v1/sessions', { body: { identity: expired } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('identity_expired');
  });

  it('does not change a resumed session when its identity is refused', async () => {
    const visitor = await newVisitor(server.current);
    const forged = identity('user-1', inAnHour(), 'wrong');
    const res = await call(server.current, 'POST', '/v1/sessions', { token: visitor.token, body: { identity: forged } });
    expect(res.status).toBe(401);
    const again = await call(server.current, 'POST', '/v1/sessions', { token: visitor.token, body: {} });
    expect(again.body.session.userId).toBeNull();
  });
});

describe('sessions without an identity secret', () => {
  const server = useServer({ identitySecret: null });

  it('refuses every identity claim, even one signed with a guessed secret', async () => {
    for (const secret of ['', 'secret', SECRET]) {
      const res = await call(server.current, 'POST', '/v1/sessions', {
        body: { identity: identity('admin', inAnHour(), secret || 'x') },
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('identity_invalid');
    }
  });

  it('refuses an unsigned claim as an invalid body', async () => {
    const res = await call(server.current, 'POST', '/v1/sessions', {
      body: { identity: { userId: 'admin', expires: inAnHour() } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_body');
  });
});
