import { describe, expect, it } from 'vitest';
import { call, clientId, newConversation, newVisitor, upload, useServer } from './helpers.js';
import { HTML_PAGE, makePng, SVG_IMAGE } from './fixtures.js';

async function download(url: string, token: string) {
  return fetch(url, { headers: { Authorization: `Bearer ${token}` } });
}

describe('uploads', () => {
  const server = useServer();

  it('accepts a PNG as an image, reads its size, and serves it inline with nosniff', async () => {
    const visitor = await newVisitor(server.current);
    const png = makePng(3, 2);
    const res = await upload(server.current, visitor.token, png, 'screenshot.png', 'image/png');
    expect(res.status).toBe(201);
    const attachment = res.body.attachment;
    expect(attachment).toMatchObject({ name: 'screenshot.png', type: 'image/png', kind: 'image', size: png.length, width: 3, height: 2 });
    expect(attachment.url).toBe(`/v1/files/${attachment.id}`);

    const file = await download(`${server.current.url}${attachment.url}`, visitor.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toBe('image/png');
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(file.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox");
    expect(file.headers.get('Cache-Control')).toBe('private, max-age=3600');
    expect(file.headers.get('Content-Disposition')).toMatch(/^inline; .*filename\*=UTF-8''screenshot\.png$/);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
  });

  it('needs the bearer header to download; a token in the URL is not accepted', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, makePng(1, 1), 'a.png');
    const anonymous = await fetch(`${server.current.url}${res.body.attachment.url}?token=${visitor.token}`);
    expect(anonymous.status).toBe(401);
  });

  it('never treats HTML renamed to .png as an image', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, HTML_PAGE, 'cat.png', 'image/png');
    // HTML is not an accepted type by default; when a desk allows it, it is still a download (below).
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_type');
  });

  it('judges type by content, not by name: a PDF named .png is a PDF download', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'photo.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ type: 'application/pdf', kind: 'file' });
    const file = await download(`${server.current.url}${res.body.attachment.url}`, visitor.token);
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; /);
  });

  it('accepts plain text as a download and encodes non-ASCII names', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, 'tx id: 0xabc\n', 'журнал транзакций.txt', 'text/plain');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ type: 'text/plain', kind: 'file', name: 'журнал транзакций.txt' });
    const file = await download(`${server.current.url}${res.body.attachment.url}`, visitor.token);
    expect(file.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(file.headers.get('Content-Disposition')).toContain(
      `attachment; filename="`,
    );
    expect(file.headers.get('Content-Disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('журнал транзакций.txt')}`,
    );
  });

  it('refuses unknown binary formats with 415', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'tool.png');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_type');
  });

  it('refuses a request without a file part', async () => {
    const visitor = await newVisitor(server.current);
    const form = new FormData();
    form.append('other', 'x');
    const res = await fetch(`${server.current.url}/v1/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${visitor.token}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_body');
  });

  it('attaches own uploads to a message and refuses attachment ids of others', async () => {
    const alice = await newVisitor(server.current);
    const bob = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, alice);
    const mine = await upload(server.current, alice.token, makePng(2, 2), 'mine.png');
    const theirs = await upload(server.current, bob.token, makePng(2, 2), 'theirs.png');

    const sent = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: alice.token,
      body: { clientId: clientId(), text: '', attachmentIds: [mine.body.attachment.id] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([mine.body.attachment]);

    const stolen = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: alice.token,
      body: { clientId: clientId(), text: 'look', attachmentIds: [theirs.body.attachment.id] },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.code).toBe('invalid_body');
    const unknown = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: alice.token,
      body: { clientId: clientId(), text: 'look', attachmentIds: ['f_doesnotexist'] },
    });
    expect(unknown.status).toBe(400);
  });

  it('refuses more files per message than the config allows', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push((await upload(server.current, visitor.token, makePng(1, 1), `${i}.png`)).body.attachment.id);
    }
    const res = await call(server.current, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: clientId(), text: 'six files', attachmentIds: ids },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('too_many_files');
  });

  it('lets the visitor fetch a file an agent attached in their conversation', async () => {
    const visitor = await newVisitor(server.current);
    const conversationId = await newConversation(server.current, visitor);
    const agentFile = await upload(server.current, server.current.operatorKey, '%PDF-1.4\n', 'fees.pdf', 'application/pdf', '/v1/operator/uploads');
    expect(agentFile.status).toBe(201);
    const url = `${server.current.url}${agentFile.body.attachment.url}`;
    expect((await download(url, visitor.token)).status).toBe(403);
    await call(server.current, 'POST', `/v1/operator/conversations/${conversationId}/messages`, {
      token: server.current.operatorKey,
      body: { clientId: clientId(), text: 'Our fee schedule', attachmentIds: [agentFile.body.attachment.id] },
    });
    const file = await download(url, visitor.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; /);
  });
});

describe('uploads with a desk that accepts markup', () => {
  const server = useServer({
    config: { uploads: { maxBytes: 1024, types: ['image/*', 'text/html', 'text/plain'] } },
  });

  it('stores SVG as a file, never an image, and serves it as an attachment', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, SVG_IMAGE, 'logo.svg', 'image/svg+xml');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ type: 'image/svg+xml', kind: 'file' });
    const file = await download(`${server.current.url}${res.body.attachment.url}`, visitor.token);
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; /);
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(file.headers.get('Content-Security-Policy')).toContain('sandbox');
  });

  it('stores HTML renamed to .png as a file and serves it as an attachment', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, HTML_PAGE, 'cat.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ type: 'text/html', kind: 'file' });
    const file = await download(`${server.current.url}${res.body.attachment.url}`, visitor.token);
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; /);
  });

  it('refuses a file over maxBytes with 413 payload_too_large', async () => {
    const visitor = await newVisitor(server.current);
    const res = await upload(server.current, visitor.token, 'x'.repeat(1025), 'big.txt', 'text/plain');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    const huge = await upload(server.current, visitor.token, 'x'.repeat(200 * 1024), 'huge.txt', 'text/plain');
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
  });
});
