import { atom } from 'nanostores';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { createMemoryStorage, type Article, type Conversation, type ParleyStorage } from '../../../src/core/index.js';
import { click, settle, type, setupPerTest, type Env } from './setup.js';

const open = setupPerTest();
const byText = (env: Env, selector: string, text: string) => env.$$(selector).find((el) => el.textContent?.trim() === text);
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const openMenu = async (env: Env) => click(env.$('button[aria-label="More options"]'));

const article = (id: string, title: string, tags: string[], body = `About ${title}.`): Article => ({
  id,
  title,
  body,
  locale: 'en',
  tags,
  updatedAt: '2026-11-01T10:00:00.000Z',
});
const articles = [
  article('deposit-not-arriving', 'My deposit has not arrived', ['deposit'], '## 1. Wait for confirmations\n\nMost deposits arrive in **30 minutes**.'),
  article('withdrawal-limits', 'Withdrawal limits', ['withdraw']),
  article('reset-2fa', 'Reset two-factor authentication', ['security']),
];

describe('conversations (ticket status)', () => {
  const conversation = (id: string, ref: string, status: Conversation['status'], minutesAgo: number, preview: string): Conversation => ({
    id,
    ref,
    status,
    handler: 'human',
    lastSeq: 3,
    visitorReadSeq: 3,
    agentReadSeq: 3,
    lastMessagePreview: preview,
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    updatedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });

  test('lists each request with its reference, status, last activity and preview; status changes arrive live', async () => {
    const env = await open({ transport: { history: [{ author: { role: 'visitor' }, text: 'Hello' }] }, screen: 'home' });
    const current = env.client.$conversation.get()!;
    env.transport.listConversations = async () => [
      { ...current, status: 'open', lastMessagePreview: 'Hello', updatedAt: new Date().toISOString() },
      conversation('c2', 'PR-0999', 'pending', 100, 'Please send the TxID'),
      conversation('c3', 'PR-0998', 'resolved', 60 * 24 * 3, 'Thanks, solved'),
    ];
    await click(byText(env, 'button', 'Your conversations')!);
    await settle(4);
    const rows = env.$$('.conversation').map((row) => [
      row.querySelector('.conversation-ref')?.textContent,
      row.querySelector('.status-badge')?.textContent,
      row.querySelector('.conversation-preview')?.textContent,
      row.querySelector('.small')?.textContent,
    ]);
    expect(rows).toEqual([
      [`Request ${current.ref}`, 'Open', 'Hello', 'Last activity this minute'],
      ['Request PR-0999', 'Waiting for you', 'Please send the TxID', 'Last activity 2 hours ago'],
      ['Request PR-0998', 'Resolved', 'Thanks, solved', 'Last activity 3 days ago'],
    ]);
    expect(env.$('.conversation[aria-current]')?.textContent).toContain(current.ref);

    env.desk.resolve();
    await settle(4);
    expect(env.$('.conversation .status-badge')?.textContent).toBe('Resolved');
  });

  test('opens a conversation, and starts a new one', async () => {
    const env = await open({ transport: { history: [{ author: { role: 'visitor' }, text: 'Hello' }] }, screen: 'conversations' });
    await settle(4);
    await click(env.$('.conversation'));
    await settle(4);
    expect(env.view.$screen.get()).toBe('chat');
    env.view.$screen.set('conversations');
    await settle(4);
    await click(byText(env, 'button', 'New conversation')!);
    expect(env.client.$conversation.get()).toBeNull();
    expect(env.view.$screen.get()).toBe('topics');
  });

  test('says "Waiting for you" in Russian too', async () => {
    const env = await open({ locale: 'ru', transport: { conversation: { status: 'pending' } }, screen: 'conversations' });
    await settle(4);
    expect(env.$('.status-badge')?.textContent).toBe('Ждёт вашего ответа');
  });

  test('the rating form shows once the conversation is resolved with a rating request', async () => {
    const env = await open({ transport: { history: [{ author: { role: 'visitor' }, text: 'Hello' }] } });
    expect(env.$('.rating')).toBeNull();
    env.desk.resolve();
    await settle(5);
    expect(env.$('.rating')?.textContent).toContain('How did we do?');
  });
});

describe('desk notices and storage', () => {
  const notices = [
    { id: 'seed', level: 'info' as const, dismissible: true, text: { en: 'We never ask for your seed phrase.' } },
    { id: 'phish', level: 'critical' as const, dismissible: false, text: { en: 'Our only domain is example.com.' } },
  ];

  test('a dismissed notice stays dismissed for a new client on the same storage (a reload)', async () => {
    const storage = createMemoryStorage();
    const first = await open({ storage, transport: { config: { notices } } });
    expect(first.$$('.notice')).toHaveLength(2);
    await click(first.$('.notice button[aria-label="Dismiss notice"]'));
    expect(first.$$('.notice').map((n) => n.textContent)).toEqual(['Important: Our only domain is example.com.']);
    first.cleanup();

    const second = await open({ storage, transport: { config: { notices } } });
    expect(second.client.$dismissedNotices.get()).toEqual(['seed']);
    expect(second.$$('.notice').map((n) => n.textContent)).toEqual(['Important: Our only domain is example.com.']);
  });

  test('says history will not be kept when storage is memory only, and not when it lasts', async () => {
    const memory = await open();
    expect(memory.$('.storage-notice')?.textContent).toBe('History will not be kept after you close this page.');
    await click(memory.$('.storage-notice button'));
    expect(memory.$('.storage-notice')).toBeNull();

    const durable: ParleyStorage = Object.assign(createMemoryStorage(), { kind: 'local' as const, durable: true });
    const local = await open({ storage: durable });
    expect(local.$('.storage-notice')).toBeNull();
  });
});

describe('header menu', () => {
  test('offers the desk’s other channels, safely: https/tg/mailto only, opening outside', async () => {
    const env = await open({ transport: { config: { channels: { telegram: '@parley_support', email: 'help@example.com' } } } });
    await openMenu(env);
    const links = env.$$<HTMLAnchorElement>('[role="menu"] a');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['Continue in Telegram (opens in a new tab)', 'https://t.me/parley_support', '_blank', 'noopener noreferrer'],
      ['Continue by email (opens in a new tab)', 'mailto:help@example.com', '_blank', 'noopener noreferrer'],
    ]);
  });

  test('drops a channel with an unsafe scheme', async () => {
    const env = await open({ transport: { config: { channels: { telegram: 'javascript:alert(1)', email: 'x@y.z?body=<script>' } } } });
    await openMenu(env);
    expect(env.$$('[role="menu"] a')).toHaveLength(0);
  });

  test('the away notice offers the channels too', async () => {
    const env = await open({ screen: 'home', transport: { config: { availability: { online: false, alwaysOpen: false } } } });
    expect(env.$$<HTMLAnchorElement>('.away a').map((a) => a.getAttribute('href'))).toEqual(['mailto:support@example.com']);
  });

  test('downloads the transcript as .txt and as .html', async () => {
    const env = await open({
      transport: { config: { features: { transcriptExport: true } }, history: [{ author: { role: 'visitor' }, text: '<b>hi</b>' }] },
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await openMenu(env);
    await click(byText(env, '[role="menuitem"]', 'Download transcript (.txt)')!);
    await wait(50);
    await openMenu(env);
    await click(byText(env, '[role="menuitem"]', 'Download transcript (.html)')!);
    await wait(50);
    const ref = env.client.$conversation.get()!.ref;
    expect(clicked.map((a) => a.download)).toEqual([
      expect.stringMatching(new RegExp(`^transcript-${ref}-\\d{4}-\\d\\d-\\d\\d\\.txt$`)),
      expect.stringMatching(new RegExp(`^transcript-${ref}-\\d{4}-\\d\\d-\\d\\d\\.html$`)),
    ]);
    expect(clicked.every((a) => a.href.startsWith('blob:'))).toBe(true);
  });

  test('has no transcript items where the desk turned export off', async () => {
    const env = await open({ transport: { history: [{ author: { role: 'visitor' }, text: 'hi' }] } });
    await openMenu(env);
    expect(env.$$('[role="menuitem"]').map((i) => i.textContent)).toEqual(['Your conversations', 'Continue by email (opens in a new tab)']);
  });
});

describe('knowledge base', () => {
  const kb = { config: { features: { knowledgeBase: true } }, articles };

  test('suggests articles for the page, refreshes on SPA navigation, and searches as the visitor types', async () => {
    const $pageUrl = atom('https://exchange.example/deposit');
    const env = await open({ screen: 'home', transport: kb, widget: { $pageUrl } });
    await settle(4);
    expect(env.$('.kb-heading')?.textContent).toBe('Suggested for this page');
    expect(env.$$('.article-title').map((t) => t.textContent)).toEqual(['My deposit has not arrived']);

    $pageUrl.set('https://exchange.example/withdraw');
    await settle(4);
    expect(env.$$('.article-title').map((t) => t.textContent)).toEqual(['Withdrawal limits']);

    const search = env.$<HTMLInputElement>('input[type="search"]')!;
    const calls = vi.spyOn(env.transport, 'searchArticles');
    await type(search, 'two');
    await type(search, 'two-factor');
    await wait(350);
    await settle(3);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(env.$$('.article-title').map((t) => t.textContent)).toEqual(['Reset two-factor authentication']);
    expect(env.$('#parley-kb-status')?.textContent).toBe('1 article found');
    await type(search, 'nothing like this');
    await wait(350);
    await settle(3);
    expect(env.$('#parley-kb-status')?.textContent).toBe('No articles match “nothing like this”.');
  });

  test('opens an article inside the panel; "Still need help?" starts a conversation that carries it', async () => {
    const env = await open({ screen: 'home', transport: { ...kb, config: { ...kb.config, topics: [] } }, widget: { $pageUrl: atom('/deposit') } });
    await settle(4);
    await click(env.$('.article-link'));
    await settle(4);
    expect(env.view.$screen.get()).toBe('article');
    expect(env.$('.article h2')?.textContent).toBe('My deposit has not arrived');
    expect(env.$('.article .md-heading')?.textContent).toBe('1. Wait for confirmations');
    expect(env.$('.article strong')?.textContent).toBe('30 minutes');

    const create = vi.spyOn(env.transport, 'createConversation');
    await click(byText(env, 'button', 'Message support')!);
    expect(env.view.$screen.get()).toBe('chat');
    expect(env.$('.ask-about')?.textContent).toBe('About: My deposit has not arrived');
    await type(env.$<HTMLTextAreaElement>('.composer textarea')!, 'It is still missing');
    await click(env.$('[part="send-button"]'));
    await settle(6);
    expect(create.mock.calls[0]?.[0]).toMatchObject({ articleId: 'deposit-not-arriving' });
    expect(env.$('.ask-about')).toBeNull();
  });

  test('is not shown where the desk has no knowledge base', async () => {
    const env = await open({ screen: 'home', transport: { articles } });
    expect(env.$('.kb')).toBeNull();
  });
});

describe('bot and handoff', () => {
  test('quick replies from the bot send their id; a handoff and an agent joining read as events', async () => {
    const bot = { role: 'bot' as const, id: 'bot', name: 'Assistant' };
    const env = await open({
      transport: {
        history: [
          {
            author: bot,
            text: 'See “My deposit has not arrived”.',
            quickReplies: [
              { id: 'resolved', label: 'That solved it' },
              { id: 'handoff', label: 'Talk to a person' },
            ],
          },
        ],
      },
    });
    const sends = vi.spyOn(env.transport, 'sendMessage');
    await click(byText(env, '.quick-reply', 'Talk to a person')!);
    await settle(5);
    expect(sends.mock.calls[0]?.[1]).toMatchObject({ text: 'Talk to a person', quickReplyId: 'handoff' });
    env.desk.system('handoff.requested');
    env.desk.join({ role: 'agent', id: 'a1', name: 'Alex' });
    await settle(5);
    expect(env.$$('.system').map((s) => s.textContent)).toEqual(['Connecting you to a specialist…', 'Alex joined the conversation']);
  });
});
