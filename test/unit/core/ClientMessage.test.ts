import { describe, expect, it } from 'vitest';
import { applyDelta, compareMessages, mergeMessages, type ClientMessage } from '../../../src/core/client/ClientMessage.js';
import { pending, sent } from '../support/fixtures.js';

const texts = (list: readonly ClientMessage[]) => list.map((m) => m.text);

describe('mergeMessages', () => {
  it('orders server messages by seq, never by timestamp', () => {
    const late = sent(2, { text: 'second', createdAt: '2020-01-01T00:00:00.000Z' });
    const early = sent(1, { text: 'first', createdAt: '2030-01-01T00:00:00.000Z' });
    const list = mergeMessages([], [sent(3, { text: 'third' }), late, early]);
    expect(texts(list)).toEqual(['first', 'second', 'third']);
  });

  it('keeps pending messages after sent ones, in the order they were written', () => {
    const list = mergeMessages([], [pending('m_b', 1, 'b'), sent(5, { text: 'server' }), pending('m_a', 0, 'a')]);
    expect(texts(list)).toEqual(['server', 'a', 'b']);
  });

  it('replaces a pending copy with the confirmed message that has the same clientId', () => {
    const local = pending('m_hello123', 0, 'hello');
    const confirmed = sent(7, { role: 'visitor', clientId: 'm_hello123', text: 'hello' });
    const list = mergeMessages([sent(6, { text: 'before' }), local], [confirmed]);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ id: 'msg_7', seq: 7, state: 'sent', clientId: 'm_hello123' });
  });

  it('merges duplicates by id into one message, keeping the latest version', () => {
    const list = mergeMessages([sent(1, { text: 'draft' })], [sent(1, { text: 'edited' }), sent(1, { text: 'edited again' })]);
    expect(texts(list)).toEqual(['edited again']);
  });

  it('merges two copies of the same message inside one incoming batch', () => {
    const list = mergeMessages([], [sent(2), sent(1), sent(2)]);
    expect(list.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('does not let a replayed message.created shorten a stream that is further along', () => {
    const streamed = sent(3, { role: 'bot', text: 'Hello, how can', streaming: true });
    const replayed = sent(3, { role: 'bot', text: 'Hello', streaming: true });
    expect(texts(mergeMessages([streamed], [replayed]))).toEqual(['Hello, how can']);
  });

  it('takes the final text once the stream has finished, even if it is shorter', () => {
    const streamed = sent(3, { role: 'bot', text: 'Hello wrold typo', streaming: true });
    const final = sent(3, { role: 'bot', text: 'Hello world' });
    expect(mergeMessages([streamed], [final])[0]).toMatchObject({ text: 'Hello world' });
  });

  it('does not mutate the list it was given', () => {
    const original = [sent(2), sent(1)];
    const snapshot = original.map((m) => m.seq);
    mergeMessages(original, [sent(3)]);
    expect(original.map((m) => m.seq)).toEqual(snapshot);
  });
});

describe('mergeMessages in a long conversation (placed by binary search)', () => {
  // 100 confirmed messages, then two still pending: what a send into a long conversation sees.
  const long = () => [...Array.from({ length: 100 }, (_, i) => sent(i + 1)), pending('m_a', 0, 'a'), pending('m_b', 1, 'b')];
  // The plain algorithm: replace by id, else by clientId, else append; then sort everything.
  const reference = (list: readonly ClientMessage[], incoming: readonly ClientMessage[]) => {
    const next = list.slice();
    for (const message of incoming) {
      let index = message.id ? next.findIndex((m) => m.id === message.id) : -1;
      if (index < 0) index = next.findIndex((m) => m.clientId === message.clientId);
      if (index < 0) next.push(message);
      else next[index] = message;
    }
    return next.sort(compareMessages);
  };
  const keys = (list: readonly ClientMessage[]) => list.map((m) => `${m.seq ?? '-'}:${m.clientId}:${m.text}`);

  it('gives the same list as indexing and sorting everything, for every kind of change', () => {
    const cases: ClientMessage[][] = [
      [pending('m_c', 2, 'c')], // a send
      [sent(101)], // a reply
      [sent(102, { role: 'visitor', clientId: 'm_a', text: 'a' })], // a send confirmed
      [sent(50, { text: 'edited' })], // an edit
      [sent(101), sent(103, { role: 'visitor', clientId: 'm_b', text: 'b' }), sent(102)], // out of order
      [sent(101), sent(101, { text: 'again' })], // twice in one batch
    ];
    for (const incoming of cases) expect(keys(mergeMessages(long(), incoming))).toEqual(keys(reference(long(), incoming)));
  });

  it('fills a gap: a missed older message lands at its seq, not at the end', () => {
    const gappy = long().filter((m) => m.seq !== 40);
    const list = mergeMessages(gappy, [sent(40, { text: 'found' })]);
    expect(list.findIndex((m) => m.text === 'found')).toBe(39);
    expect(list.slice(0, 100).map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('keeps a stream that is further along, and does not mutate the list', () => {
    const list = [...long().slice(0, 100), sent(101, { role: 'bot', text: 'Hello, how can', streaming: true })];
    const snapshot = list.slice();
    const merged = mergeMessages(list, [sent(101, { role: 'bot', text: 'Hello', streaming: true })]);
    expect(merged.at(-1)?.text).toBe('Hello, how can');
    expect(list).toEqual(snapshot);
  });
});

describe('compareMessages', () => {
  it('sorts a sent message before a pending one whatever their local order', () => {
    const a = { ...sent(9), localOrder: 5 };
    const b = pending('m_x', 0);
    expect(compareMessages(a, b)).toBeLessThan(0);
    expect(compareMessages(b, a)).toBeGreaterThan(0);
  });
});

describe('applyDelta', () => {
  const streaming = sent(4, { role: 'bot', text: 'Hello', streaming: true });

  it('appends text that starts at the end of what we have', () => {
    const { message, gap } = applyDelta(streaming, 5, ', world');
    expect(gap).toBe(false);
    expect(message.text).toBe('Hello, world');
  });

  it('skips the overlap of a replayed delta and appends only the new part', () => {
    const { message, gap } = applyDelta(streaming, 3, 'lo there');
    expect(gap).toBe(false);
    expect(message.text).toBe('Hello there');
  });

  it('ignores a delta that is entirely a replay', () => {
    const { message, gap } = applyDelta(streaming, 0, 'Hel');
    expect(gap).toBe(false);
    expect(message).toBe(streaming);
  });

  it('reports a gap instead of gluing text together when a delta was missed', () => {
    const { message, gap } = applyDelta(streaming, 9, 'later text');
    expect(gap).toBe(true);
    expect(message.text).toBe('Hello');
  });
});
