import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorConversation } from '../../../src/core/protocol/index.js';
import { BlobUrls } from '../../../src/server/console/attachmentView.js';
import { ConversationView } from '../../../src/server/console/conversationView.js';
import { makeConversation, makeMessage } from '../support/fixtures.js';

const api = {} as ConstructorParameters<typeof BlobUrls>[0];
const views: ConversationView[] = [];

function render(article: OperatorConversation['article']): HTMLElement {
  const view = new ConversationView(
    {
      conversation: { ...makeConversation({ lastSeq: 1 }), visitor: { id: 'v_1' }, attachmentCount: 0, article },
      messages: [makeMessage(1, { role: 'visitor', text: 'still not there' })],
      pages: [],
      attachments: [],
    },
    { api, blobs: new BlobUrls(api), agentName: () => 'Alex', onChanged: () => {}, onError: () => {} },
  );
  views.push(view);
  return view.element;
}

const note = (element: HTMLElement) => element.querySelector<HTMLElement>('[data-testid="console-article"]');

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

describe('ConversationView: the article read before asking', () => {
  it('tells the agent which article the visitor read', () => {
    const shown = note(render({ id: 'deposit-not-arriving', title: 'My deposit has not arrived' }));
    expect(shown?.textContent).toBe('Read before asking: My deposit has not arrived');
  });

  it('falls back to the article id when the knowledge base no longer has it', () => {
    expect(note(render({ id: 'old-article', title: null }))?.textContent).toBe('Read before asking: old-article');
  });

  it('says nothing when the visitor started the chat without an article', () => {
    expect(note(render(null))).toBeNull();
    expect(note(render(undefined))).toBeNull();
  });

  it('shows a title with markup as text, never as HTML', () => {
    const title = '<img src=x onerror="alert(1)"><b>Fees</b>';
    const shown = note(render({ id: 'fees', title }));
    expect(shown?.textContent).toBe(`Read before asking: ${title}`);
    expect(shown?.children).toHaveLength(0);
    expect(shown?.querySelector('img, b')).toBeNull();
  });
});
