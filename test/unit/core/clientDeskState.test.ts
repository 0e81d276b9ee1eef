import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../src/core/persistence/index.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

afterEach(() => destroyTestClients());

describe('client state for the desk features', () => {
  it('says whether its storage lasts, once saved state is loaded', async () => {
    const { client } = createTestClient();
    expect(client.$storage.get()).toBeNull();
    await client.start();
    expect(client.$storage.get()).toEqual({ kind: 'memory', durable: false });
  });

  it('remembers dismissed notices across a reload, and forgets them on clear()', async () => {
    const storage = createMemoryStorage();
    const first = createTestClient({ storage });
    await first.client.start();
    first.client.dismissNotice('outage');
    first.client.dismissNotice('outage');
    expect(first.client.$dismissedNotices.get()).toEqual(['outage']);
    await settle();
    first.client.destroy();

    const second = createTestClient({ storage });
    await second.client.start();
    expect(second.client.$dismissedNotices.get()).toEqual(['outage']);
    await second.client.clear();
    expect(second.client.$dismissedNotices.get()).toEqual([]);
  });

  it('saves the draft’s attachments (without bytes) with the draft', async () => {
    const storage = createMemoryStorage();
    const first = createTestClient({ storage });
    await first.client.start();
    first.client.setDraft('see file');
    first.client.$draftUploads.set([{ id: 'u1', name: 'a.pdf', size: 3, type: 'application/pdf', state: 'uploading' }]);
    await first.clock.advance(400);
    first.client.destroy();

    const second = createTestClient({ storage });
    await second.client.start();
    expect(second.client.$draft.get()).toBe('see file');
    expect(second.client.$draftUploads.get()).toEqual([{ id: 'u1', name: 'a.pdf', size: 3, type: 'application/pdf', state: 'uploading' }]);
  });

  it('creates the conversation with the article the visitor read, and keeps a local redaction note after confirmation', async () => {
    const { client, server, clock } = createTestClient();
    await client.start();
    client.send('card [redacted] charged twice', { articleId: 'deposit-not-arriving', redactions: [{ kind: 'card', count: 1 }] });
    await clock.advance(10);
    await settle();
    const create = server.calls.find((c) => c.method === 'createConversation');
    expect(create?.args[0]).toMatchObject({ articleId: 'deposit-not-arriving' });
    const message = client.$messages.get().at(-1)!;
    expect(message.state).toBe('sent');
    expect(message.redactions).toEqual([{ kind: 'card', count: 1 }]);
  });
});
