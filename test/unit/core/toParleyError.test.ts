import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HttpError, NetworkError, ParleyError, ResponseError } from '../../../src/core/errors/index.js';
import { createHttpTransport } from '../../../src/core/transport/createHttpTransport.js';
import { parseReply } from '../../../src/core/transport/parseReply.js';
import { fromResponse, toParleyError } from '../../../src/core/transport/toParleyError.js';
import { makeMessage } from '../support/fixtures.js';

const request = new Request('https://support.example.com/v1/conversations/c1/messages', { method: 'POST' });
const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('toParleyError', () => {
  it('reads the problem body of an HTTP error', async () => {
    const response = problem(400, { code: 'invalid_body', message: 'text is too long', details: { max: 10000 } });
    const error = await toParleyError(new HTTPError(response, request, {} as never), 'message send');
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, problemCode: 'invalid_body', code: 'rejected', details: { max: 10000 } });
    expect(error.message).toBe('Parley: message send failed with HTTP 400: text is too long');
  });

  it('still gives an HttpError with the status when the error body is a proxy’s HTML page', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const error = (await toParleyError(new HTTPError(response, request, {} as never), 'history')) as HttpError;
    expect(error).toMatchObject({ status: 502, problemCode: undefined, code: 'http' });
    expect(error.message).toBe('Parley: history failed with HTTP 502');
  });

  it('reads Retry-After in seconds or as a date', async () => {
    const seconds = await fromResponse(problem(429, { code: 'rate_limited', message: 'slow down' }, { 'retry-after': '12' }), 'send');
    expect(seconds.retryAfter).toBe(12);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const date = await fromResponse(problem(503, { code: 'internal', message: 'x' }, { 'retry-after': inAMinute }), 'send');
    expect(date.retryAfter).toBeGreaterThan(50);
    expect(date.retryAfter).toBeLessThanOrEqual(60);
    const junk = await fromResponse(problem(503, { code: 'internal', message: 'x' }, { 'retry-after': 'soon' }), 'send');
    expect(junk.retryAfter).toBeUndefined();
  });

  it('turns a ky timeout into a NetworkError with code timeout', async () => {
    const error = await toParleyError(new TimeoutError(request), 'config');
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('Parley: config timed out');
  });

  it('turns anything else thrown by fetch into a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await toParleyError(cause, 'session');
    expect(error).toMatchObject({ name: 'NetworkError', code: 'network', cause });
  });

  it('passes Parley errors through unchanged', async () => {
    const original = new ParleyError('attachment', 'too big');
    expect(await toParleyError(original, 'upload')).toBe(original);
  });
});

describe('parseReply', () => {
  const Schema = z.object({ seq: z.int(), text: z.string() });

  it('returns a valid reply', () => {
    expect(parseReply(Schema, { seq: 1, text: 'hi' }, 'message')).toEqual({ seq: 1, text: 'hi' });
  });

  it('throws a ResponseError with the paths of the bad fields', () => {
    let thrown: unknown;
    try {
      parseReply(Schema, { seq: 'one', text: 5 }, 'message');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponseError);
    const error = thrown as ResponseError;
    expect(error.code).toBe('invalid_response');
    expect(error.what).toBe('message');
    expect(error.issues.map((i) => i.path)).toEqual([['seq'], ['text']]);
  });
});

describe('createHttpTransport errors, end to end with an injected fetch', () => {
  const transport = (reply: () => Promise<Response>) =>
    createHttpTransport({ endpoint: 'https://support.example.com/', fetch: () => reply(), retries: 0 });
  const send = (t: ReturnType<typeof transport>) => t.sendMessage('c1', { clientId: 'm_abcdefgh', text: 'hi' });

  it('rejects a problem answer with an HttpError carrying the problem code', async () => {
    const t = transport(async () => problem(409, { code: 'conversation_resolved', message: 'resolved' }));
    await expect(send(t)).rejects.toMatchObject({ name: 'HttpError', status: 409, problemCode: 'conversation_resolved' });
  });

  it('rejects an unreachable backend with a NetworkError', async () => {
    const t = transport(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(send(t)).rejects.toMatchObject({ name: 'NetworkError', code: 'network' });
  });

  it('rejects a 200 reply that breaks the protocol with a ResponseError', async () => {
    const t = transport(async () => problem(200, { message: { ...makeMessage(1), seq: -1 }, duplicate: false }));
    await expect(send(t)).rejects.toMatchObject({ name: 'ResponseError', code: 'invalid_response' });
  });

  it('resolves a valid reply', async () => {
    const t = transport(async () => problem(200, { message: makeMessage(1, { role: 'visitor' }), duplicate: true }));
    await expect(send(t)).resolves.toMatchObject({ duplicate: true, message: { seq: 1 } });
  });
});
