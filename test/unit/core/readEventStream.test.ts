import { describe, expect, it } from 'vitest';
import { ParleyError, ResponseError } from '../../../src/core/errors/index.js';
import type { ServerEvent } from '../../../src/core/protocol/index.js';
import { readEventStream } from '../../../src/core/transport/readEventStream.js';
import { makeMessage } from '../support/fixtures.js';

const encoder = new TextEncoder();

/** A body that delivers `bytes` cut at the given offsets, one chunk per read. */
function bodyOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts, bytes.length];
  const chunks = edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const frame = (id: string, event: ServerEvent) => `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

async function read(text: string, cuts: (bytes: Uint8Array) => number[]) {
  const bytes = encoder.encode(text);
  const events: Array<{ event: ServerEvent; id: string | null }> = [];
  const invalid: ParleyError[] = [];
  await readEventStream(bodyOf(bytes, cuts(bytes)), {
    onOpen: () => undefined,
    onEvent: (event, id) => events.push({ event, id }),
    onInvalid: (error) => invalid.push(error),
  });
  return { events, invalid };
}

const russian: ServerEvent = {
  type: 'message.created',
  conversationId: 'conv_1',
  message: makeMessage(1, { text: 'Здравствуйте! Чем помочь? 👋' }),
};
const typing: ServerEvent = { type: 'typing', conversationId: 'conv_1', author: { role: 'agent' }, typing: true };
const delta: ServerEvent = { type: 'message.delta', conversationId: 'conv_1', messageId: 'msg_1', offset: 0, delta: 'ёж 🦔' };
const stream = frame('41', russian) + ':keep-alive\n\n' + frame('42', typing) + frame('43', delta);

/** Offsets that fall inside a multi-byte UTF-8 character. */
function insideCharacters(bytes: Uint8Array): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) === 0x80) cuts.push(i);
  return cuts;
}

describe('readEventStream', () => {
  it('parses frames with their ids from one whole chunk', async () => {
    const { events, invalid } = await read(stream, () => []);
    expect(events.map((e) => e.id)).toEqual(['41', '42', '43']);
    expect(events.map((e) => e.event)).toEqual([russian, typing, delta]);
    expect(invalid).toEqual([]);
  });

  it('reassembles frames cut in the middle of lines', async () => {
    const cuts = (bytes: Uint8Array) => [3, 10, 25, 26, bytes.length - 1];
    const { events } = await read(stream, cuts);
    expect(events.map((e) => e.event)).toEqual([russian, typing, delta]);
  });

  it('keeps Cyrillic and emoji intact when a chunk ends inside a multi-byte character', async () => {
    const { events, invalid } = await read(stream, (bytes) => {
      const inside = insideCharacters(bytes);
      expect(inside.length).toBeGreaterThan(10);
      return inside;
    });
    expect(invalid).toEqual([]);
    expect(events.map((e) => e.event)).toEqual([russian, typing, delta]);
  });

  it('survives a body delivered one byte at a time', async () => {
    const { events } = await read(stream, (bytes) => Array.from({ length: bytes.length - 1 }, (_, i) => i + 1));
    expect(events.map((e) => e.id)).toEqual(['41', '42', '43']);
    expect(events[0]!.event).toEqual(russian);
  });

  it('accepts CRLF line endings', async () => {
    const { events } = await read(stream.replaceAll('\n', '\r\n'), () => [7]);
    expect(events.map((e) => e.id)).toEqual(['41', '42', '43']);
  });

  it('passes null as the id of a frame without one', async () => {
    const { events } = await read(`data: ${JSON.stringify(typing)}\n\n`, () => []);
    expect(events).toEqual([{ event: typing, id: null }]);
  });

  it('reports a frame that is not JSON as an invalid_response and goes on', async () => {
    const text = frame('1', typing) + 'id: 2\ndata: {"type": "typing",\n\n' + frame('3', delta);
    const { events, invalid } = await read(text, () => [40]);

    expect(events.map((e) => e.id)).toEqual(['1', '3']);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toBeInstanceOf(ResponseError);
    expect(invalid[0]).toMatchObject({ code: 'invalid_response', what: 'live event' });
  });

  it('reports a frame that does not match the protocol, naming the bad field, and goes on', async () => {
    const wrong = { ...typing, typing: 'yes' };
    const unknown = { type: 'message.exploded', conversationId: 'conv_1' };
    const text = `id: 1\ndata: ${JSON.stringify(wrong)}\n\nid: 2\ndata: ${JSON.stringify(unknown)}\n\n` + frame('3', typing);
    const { events, invalid } = await read(text, () => [5]);

    expect(events.map((e) => e.id)).toEqual(['3']);
    expect(invalid).toHaveLength(2);
    for (const error of invalid) expect(error).toMatchObject({ name: 'ResponseError', code: 'invalid_response' });
    expect((invalid[0] as ResponseError).issues[0]?.path).toEqual(['typing']);
    expect(invalid[0]!.message).toMatch(/live event does not match Protocol v1 at typing/);
  });

  it('drops a last frame that the server never finished', async () => {
    const { events } = await read(frame('1', typing) + `id: 2\ndata: ${JSON.stringify(typing)}`, () => []);
    expect(events.map((e) => e.id)).toEqual(['1']);
  });

  it('rejects when the connection breaks mid-stream, so the client can reconnect', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(encoder.encode(frame('1', typing)));
        } else controller.error(new TypeError('network error'));
      },
    });
    const events: string[] = [];
    const reading = readEventStream(body, { onOpen: () => undefined, onEvent: (_, id) => events.push(id!), onInvalid: () => undefined });
    await expect(reading).rejects.toThrow('network error');
    expect(events).toEqual(['1']);
  });
});
