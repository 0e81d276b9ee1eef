import { describe, expect, it } from 'vitest';
import { NetworkError, ResponseError, isTransientError } from '../../../src/core/errors/index.js';
import { createHttpTransport } from '../../../src/core/transport/createHttpTransport.js';

/** A transport whose every request gets this reply (the environment's fetch, passed in). */
const answering = (reply: () => Response | Promise<Response>) =>
  createHttpTransport({ endpoint: 'https://support.example.com', retries: 0, fetch: async () => reply() });

const ok = (body: BodyInit) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('a 200 reply whose body is not JSON', () => {
  it.each([
    ['a proxy’s HTML page', '<html><body>Welcome to the hotel Wi-Fi</body></html>'],
    ['JSON cut short', '{"token":"tok_0000000000000001","session":{"id":"ses_1"'],
    ['an empty body', ''],
  ])('is an invalid reply (ResponseError), not an unreachable backend: %s', async (_, body) => {
    const error = await failure(answering(() => ok(body)).createSession({ locale: 'en' }));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: 'invalid_response', what: 'session' });
    expect((error as ResponseError).issues[0]).toMatchObject({ code: 'invalid_json' });
    expect((error as ResponseError).message).toContain("the backend's session does not match Protocol v1");
    // Not transient: the connection is not marked offline for it.
    expect(isTransientError(error)).toBe(false);
  });

  it('is the same typed error for config, history and sends', async () => {
    const transport = answering(() => ok('<!doctype html>'));
    for (const [what, call] of [
      ['config', () => transport.getConfig('en')],
      ['history', () => transport.listMessages('conv_1', { after: 3 })],
      ['message send', () => transport.sendMessage('conv_1', { clientId: 'm_0000000000000001', text: 'hi' })],
    ] as const) {
      const error = await failure(call());
      expect(error, what).toBeInstanceOf(ResponseError);
      expect(error, what).toMatchObject({ code: 'invalid_response', what });
    }
  });

  it('stays a NetworkError when the backend cannot be reached, or the body is cut by the network', async () => {
    const unreachable = await failure(answering(() => Promise.reject(new TypeError('fetch failed'))).getConfig('en'));
    expect(unreachable).toBeInstanceOf(NetworkError);
    expect(isTransientError(unreachable)).toBe(true);

    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"greeting":'));
        controller.error(new TypeError('terminated'));
      },
    });
    const midBody = await failure(answering(() => ok(cut)).getConfig('en'));
    expect(midBody).toBeInstanceOf(NetworkError);
    expect(isTransientError(midBody)).toBe(true);
  });
});
