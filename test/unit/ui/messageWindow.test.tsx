import { options, type VNode } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ClientMessage } from '../../../src/core/index.js';
import { click, settle, setup } from './setup.js';

// A long conversation is rendered as a window of its newest messages, and a new message renders
// one row, not all of them (docs/performance.md).

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

const start = Date.now() - 3_600_000;
function conversation(count: number): ClientMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i + 1}`,
    seq: i + 1,
    conversationId: 'c1',
    clientId: `client-${i + 1}`,
    author: i % 3 === 2 ? { role: 'agent', id: 'a1', name: 'Alex' } : { role: 'visitor' },
    text: `message ${i + 1}`,
    attachments: [],
    createdAt: new Date(start + i * 1000).toISOString(),
    state: 'sent',
  }));
}

const texts = () => env!.$$('.message .rich').map((el) => el.textContent);

/** Counts renders of components by name while `body` runs (Preact's `diffed` option hook). */
async function countRenders(body: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    const type = vnode.type as { name?: string } | string;
    const name = typeof type === 'function' ? type.name : '';
    if (name) counts[name] = (counts[name] ?? 0) + 1;
    previous?.(vnode);
  };
  try {
    await body();
  } finally {
    options.diffed = previous;
  }
  return counts;
}

describe('a long conversation', () => {
  test('opens with its newest 60 messages; "Show earlier messages" reveals the ones before', async () => {
    env = await setup();
    env.client.$messages.set(conversation(500));
    await settle();
    expect(texts()).toHaveLength(60);
    expect(texts().at(-1)).toBe('message 500');
    expect(texts()[0]).toBe('message 441');

    const reveal = env.$$('.load-older').find((b) => b.textContent === 'Show earlier messages');
    await click(reveal ?? null);
    expect(texts()).toHaveLength(120);
    expect(texts()[0]).toBe('message 381');
    expect(texts().at(-1)).toBe('message 500');
  });

  test('a new message adds one row and re-renders no other group or bubble', async () => {
    env = await setup();
    const messages = conversation(2000);
    env.client.$messages.set(messages);
    await settle();
    const before = env.$$('.message');

    const counts = await countRenders(async () => {
      env!.client.$messages.set([...messages, { ...conversation(2001)[2000]!, text: 'the new one' }]);
      await settle();
    });

    // The new message's group (it joins the visitor's run) and the new bubble, plus the previous
    // last bubble of that group, which loses its time stamp.
    expect(counts.MessageGroup ?? 0).toBeLessThanOrEqual(1);
    expect(counts.MessageBubble ?? 0).toBeLessThanOrEqual(2);
    expect(texts().at(-1)).toBe('the new one');
    // The rows already on screen are the same DOM nodes: nothing was rebuilt.
    const after = env.$$('.message');
    expect(after.slice(0, before.length)).toEqual(before);
  });
});
