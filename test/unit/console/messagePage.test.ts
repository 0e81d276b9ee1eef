import { afterEach, describe, expect, it } from 'vitest';
import type { Message, PageVisit } from '../../../src/core/protocol/index.js';
import { BlobUrls } from '../../../src/server/console/attachmentView.js';
import { ConversationView } from '../../../src/server/console/conversationView.js';
import { makeConversation, makeMessage } from '../support/fixtures.js';

const api = {} as ConstructorParameters<typeof BlobUrls>[0];
const views: ConversationView[] = [];

const HOSTILE = '<img src=x onerror="alert(1)"><b>Pricing</b>';

function render(messages: Message[], pages: PageVisit[] = []): ConversationView {
  const view = new ConversationView(
    {
      conversation: {
        ...makeConversation({ lastSeq: messages.length }),
        visitor: { id: 'v_1' },
        attachmentCount: 0,
      },
      messages,
      pages,
      attachments: [],
    },
    { api, blobs: new BlobUrls(api), agentName: () => 'Alex', onChanged: () => {}, onError: () => {} },
  );
  views.push(view);
  return view;
}

/** The page line under each message in the thread, in thread order (null where there is none). */
const pageLines = (element: HTMLElement) =>
  [...element.querySelectorAll<HTMLElement>('[data-testid="console-message"]')].map((item) => {
    const line = item.querySelector<HTMLElement>('.from-page');
    return line ? { text: line.textContent, url: line.getAttribute('title') } : null;
  });

const timeline = (element: HTMLElement) => element.querySelector<HTMLElement>('[data-testid="console-pages"]');
/**
 * Each visit as the agent reads it: when, the title (or the URL when there is none) and, on its own
 * line (`.url` is a block), the URL.
 */
const visits = (element: HTMLElement) =>
  [...(timeline(element)?.querySelectorAll<HTMLElement>(':scope > li') ?? [])].map((li) => ({
    when: li.querySelector('.when')?.textContent?.trim(),
    title: [...li.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join(''),
    url: li.querySelector('.url')?.textContent ?? null,
  }));

/** An ISO time at a local wall-clock hour and minute, so the shown time does not depend on the time zone. */
const localAt = (hour: number, minute: number) => new Date(2025, 0, 15, hour, minute).toISOString();

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

describe('ConversationView: the page each visitor message was written on', () => {
  it('shows the page title under a visitor message, with the URL on hover', () => {
    const { element } = render([
      makeMessage(1, {
        role: 'visitor',
        text: 'Where is my deposit?',
        context: { url: 'https://shop.example/deposit?step=2', title: 'Deposit · Acme' },
      }),
    ]);
    expect(pageLines(element)).toEqual([{ text: 'on Deposit · Acme', url: 'https://shop.example/deposit?step=2' }]);
  });

  it('falls back to the URL when the page has no title', () => {
    const { element } = render([
      makeMessage(1, { role: 'visitor', text: 'hi', context: { url: 'https://shop.example/cart' } }),
      makeMessage(2, { role: 'visitor', text: 'hello?', context: { url: 'https://shop.example/checkout', title: '' } }),
    ]);
    expect(pageLines(element)).toEqual([
      { text: 'on https://shop.example/cart', url: 'https://shop.example/cart' },
      { text: 'on https://shop.example/checkout', url: 'https://shop.example/checkout' },
    ]);
  });

  it('shows each message’s own page, and nothing for a message sent without context', () => {
    const { element } = render([
      makeMessage(1, { role: 'visitor', text: 'on pricing', context: { url: 'https://shop.example/pricing', title: 'Pricing' } }),
      makeMessage(2, { role: 'agent', text: 'Which plan?' }),
      makeMessage(3, { role: 'visitor', text: 'context turned off' }),
      makeMessage(4, { role: 'visitor', text: 'on faq', context: { url: 'https://shop.example/faq', title: 'FAQ' } }),
    ]);
    expect(pageLines(element)).toEqual([
      { text: 'on Pricing', url: 'https://shop.example/pricing' },
      null,
      null,
      { text: 'on FAQ', url: 'https://shop.example/faq' },
    ]);
  });

  it('shows a page title with markup as text, never as HTML', () => {
    const { element } = render([
      makeMessage(1, { role: 'visitor', text: 'help', context: { url: 'https://shop.example/"><script>x</script>', title: HOSTILE } }),
    ]);
    const line = element.querySelector<HTMLElement>('.from-page')!;
    expect(line.textContent).toBe(`on ${HOSTILE}`);
    expect(line.children).toHaveLength(0);
    expect(line.getAttribute('title')).toBe('https://shop.example/"><script>x</script>');
    expect(element.querySelector('.messages img, .messages b, .messages script')).toBeNull();
  });

  it('shows the page on a message that arrives live', () => {
    const view = render([makeMessage(1, { role: 'agent', text: 'Hello!' })]);
    view.addMessage(makeMessage(2, { role: 'visitor', text: 'from docs', context: { url: 'https://shop.example/docs', title: 'Docs' } }));
    expect(pageLines(view.element)).toEqual([null, { text: 'on Docs', url: 'https://shop.example/docs' }]);
  });
});

describe('ConversationView: the timeline of pages the visitor visited', () => {
  const pages: PageVisit[] = [
    { at: localAt(9, 41), context: { url: 'https://shop.example/', title: 'Home' } },
    { at: localAt(9, 43), context: { url: 'https://shop.example/pricing' } },
    { at: localAt(9, 47), context: { url: 'https://shop.example/checkout', title: 'Checkout' } },
  ];

  it('lists every visit newest first, with its time, title and URL', () => {
    const { element } = render([], pages);
    const heading = timeline(element)?.previousElementSibling;
    expect(heading?.textContent).toBe('Pages visited');
    const shown = visits(element);
    expect(shown.map(({ title, url }) => ({ title, url }))).toEqual([
      { title: 'Checkout', url: 'https://shop.example/checkout' },
      // No title: the URL is the line itself, not repeated under it.
      { title: 'https://shop.example/pricing', url: null },
      { title: 'Home', url: 'https://shop.example/' },
    ]);
    expect(shown.map((v) => v.when)).toEqual([
      expect.stringMatching(/\b0?9:47\b/),
      expect.stringMatching(/\b0?9:43\b/),
      expect.stringMatching(/\b0?9:41\b/),
    ]);
  });

  it('is empty when no page was reported', () => {
    const { element } = render([]);
    expect(timeline(element)).not.toBeNull();
    expect(visits(element)).toEqual([]);
  });

  it('puts a page the visitor opens while the agent watches at the top', () => {
    const view = render([], pages);
    view.addPage({ url: 'https://shop.example/thanks', title: 'Thank you' });
    const shown = visits(view.element);
    expect(shown).toHaveLength(4);
    expect(shown[0]?.title).toBe('Thank you');
    expect(shown[0]?.url).toBe('https://shop.example/thanks');
    expect(shown[1]?.url).toBe('https://shop.example/checkout');
  });

  it('shows a hostile page title in the timeline as text, never as HTML', () => {
    const view = render([], [{ at: localAt(10, 0), context: { url: 'https://shop.example/x', title: HOSTILE } }]);
    const item = timeline(view.element)!.querySelector('li')!;
    expect(visits(view.element)[0]?.title).toBe(HOSTILE);
    expect(item.querySelector('img, b')).toBeNull();
    expect([...item.children].map((child) => child.className)).toEqual(['when', 'url']);
  });
});
