import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Author, Conversation, SeedMessage } from '../../../src/core/index.js';
import { click, settle, setupPerTest, type Env } from './setup.js';

// Dates on screen are formatted by the translator of the moment. When the visitor switches the
// language, rows that are memoized (day separators, bubbles) and the conversation list must redraw
// with the new translator, without a reload and without a new message arriving.

const open = setupPerTest();

/** Wednesday 18 June 2025, 15:30 local time; every date below is local, so the time zone does not matter. */
const NOW = new Date(2025, 5, 18, 15, 30);
const local = (day: number, hour: number, minute: number) => new Date(2025, 5, day, hour, minute).toISOString();

const alex: Author = { role: 'agent', id: 'a1', name: 'Alex Morgan' };
const visitor: Author = { role: 'visitor' };
const history: SeedMessage[] = [
  { author: visitor, text: 'First order', createdAt: local(1, 9, 15) },
  { author: visitor, text: 'Second order', createdAt: local(15, 11, 20) },
  { author: visitor, text: 'Charged twice', createdAt: local(17, 14, 5) },
  { author: alex, text: 'Checking', createdAt: local(17, 14, 7) },
  { author: alex, text: 'Refund issued', createdAt: local(18, 15, 5) },
];

beforeEach(() => {
  // Only Date: settle() and the widget's own timers keep running for real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Waits (on real timers) until `check` passes; the Russian catalog is a lazily loaded chunk. */
async function until(check: () => boolean, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds && !check(); i++) await settle(1);
  if (!check()) throw new Error('until: timed out');
}

/**
 * Waits until the panel's own text is in the new language (the log's label), so the date checks
 * that follow fail with a diff, not a time-out, when only the dates stay behind.
 */
const logLabel = (env: Env) => env.$('[role="log"]')?.getAttribute('aria-label');
async function switchedTo(env: Env, label: 'Переписка' | 'Conversation'): Promise<void> {
  await until(() => logLabel(env) === label);
  await settle();
}

const days = (env: Env) => env.$$('.messages .day').map((el) => el.textContent);
const times = (env: Env) => env.$$('.messages .meta time').map((el) => el.textContent);

/** What the visitor does: open the language menu in the header and pick a language by its name. */
async function pickLanguage(env: Env, name: string): Promise<void> {
  await click(env.$('button.language-button'));
  const item = env.$$('[role="menuitemradio"]').find((el) => el.textContent?.trim() === name);
  expect(item, `language menu item "${name}"`).toBeDefined();
  await click(item!);
}

describe('switching the language re-formats dates already on screen', () => {
  test('day separators in the message list change to Russian', async () => {
    const env = await open({ transport: { history } });
    expect(days(env)).toEqual(['June 1', 'Sunday', 'Yesterday', 'Today']);

    await env.client.setLocale('ru');
    await switchedTo(env, 'Переписка');
    expect(days(env)).toEqual(['1 июня', 'Воскресенье', 'Вчера', 'Сегодня']);
  });

  test('message times change from the English to the Russian clock', async () => {
    const env = await open({ transport: { history } });
    // One time under the last message of each group; \s also matches ICU's narrow no-break space.
    expect(times(env)).toEqual([
      expect.stringMatching(/^9:15\sAM$/),
      expect.stringMatching(/^11:20\sAM$/),
      expect.stringMatching(/^2:05\sPM$/),
      expect.stringMatching(/^2:07\sPM$/),
      expect.stringMatching(/^3:05\sPM$/),
    ]);

    await env.client.setLocale('ru');
    await switchedTo(env, 'Переписка');
    expect(times(env)).toEqual(['09:15', '11:20', '14:05', '14:07', '15:05']);
  });

  test('picking Русский in the language menu re-formats separators and times', async () => {
    const env = await open({ transport: { history } });
    await pickLanguage(env, 'Русский');
    await switchedTo(env, 'Переписка');
    expect(env.client.$locale.get()).toBe('ru');
    expect(days(env)).toEqual(['1 июня', 'Воскресенье', 'Вчера', 'Сегодня']);
    expect(times(env).at(-1)).toBe('15:05');
    expect(times(env).some((time) => /AM|PM/.test(time ?? ''))).toBe(false);
  });

  test('switching back to English restores the English dates', async () => {
    const env = await open({ locale: 'ru', transport: { history } });
    expect(days(env)).toEqual(['1 июня', 'Воскресенье', 'Вчера', 'Сегодня']);
    expect(times(env).at(-1)).toBe('15:05');

    await env.client.setLocale('en');
    await switchedTo(env, 'Conversation');
    expect(days(env)).toEqual(['June 1', 'Sunday', 'Yesterday', 'Today']);
    expect(times(env).at(-1)).toMatch(/^3:05\sPM$/);
  });
});

describe('switching the language re-formats the conversation list', () => {
  const conversation = (id: string, ref: string, updatedAt: string, preview: string): Conversation => ({
    id,
    ref,
    status: 'open',
    handler: 'human',
    lastSeq: 3,
    visitorReadSeq: 3,
    agentReadSeq: 3,
    lastMessagePreview: preview,
    createdAt: local(1, 9, 0),
    updatedAt,
  });
  const list = [
    conversation('c1', 'PR-1001', new Date(NOW.getTime() - 2 * 3_600_000).toISOString(), 'Refund issued'),
    conversation('c2', 'PR-0999', local(15, 15, 30), 'Please send the TxID'),
    conversation('c3', 'PR-0998', local(17, 15, 30), 'Thanks'),
    conversation('c4', 'PR-0900', local(5, 10, 0), 'Old one'),
  ];

  const activity = (env: Env) => env.$$('.conversation .small').map((el) => el.textContent);
  const heading = (env: Env) => env.$('#parley-conversations-title')?.textContent;

  async function openList(): Promise<Env> {
    const env = await open({ screen: 'conversations' });
    env.transport.listConversations = async () => list;
    // The list is fetched when shown: show it again so it uses the stubbed backend.
    env.view.$screen.set('chat');
    await settle();
    env.view.$screen.set('conversations');
    await until(() => env.$$('.conversation').length === list.length);
    return env;
  }

  test('relative times in "Your conversations" change to Russian without a reload', async () => {
    const env = await openList();
    expect(heading(env)).toBe('Your conversations');
    expect(activity(env)).toEqual([
      'Last activity 2 hours ago',
      'Last activity 3 days ago',
      'Last activity yesterday',
      'Last activity 2 weeks ago',
    ]);

    await env.client.setLocale('ru');
    await until(() => heading(env) === 'Ваши обращения');
    expect(activity(env)).toEqual([
      'Последняя активность: 2 часа назад',
      'Последняя активность: 3 дня назад',
      'Последняя активность: вчера',
      'Последняя активность: 2 недели назад',
    ]);
  });

  test('an activity older than a month shows a date that changes language too', async () => {
    const env = await open({ screen: 'conversations' });
    env.transport.listConversations = async () => [conversation('c9', 'PR-0500', new Date(2025, 3, 2, 10, 0).toISOString(), 'Spring')];
    env.view.$screen.set('chat');
    await settle();
    env.view.$screen.set('conversations');
    await until(() => env.$$('.conversation').length === 1);
    expect(activity(env)).toEqual(['Last activity April 2']);

    await env.client.setLocale('ru');
    await until(() => heading(env) === 'Ваши обращения');
    expect(activity(env)).toEqual(['Последняя активность: 2 апреля']);
  });
});
