import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerEventSchema } from '../../../src/core/protocol/index.js';
import type { Message, ServerEvent } from '../../../src/core/protocol/index.js';
import { runCli } from '../../../src/server/cli/runCli.js';
import { createParleyServer } from '../../../src/server/index.js';
import { call, clientId, newVisitor, openStream, send, useServer } from './helpers.js';
import type { SseFrame, Visitor } from './helpers.js';

const REPO_KB = fileURLToPath(new URL('../../../kb', import.meta.url));

const parse = (frame: SseFrame): ServerEvent => ServerEventSchema.parse(JSON.parse(frame.data ?? '{}'));
const of = (frames: SseFrame[], conversationId: string) =>
  frames.filter((f) => f.id !== undefined).map((f) => ({ id: f.id as string, event: parse(f) })).filter((e) => e.event.conversationId === conversationId);

/** The bot's reply in a conversation's events: its creation, its deltas and its final update. */
function botReply(frames: SseFrame[], conversationId: string) {
  const events = of(frames, conversationId).map((e) => e.event);
  const created = events.find((e) => e.type === 'message.created' && e.message.author.role === 'bot');
  const id = created?.type === 'message.created' ? created.message.id : null;
  const deltas = events.flatMap((e) => (e.type === 'message.delta' && e.messageId === id ? [e] : []));
  const updated = events.find((e) => e.type === 'message.updated' && e.message.id === id);
  return {
    created: created?.type === 'message.created' ? created.message : undefined,
    deltas,
    final: updated?.type === 'message.updated' ? updated.message : undefined,
  };
}

const replyDone = (conversationId: string) => (frames: SseFrame[]) => botReply(frames, conversationId).final !== undefined;

async function botConversation(server: { url: string } & Parameters<typeof call>[0], visitor: Visitor, locale?: string) {
  const res = await call(server, 'POST', '/v1/conversations', {
    token: visitor.token,
    body: { clientId: clientId('conv'), ...(locale ? { locale } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body.conversation as { id: string; handler: string };
}

async function history(server: Parameters<typeof call>[0], visitor: Visitor, conversationId: string): Promise<Message[]> {
  const res = await call(server, 'GET', `/v1/conversations/${conversationId}/messages`, { token: visitor.token });
  return res.body.messages;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('first-line bot', () => {
  const server = useServer({ bot: true, kbDir: REPO_KB, pingIntervalMs: 60_000 });
  const eventsUrl = () => `${server.current.url}/v1/events`;

  it('is announced in the config and takes new conversations', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.features).toMatchObject({ bot: true, knowledgeBase: true });
    const visitor = await newVisitor(server.current);
    const conversation = await botConversation(server.current, visitor);
    expect(conversation.handler).toBe('bot');
  });

  it('streams an answer from the knowledge base whose deltas add up to the final text', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    const sent = await send(server.current, visitor, id, 'Hi, my deposit has not arrived');
    expect(sent.status).toBe(201);

    // While it streams, history holds the text so far.
    await stream.waitFor((frames) => botReply(frames, id).deltas.length >= 2);
    const during = (await history(server.current, visitor, id)).find((m) => m.author.role === 'bot');
    expect(during?.streaming).toBe(true);

    const frames = await stream.waitFor(replyDone(id));
    await stream.close();
    const { created, deltas, final } = botReply(frames, id);
    expect(created).toMatchObject({ author: { role: 'bot', name: 'Assistant' }, text: '', streaming: true, seq: 2 });
    expect(deltas.length).toBeGreaterThan(3);
    let offset = 0;
    for (const delta of deltas) {
      expect(delta.offset).toBe(offset);
      offset += delta.delta.length;
    }
    expect(final?.streaming).toBe(false);
    expect(deltas.map((d) => d.delta).join('')).toBe(final?.text);
    expect(final?.text).toMatch(/^This article may help: \*\*My deposit has not arrived\*\*/);
    expect(final?.quickReplies).toEqual([
      { id: 'handoff', label: 'Talk to a person' },
      { id: 'resolved', label: 'That solved it' },
    ]);
    expect(final?.text.startsWith(during?.text ?? '∅')).toBe(true);

    // Event order: the question, then the reply's creation, deltas and update.
    const types = of(frames, id).map((e) => e.event.type);
    expect(types[0]).toBe('message.created');
    expect(types.at(-1)).toBe('message.updated');

    const stored = (await history(server.current, visitor, id)).find((m) => m.author.role === 'bot');
    expect(stored?.text).toBe(final?.text);
    expect(stored?.streaming).toBeUndefined();
    const conversation = await call(server.current, 'GET', `/v1/conversations/${id}`, { token: visitor.token });
    expect(conversation.body.conversation).toMatchObject({ handler: 'bot', lastSeq: 2 });
    expect(conversation.body.conversation.lastMessagePreview).toMatch(/^This article may help/);
  });

  it('resumes a stream cut mid-reply through Last-Event-ID without losing or repeating text', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const first = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'How do I reset 2FA? I lost my phone with the authenticator');
    const before = await first.waitFor((frames) => botReply(frames, id).deltas.length >= 2);
    await first.close();
    const seen = botReply(before, id);
    const lastId = before.filter((f) => f.id !== undefined).at(-1)?.id as string;
    expect(seen.final).toBeUndefined();

    const messageId = seen.created?.id;
    const resumed = await openStream(eventsUrl(), visitor.token, lastId);
    const after = await resumed.waitFor((frames) =>
      of(frames, id).some((e) => e.event.type === 'message.updated' && e.event.message.id === messageId),
    );
    await resumed.close();
    const events = of(after, id).map((e) => e.event);
    // The creation was seen before the cut; only what followed is replayed.
    expect(events.some((e) => e.type === 'message.created')).toBe(false);
    const rest = {
      deltas: events.flatMap((e) => (e.type === 'message.delta' && e.messageId === messageId ? [e] : [])),
      final: events.flatMap((e) => (e.type === 'message.updated' ? [e.message] : []))[0],
    };
    // Apply deltas as a client does: only at the current end of the text.
    let text = '';
    for (const delta of [...seen.deltas, ...rest.deltas]) {
      expect(delta.offset).toBe(text.length);
      text += delta.delta;
    }
    expect(text).toBe(rest.final?.text);
    expect(text).toContain('Lost access to your authenticator (2FA reset)');
    const ids = after.filter((f) => f.id !== undefined).map((f) => Number(f.id));
    expect(ids.every((n) => n > Number(lastId))).toBe(true);
  });

  it('answers in the conversation language', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'ru');
    const stream = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'Не пришли деньги на счёт, депозит USDT');
    const { final } = botReply(await stream.waitFor(replyDone(id)), id);
    await stream.close();
    expect(final?.text).toMatch(/^Возможно, поможет эта статья: \*\*Не пришёл депозит\*\*/);
    expect(final?.quickReplies).toEqual([
      { id: 'handoff', label: 'Позвать оператора' },
      { id: 'resolved', label: 'Вопрос решён' },
    ]);
  });

  it('says so when nothing matches and offers a person only', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'Hello there');
    const { final } = botReply(await stream.waitFor(replyDone(id)), id);
    await stream.close();
    expect(final?.text).toMatch(/couldn't find an article/);
    expect(final?.quickReplies).toEqual([{ id: 'handoff', label: 'Talk to a person' }]);
  });

  it('hands over to a person on the quick reply, then stays quiet', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    // The widget sends the page the visitor is on with each message.
    const page = {
      url: 'https://exchange.example/trade/BTC-USDT?type=market',
      title: 'Trade BTC/USDT',
      custom: { plan: 'pro', accountId: 'A-7731' },
    };
    const question = 'What are the trading fees for market orders?';
    const asked = await call(server.current, 'POST', `/v1/conversations/${id}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: question, context: page },
    });
    expect(asked.status).toBe(201);
    const answer = botReply(await stream.waitFor(replyDone(id)), id).final;
    expect(answer?.text).toMatch(/Trading, deposit and withdrawal fees/);

    const handoff = await call(server.current, 'POST', `/v1/conversations/${id}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: 'Talk to a person', quickReplyId: 'handoff' },
    });
    expect(handoff.status).toBe(201);

    // The agent who picks it up sees what was asked, what the bot answered, and where the visitor is.
    const desk = await call(server.current, 'GET', `/v1/operator/conversations/${id}`, { token: server.current.operatorKey });
    expect(desk.status).toBe(200);
    expect(desk.body.conversation).toMatchObject({ handler: 'human', lastContext: page });
    const exchange = desk.body.messages.map((m: Message) => ({ role: m.author.role, text: m.text, kind: m.system?.kind }));
    expect(exchange).toEqual([
      { role: 'visitor', text: question, kind: undefined },
      { role: 'bot', text: answer?.text, kind: undefined },
      { role: 'visitor', text: 'Talk to a person', kind: undefined },
      { role: 'system', text: expect.any(String), kind: 'handoff.requested' },
    ]);
    expect(desk.body.messages[0]).toMatchObject({ context: page });
    expect(desk.body.messages[1].streaming).toBeUndefined();
    expect(desk.body.pages.map((visit: { context: unknown }) => visit.context)).toContainEqual(page);
    const conversation = await call(server.current, 'GET', `/v1/conversations/${id}`, { token: visitor.token });
    expect(conversation.body.conversation.handler).toBe('human');
    const messages = await history(server.current, visitor, id);
    expect(messages.at(-1)).toMatchObject({ author: { role: 'system' }, system: { kind: 'handoff.requested' } });

    // The desk sees it first in the queue, ahead of conversations still with the bot.
    const other = await newVisitor(server.current);
    const withBot = await botConversation(server.current, other, 'en');
    const queue = await call(server.current, 'GET', '/v1/operator/conversations', { token: server.current.operatorKey });
    const order = queue.body.conversations.map((c: { id: string }) => c.id);
    expect(order.indexOf(id)).toBeLessThan(order.indexOf(withBot.id));

    await send(server.current, visitor, id, 'Hello? Is anyone there?');
    await sleep(400);
    const after = await history(server.current, visitor, id);
    expect(after.at(-1)).toMatchObject({ author: { role: 'visitor' }, text: 'Hello? Is anyone there?' });
    expect(after.filter((m) => m.author.role === 'bot')).toHaveLength(1);

    // An agent's reply shows "Alex joined" through the usual flow.
    await call(server.current, 'POST', `/v1/operator/conversations/${id}/messages`, {
      token: server.current.operatorKey,
      body: { clientId: clientId(), text: 'Hi, I am here', authorName: 'Alex' },
    });
    const frames = await stream.waitFor((all) => of(all, id).some((e) => e.event.type === 'agent.joined'));
    await stream.close();
    const joined = of(frames, id).find((e) => e.event.type === 'agent.joined')?.event;
    expect(joined).toMatchObject({ agent: { role: 'agent', name: 'Alex' } });
  });

  it('hands over when the visitor asks for a person in words', async () => {
    for (const [text, locale] of [
      ['Can I talk to a person?', 'en'],
      ['Позовите оператора, пожалуйста', 'ru'],
      ['человек', 'ru'],
      ['agent', 'en'],
    ] as const) {
      const visitor = await newVisitor(server.current);
      const { id } = await botConversation(server.current, visitor, locale);
      await send(server.current, visitor, id, text);
      const conversation = await call(server.current, 'GET', `/v1/conversations/${id}`, { token: visitor.token });
      expect({ text, handler: conversation.body.conversation.handler }).toEqual({ text, handler: 'human' });
      await sleep(100);
      const messages = await history(server.current, visitor, id);
      expect(messages.map((m) => m.author.role)).toEqual(['visitor', 'system']);
    }
  });

  it('ends the reply at once when a person takes over mid-stream', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'Why is my withdrawal on hold, what are the limits?');
    await stream.waitFor((frames) => botReply(frames, id).deltas.length >= 1);
    const handoff = await call(server.current, 'POST', `/v1/conversations/${id}/handoff`, { token: visitor.token });
    expect(handoff.body.conversation.handler).toBe('human');
    const { deltas, final } = botReply(await stream.waitFor(replyDone(id)), id);
    await stream.close();
    expect(deltas.map((d) => d.delta).join('')).toBe(final?.text);
    expect(final?.text).toMatch(/Withdrawal limits/);
    const stored = (await history(server.current, visitor, id)).find((m) => m.author.role === 'bot');
    expect(stored).toMatchObject({ text: final?.text });
    expect(stored?.streaming).toBeUndefined();
  });

  it('marks the conversation resolved on "That solved it" and asks for a rating', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'I forgot my password');
    await stream.waitFor(replyDone(id));
    await call(server.current, 'POST', `/v1/conversations/${id}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: 'That solved it', quickReplyId: 'resolved' },
    });
    const frames = await stream.waitFor((all) => of(all, id).some((e) => e.event.type === 'rating.requested'));
    await stream.close();
    const status = of(frames, id).find((e) => e.event.type === 'conversation.status')?.event;
    expect(status).toMatchObject({ status: 'resolved' });
    const conversation = await call(server.current, 'GET', `/v1/conversations/${id}`, { token: visitor.token });
    expect(conversation.body.conversation).toMatchObject({ status: 'resolved', handler: 'bot', ratingRequested: true });
  });

  it('hands over by itself after two answers without an article', async () => {
    const visitor = await newVisitor(server.current);
    const { id } = await botConversation(server.current, visitor, 'en');
    const stream = await openStream(eventsUrl(), visitor.token);
    await send(server.current, visitor, id, 'Hello there');
    await stream.waitFor(replyDone(id));
    await send(server.current, visitor, id, 'Is your office open on Sunday?');
    await stream.waitFor((all) => of(all, id).some((e) => e.event.type === 'message.created' && e.event.message.system?.kind === 'handoff.requested'));
    await stream.close();
    const messages = await history(server.current, visitor, id);
    expect(messages.map((m) => m.author.role)).toEqual(['visitor', 'bot', 'visitor', 'bot', 'system']);
    expect(messages[3]?.text).toMatch(/passing your question to our team/);
    const conversation = await call(server.current, 'GET', `/v1/conversations/${id}`, { token: visitor.token });
    expect(conversation.body.conversation.handler).toBe('human');
  });
});

describe('bot turned off (the library default)', () => {
  const server = useServer({ kbDir: REPO_KB });

  it('sends every conversation to people and never answers', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.features.bot).toBe(false);
    const visitor = await newVisitor(server.current);
    const { id, handler } = await botConversation(server.current, visitor, 'en');
    expect(handler).toBe('human');
    await send(server.current, visitor, id, 'my deposit has not arrived');
    await sleep(300);
    expect((await history(server.current, visitor, id)).map((m) => m.author.role)).toEqual(['visitor']);
  });
});

describe('bot and shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes a reply still streaming when the server closes', async () => {
    const options = { port: 0, dataDir: dir, quiet: true, limits: { rate: false as const }, kbDir: REPO_KB };
    const first = await createParleyServer({ ...options, bot: { name: 'Robo' } });
    const visitor = await newVisitor(first);
    const { id } = await botConversation(first, visitor, 'en');
    const stream = await openStream(`${first.url}/v1/events`, visitor.token);
    await send(first, visitor, id, 'my deposit has not arrived');
    const frames = await stream.waitFor((all) => botReply(all, id).deltas.length >= 1);
    expect(botReply(frames, id).created?.author.name).toBe('Robo');
    await stream.close();
    await first.close();

    const second = await createParleyServer(options);
    try {
      const bot = (await history(second, visitor, id)).find((m) => m.author.role === 'bot');
      expect(bot?.streaming).toBeUndefined();
      expect(bot?.text).toMatch(/My deposit has not arrived/);
      expect(bot?.text).toMatch(/If not, a person from our team can take over\.$/);
    } finally {
      await second.close();
    }
  });
});

describe('bot and knowledge base from the command line', () => {
  it('turns the bot on with --bot and reads articles from --kb-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-cli-bot-'));
    const out: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => out.push(line), env: {} };
    const { code, server } = await runCli(['serve', '--port', '0', '--data-dir', dir, '--bot', '--kb-dir', REPO_KB], io);
    try {
      expect(code).toBe(0);
      const config = await fetch(`${server?.url}/v1/config`).then((res) => res.json());
      expect(config.features).toMatchObject({ bot: true, knowledgeBase: true });
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a --kb-dir that does not exist, naming the option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-cli-bot-'));
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    try {
      await expect(runCli(['serve', '--port', '0', '--data-dir', dir, '--kb-dir', join(dir, 'missing')], io)).rejects.toThrow(
        /option `kbDir` must be a folder/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
