import { afterEach, describe, expect, test } from 'vitest';
import { HttpError, type Author, type SeedMessage } from '../../../src/core/index.js';
import { click, settle, setup } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(() => env?.cleanup());

const alex: Author = { role: 'agent', id: 'a1', name: 'Alex Morgan' };
const visitor: Author = { role: 'visitor' };
const today = new Date();
today.setHours(0, 0, 0, 0);
const at = (dayOffset: number, minutes: number) => new Date(today.getTime() + dayOffset * 86_400_000 + minutes * 60_000).toISOString();

const history: SeedMessage[] = [
  { author: visitor, text: 'My withdrawal is stuck', createdAt: at(-1, 600) },
  { author: visitor, text: 'It is 0.25 BTC', createdAt: at(-1, 601) },
  { author: { role: 'system' }, system: { kind: 'agent.joined', name: 'Alex Morgan' }, createdAt: at(-1, 602) },
  { author: alex, text: 'Let me check', createdAt: at(-1, 603) },
  { author: alex, text: 'It is **confirmed** now', createdAt: at(0, 1) },
];

const announcer = () => env!.$('[aria-live="polite"]')!;

describe('MessageList', () => {
  test('is a log that does not speak by itself', async () => {
    env = await setup({ transport: { history } });
    const log = env.$('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('off');
    expect(log.getAttribute('aria-label')).toBe('Conversation');
  });

  test('groups consecutive messages by author and separates days', async () => {
    env = await setup({ transport: { history } });
    const items = env.$$('.messages > *').map((el) =>
      el.classList.contains('day') ? `day:${el.textContent}` : el.classList.contains('system') ? `system:${el.textContent}` : `group:${el.getAttribute('data-role')}:${el.querySelectorAll('.bubble').length}`,
    );
    expect(items).toEqual([
      'day:Yesterday',
      'group:visitor:2',
      'system:Alex Morgan joined the conversation',
      'group:agent:1',
      'day:Today',
      'group:agent:1',
    ]);
    expect(env.$('.group[data-role="agent"] .author')?.textContent).toBe('Alex Morgan');
    expect(env.$$('.bubble strong').map((b) => b.textContent)).toEqual(['confirmed']);
  });

  test('a rejected message shows why, and Retry delivers it', async () => {
    let reject = true;
    env = await setup({
      transport: {
        fail: (op) => (op === 'sendMessage' && reject ? new HttpError(422, 'secret_blocked', 'looks like a seed phrase') : null),
      },
    });
    env.client.send('abandon ability able about above absent absorb abstract absurd abuse access accident');
    await settle(5);
    const message = env.$('.message[data-state="failed"]')!;
    expect(message.textContent).toContain('Not sent: it looks like a seed phrase');
    reject = false;
    await click(Array.from(message.querySelectorAll('button')).find((b) => b.textContent === 'Retry')!);
    await settle(5);
    expect(env.$('.message[data-state="failed"]')).toBeNull();
    expect(env.$('.group[data-role="visitor"] .meta')?.textContent).toContain('Sent');
    expect(env.desk.messages.filter((m) => m.author.role === 'visitor')).toHaveLength(1);
  });

  test('Delete drops a failed message', async () => {
    env = await setup({
      transport: { fail: (op) => (op === 'sendMessage' ? new HttpError(409, 'conversation_resolved', 'resolved') : null) },
    });
    env.client.send('too late');
    await settle(5);
    await click(env.$$('.message[data-state="failed"] button').find((b) => b.textContent === 'Delete')!);
    expect(env.$('.group[data-role="visitor"]')).toBeNull();
  });

  test('a message waiting for the network says it is sending', async () => {
    env = await setup();
    env.desk.setOnline(false);
    env.client.send('typed offline');
    await settle(5);
    const message = env.$('.message[data-state="pending"]')!;
    expect(message.textContent).toContain('Sending…');
  });

  test('shows "Read" once the agent has read the message', async () => {
    env = await setup();
    env.client.send('did you see this?');
    await settle(5);
    expect(env.$('.status')?.textContent).toBe('Sent');
    env.desk.readByAgent();
    await settle();
    expect(env.$('.status')?.textContent).toBe('Read');
  });

  test('shows who is typing', async () => {
    env = await setup({ transport: { history } });
    env.desk.typing(true, alex);
    await settle();
    expect(env.$('.typing')?.textContent).toBe('Alex Morgan is typing…');
    env.desk.say('Done!', { author: alex });
    await settle();
    expect(env.$('.typing')).toBeNull();
  });

  test('system events read in the visitor language', async () => {
    env = await setup({ locale: 'ru', transport: { history } });
    expect(env.$('.system')?.textContent).toBe('Alex Morgan теперь в чате');
    expect(env.$('.day')?.textContent).toBe('Вчера');
  });
});

describe('LiveAnnouncer', () => {
  test('announces a new incoming message once, and never the history', async () => {
    env = await setup({ transport: { history } });
    expect(announcer().textContent).toBe('');
    env.desk.say('Your transfer arrived', { author: alex });
    await settle();
    expect(announcer().textContent).toBe('New message from Alex Morgan: Your transfer arrived');
    // Unrelated updates (typing, read receipts, a re-render) do not repeat it.
    env.desk.typing(true, alex);
    env.desk.readByAgent();
    await settle();
    expect(announcer().querySelectorAll('p')).toHaveLength(1);
  });

  test('does not read the visitor their own message', async () => {
    env = await setup();
    env.client.send('hello');
    await settle(5);
    expect(announcer().textContent).toBe('');
  });

  test('does not announce older messages paged in', async () => {
    const many: SeedMessage[] = Array.from({ length: 60 }, (_, i) => ({ author: i % 2 ? alex : visitor, text: `m${i}` }));
    env = await setup({ transport: { history: many } });
    expect(env.client.$hasOlder.get()).toBe(true);
    await click(env.$('.load-older'));
    await settle(5);
    expect(env.$$('.bubble')).toHaveLength(60);
    expect(announcer().textContent).toBe('');
  });

  test('announces a streamed reply once, when it is complete', async () => {
    env = await setup();
    const done = env.desk.streamBot('Two-factor is on.', { chunk: 4, interval: 1 });
    await settle();
    expect(announcer().textContent).toBe('');
    await done;
    await settle(5);
    expect(env.$$('.bubble').at(-1)?.textContent).toBe('Two-factor is on.');
    expect(announcer().textContent).toBe('New message from Parley Assistant: Two-factor is on.');
  });
});
