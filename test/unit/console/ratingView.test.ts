import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorConversation } from '../../../src/core/protocol/index.js';
import { BlobUrls } from '../../../src/server/console/attachmentView.js';
import { ConversationView } from '../../../src/server/console/conversationView.js';
import { makeConversation, makeMessage } from '../support/fixtures.js';

const api = {} as ConstructorParameters<typeof BlobUrls>[0];
const views: ConversationView[] = [];

function render(patch: Pick<OperatorConversation, 'rating' | 'ratingRequested'>): HTMLElement {
  const view = new ConversationView(
    {
      conversation: {
        ...makeConversation({ lastSeq: 1, status: 'resolved', ...patch }),
        visitor: { id: 'v_1' },
        attachmentCount: 0,
      },
      messages: [makeMessage(1, { role: 'visitor', text: 'thanks, sorted' })],
      pages: [],
      attachments: [],
    },
    { api, blobs: new BlobUrls(api), agentName: () => 'Alex', onChanged: () => {}, onError: () => {} },
  );
  views.push(view);
  return view.element;
}

const ratingOf = (element: HTMLElement) => element.querySelector<HTMLElement>('[data-testid="console-rating"]');
/** The text under the side panel's "Rating" heading. */
const ratingSection = (element: HTMLElement) =>
  [...element.querySelectorAll('h3')].find((heading) => heading.textContent === 'Rating')?.nextElementSibling?.textContent;

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

describe('ConversationView: the visitor’s rating', () => {
  it('shows the score as stars with a spoken label, and the comment', () => {
    const shown = ratingOf(render({ rating: { score: 4, comment: 'Quick and friendly, thank you' } }));
    expect(shown).not.toBeNull();
    const stars = shown!.querySelector<HTMLElement>('.rating');
    expect(stars?.textContent).toBe('★★★★☆');
    expect(stars?.getAttribute('aria-label')).toBe('4 of 5');
    expect(shown!.querySelector('p')?.textContent).toBe('Quick and friendly, thank you');
  });

  it('shows a score without a comment, and no empty comment line', () => {
    const shown = ratingOf(render({ rating: { score: 1 } }));
    expect(shown?.querySelector('.rating')?.textContent).toBe('★☆☆☆☆');
    expect(shown?.getAttribute('data-testid')).toBe('console-rating');
    expect(shown?.querySelector('p')).toBeNull();
  });

  it('shows a comment with markup as text, never as HTML', () => {
    const comment = '<img src=x onerror="alert(1)"><b>Worst</b> <script>alert(2)</script>';
    const shown = ratingOf(render({ rating: { score: 2, comment } }));
    const paragraph = shown?.querySelector('p');
    expect(paragraph?.textContent).toBe(comment);
    expect(paragraph?.children).toHaveLength(0);
    expect(shown?.querySelector('img, b, script')).toBeNull();
  });

  it('says whether a rating was asked for when there is none yet', () => {
    const requested = render({ rating: null, ratingRequested: true });
    expect(ratingOf(requested)).toBeNull();
    expect(ratingSection(requested)).toBe('Requested, not yet given');
    const none = render({ rating: null, ratingRequested: false });
    expect(ratingOf(none)).toBeNull();
    expect(ratingSection(none)).toBe('None');
  });
});
