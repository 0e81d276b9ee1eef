import { describe, expect, it } from 'vitest';
import { redactionNote } from '../../../src/server/console/redactionNote.js';

describe('redactionNote (operator console)', () => {
  it('names what the secret guard took out, in words an agent understands', () => {
    expect(redactionNote([{ kind: 'mnemonic', count: 1 }])).toBe('Redacted: 1 seed phrase');
    expect(
      redactionNote([
        { kind: 'card', count: 2 },
        { kind: 'privateKey', count: 1 },
      ]),
    ).toBe('Redacted: 2 card numbers, 1 private key');
    expect(redactionNote([{ kind: 'passport', count: 1 }])).toBe('Redacted: 1 passport');
  });

  it('is null when nothing was redacted', () => {
    expect(redactionNote(undefined)).toBeNull();
    expect(redactionNote([])).toBeNull();
  });
});

describe('ConversationView shows the note', () => {
  it('renders "Redacted: 1 seed phrase" under a redacted message, as text', async () => {
    const { ConversationView } = await import('../../../src/server/console/conversationView.js');
    const { BlobUrls } = await import('../../../src/server/console/attachmentView.js');
    const { makeConversation, makeMessage } = await import('../support/fixtures.js');
    const api = {} as ConstructorParameters<typeof BlobUrls>[0];
    const message = makeMessage(1, { role: 'visitor', text: 'my phrase: [redacted]', redactions: [{ kind: 'mnemonic', count: 1 }] });
    const view = new ConversationView(
      {
        conversation: { ...makeConversation({ lastSeq: 1 }), visitor: { id: 'v_1' }, attachmentCount: 0 },
        messages: [message, makeMessage(2, { role: 'visitor', text: 'plain' })],
        pages: [],
        attachments: [],
      },
      { api, blobs: new BlobUrls(api), agentName: () => 'Alex', onChanged: () => {}, onError: () => {} },
    );
    const notes = view.element.querySelectorAll('[data-testid="console-redacted"]');
    expect([...notes].map((n) => n.textContent)).toEqual(['Redacted: 1 seed phrase']);
    expect(notes[0]!.children).toHaveLength(0);
    view.destroy();
  });
});
