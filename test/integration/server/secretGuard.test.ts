import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_POLICY } from '../../../src/core/secrets/index.js';
import { generateMnemonic, generateWif, randomBytes, toHex } from '../../unit/secrets/support/generateSecrets.js';
import { makePng } from './fixtures.js';
import { call, newConversation, newVisitor, send, upload, useServer } from './helpers.js';

describe('secret guard on the server (the second line)', () => {
  const server = useServer();
  const op = <T = any>(method: string, path: string) =>
    call<T>(server.current, method, `/v1/operator${path}`, { token: server.current.operatorKey });

  it('stores a seed phrase as [redacted] with redactions, and the operator API shows it', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const words = await generateMnemonic(12);
    const res = await send(server.current, visitor, conversationId, `my seed phrase is:\n${words.join(' ')}\nplease help`);
    expect(res.status).toBe(201);
    expect(res.body.message.text).toBe('my seed phrase is:\n[redacted]\nplease help');
    expect(res.body.message.redactions).toEqual([{ kind: 'mnemonic', count: 1 }]);

    const history = await call(server.current, 'GET', `/v1/conversations/${conversationId}/messages`, { token: visitor.token });
    expect(history.body.messages[0]).toMatchObject({ text: 'my seed phrase is:\n[redacted]\nplease help', redactions: [{ kind: 'mnemonic', count: 1 }] });
    expect(JSON.stringify(history.body)).not.toContain(words.join(' '));

    const detail = await op('GET', `/conversations/${conversationId}`);
    expect(detail.status).toBe(200);
    const stored = detail.body.messages.find((m: any) => m.id === res.body.message.id);
    expect(stored).toMatchObject({ text: 'my seed phrase is:\n[redacted]\nplease help', redactions: [{ kind: 'mnemonic', count: 1 }] });
    // The list preview is built from the stored text, so it holds no secret either.
    const list = await op('GET', '/conversations');
    expect(JSON.stringify(list.body)).not.toContain(words[0] + ' ' + words[1]);
  });

  it('redacts every kind the widget would block, and counts each kind', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const wif = await generateWif(true);
    const text = `key ${wif}, card 4111 1111 1111 1111 and 5500-0000-0000-0004`;
    const res = await send(server.current, visitor, conversationId, text);
    expect(res.body.message.text).toBe('key [redacted], card [redacted] and [redacted]');
    expect(res.body.message.redactions).toEqual([
      { kind: 'wif', count: 1 },
      { kind: 'card', count: 2 },
    ]);
  });

  it('stores an ordinary message with a transaction hash verbatim', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const text = `Deposit not credited, tx hash 0x${toHex(randomBytes(32))}, order A-1042, phone +7 (916) 123-45-67`;
    const res = await send(server.current, visitor, conversationId, text);
    expect(res.status).toBe(201);
    expect(res.body.message.text).toBe(text);
    expect(res.body.message).not.toHaveProperty('redactions');
  });

  it('redacts a card number in an uploaded file name', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, makePng(2, 2), 'card 4111 1111 1111 1111.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.attachment.name).toBe('card [redacted].png');

    const conversationId = await newConversation(server.current, visitor);
    const sent = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: 'secret_guard_file_1', text: '', attachmentIds: [res.body.attachment.id] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments[0].name).toBe('card [redacted].png');
    const file = await fetch(`${server.current.url}${res.body.attachment.url}`, { headers: { Authorization: `Bearer ${visitor.token}` } });
    expect(file.headers.get('Content-Disposition')).not.toContain('4111');
  });

  it('exposes the widget policy in GET /v1/config', async () => {
    const res = await call(server.current, 'GET', '/v1/config');
    expect(res.body.secretGuard).toEqual({
      mnemonic: 'block',
      privateKey: 'block',
      wif: 'block',
      xprv: 'block',
      card: 'redact',
      custom: 'warn',
    });
    expect(res.body.secretGuard).toEqual(DEFAULT_SECRET_POLICY);
  });
});

describe('secret guard with a desk policy', () => {
  // This desk lets visitors send card numbers after a warning, e.g. for chargeback disputes.
  const server = useServer({ config: { secretGuard: { card: 'warn' } } });

  it('serves the merged policy and stores warned kinds as sent', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.secretGuard).toMatchObject({ card: 'warn', mnemonic: 'block' });

    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const words = await generateMnemonic(24);
    const res = await send(server.current, visitor, conversationId, `4111 1111 1111 1111 / ${words.join(' ')}`);
    expect(res.body.message.text).toBe('4111 1111 1111 1111 / [redacted]');
    expect(res.body.message.redactions).toEqual([{ kind: 'mnemonic', count: 1 }]);
  });
});

describe('secret guard with the desk’s own patterns', () => {
  const server = useServer({
    config: {
      secretGuard: { custom: 'block' },
      secretPatterns: [
        { name: 'Exchange API secret', source: 'nwx_sk_[A-Za-z0-9]{24}' },
        { name: 'Broken', source: '(unclosed' },
      ],
    },
  });

  it('serves the patterns to widgets and redacts what they match, skipping one that does not compile', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.secretPatterns).toEqual([
      { name: 'Exchange API secret', source: 'nwx_sk_[A-Za-z0-9]{24}' },
      { name: 'Broken', source: '(unclosed' },
    ]);
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const res = await send(server.current, visitor, conversationId, 'my key nwx_sk_AbCdEfGhIjKlMnOpQrStUvWx stopped working');
    expect(res.status).toBe(201);
    expect(res.body.message.text).toBe('my key [redacted] stopped working');
    expect(res.body.message.redactions).toEqual([{ kind: 'custom', count: 1 }]);
  });
});
