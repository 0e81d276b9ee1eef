import { afterEach, describe, expect, test, vi } from 'vitest';
import { HttpError, type Author } from '../../../src/core/index.js';
import { setupPerTest } from './setup.js';

const open = setupPerTest();
afterEach(() => vi.useRealTimers());

const alex: Author = { role: 'agent', id: 'a1', name: 'Alex Morgan' };

/** Freezes the clock (Date only; timers stay real) at Monday 12 May 2025, 10:00 local time. */
function mondayMorning(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 4, 12, 10, 0));
}

const at = (day: number, hours: number, minutes = 0) => new Date(2025, 4, day, hours, minutes).toISOString();
const away = (nextOpenAt: string | null) => ({ config: { availability: { online: false, nextOpenAt } } });

describe('header availability', () => {
  test.each([
    [7, 'Online · replies in ~7 min'],
    [1, 'Online · replies in under a minute'],
    [120, 'Online · replies in ~2 hours'],
  ])('with no agent assigned, a %i-minute reply time reads "%s"', async (replyTimeMinutes, expected) => {
    const env = await open({ transport: { config: { availability: { online: true, replyTimeMinutes } } } });
    expect(env.client.$conversation.get()?.assignee ?? null).toBeNull();
    expect(env.$('.header-subtitle')?.textContent).toBe(expected);
  });

  test('an assigned agent replaces the reply time with their name', async () => {
    const env = await open({
      transport: { config: { availability: { online: true, replyTimeMinutes: 7 } }, conversation: { assignee: alex } },
    });
    expect(env.$('.header-subtitle')?.textContent).toBe('Alex Morgan · Online');
  });
});

// In the English times below, `\s` also matches the narrow no-break space newer ICU puts before AM/PM.
describe('away mode', () => {
  test('a desk opening later today says "back at" the time, and asks for an email', async () => {
    mondayMorning();
    const env = await open({ screen: 'home', transport: away(at(12, 14, 30)) });
    expect(env.$('.header-subtitle')?.textContent).toMatch(/^Away · back at 2:30\sPM$/);
    expect(env.$('.away')?.textContent).toMatch(/We’ll be back at 2:30\sPM\. Leave your email and we’ll reply there too\./);
    const input = env.$<HTMLInputElement>('#parley-away-email')!;
    expect(input.type).toBe('email');
    expect(env.$('label[for="parley-away-email"]')?.textContent).toBe('Your email');
    expect(env.$$('.away button').some((b) => b.textContent === 'Notify me')).toBe(true);
  });

  test('a desk opening tomorrow says "back tomorrow at" the time', async () => {
    mondayMorning();
    const env = await open({ screen: 'home', transport: away(at(13, 9)) });
    expect(env.$('.header-subtitle')?.textContent).toMatch(/^Away · back tomorrow at 9:00\sAM$/);
    expect(env.$('.away')?.textContent).toMatch(/We’ll be back tomorrow at 9:00\sAM\./);
  });

  test('a desk opening later in the week gives the date', async () => {
    mondayMorning();
    const env = await open({ screen: 'home', transport: away(at(15, 9)) });
    expect(env.$('.header-subtitle')?.textContent).toMatch(/^Away · back on May 15 at 9:00\sAM$/);
    expect(env.$('.away')?.textContent).toMatch(/We’ll be back on May 15 at 9:00\sAM\./);
  });

  test.each([
    // Saturday before the spring change (a 23-hour Sunday), the desk opening just after Monday's midnight.
    ['two days ahead across a 23-hour day', [2025, 2, 29, 10], [2025, 2, 31, 0, 30], /back on March 31 at 12:30\sAM/],
    // The autumn change makes Sunday 25 hours long; 23:30 that evening is still today.
    ['late the same day on a 25-hour day', [2025, 9, 26, 10], [2025, 9, 26, 23, 30], /back at 11:30\sPM/],
  ] as const)('around a daylight-saving change, counts calendar days: %s', async (_, now, opens, expected) => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now[0], now[1], now[2], now[3]));
      const env = await open({ screen: 'home', transport: away(new Date(opens[0], opens[1], opens[2], opens[3], opens[4]).toISOString()) });
      expect(env.$('.header-subtitle')?.textContent).toMatch(expected);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('in Russian: "вернёмся завтра в 09:00" and a request for an email', async () => {
    mondayMorning();
    const env = await open({ locale: 'ru', screen: 'home', transport: away(at(13, 9)) });
    expect(env.$('.header-subtitle')?.textContent).toBe('Не в сети · вернёмся завтра в 09:00');
    expect(env.$('.away')?.textContent).toContain('Мы вернёмся завтра в 09:00. Оставьте email — ответим и туда.');
    expect(env.$('label[for="parley-away-email"]')?.textContent).toBe('Ваш email');
  });
});

describe('Welcome', () => {
  const greeting = { en: 'Welcome to Acme support', ru: 'Добро пожаловать в поддержку Acme' };

  test.each([
    ['en', 'Welcome to Acme support'],
    ['ru', 'Добро пожаловать в поддержку Acme'],
  ])('shows the desk greeting in the visitor language (%s)', async (locale, expected) => {
    const env = await open({ locale, screen: 'home', transport: { config: { greeting } } });
    expect(env.$('.home .hero h2')?.textContent).toBe(expected);
  });

  test('falls back to the built-in greeting when the desk has none', async () => {
    const env = await open({ screen: 'home', transport: { config: { greeting: {} } } });
    expect(env.$('.home .hero h2')?.textContent).toBe('Hi! How can we help you today?');
  });
});

describe('disabled composer', () => {
  const refused = { fail: (op: string) => (op === 'createSession' ? new HttpError(403, 'forbidden', 'Parley: refused') : null) };

  test.each([
    ['en', 'Chat is unavailable right now. Please try again later.'],
    ['ru', 'Чат сейчас недоступен. Попробуйте позже.'],
  ])('a refused session disables writing and says why (%s)', async (locale, reasonText) => {
    const env = await open({ locale, transport: refused });
    expect(env.client.$session.get().status).toBe('error');
    const textarea = env.$<HTMLTextAreaElement>('.composer textarea')!;
    expect(textarea.disabled).toBe(true);
    expect(env.$<HTMLButtonElement>('.send-button')!.disabled).toBe(true);
    const reason = env.$('.composer-reason')!;
    expect(reason.textContent).toBe(reasonText);
    expect(reason.id).toBeTruthy();
    expect(textarea.getAttribute('aria-describedby')?.split(' ')).toContain(reason.id);
  });

  test('a working session has no reason and an enabled textarea', async () => {
    const env = await open();
    expect(env.$<HTMLTextAreaElement>('.composer textarea')!.disabled).toBe(false);
    expect(env.$('.composer-reason')).toBeNull();
  });
});

describe('position', () => {
  const sides = (el: Element) => {
    const style = getComputedStyle(el);
    return { left: style.left, right: style.right };
  };

  test('left puts the launcher and the panel at the left edge, at the offset', async () => {
    const env = await open({ widget: { position: 'left', offset: { x: 33, y: 20 } } });
    expect(env.$('.root')?.getAttribute('data-position')).toBe('left');
    expect(sides(env.$('.launcher')!)).toEqual({ left: '33px', right: 'auto' });
    expect(sides(env.$('.panel')!)).toEqual({ left: '33px', right: 'auto' });
  });

  test('the default is the right edge', async () => {
    const env = await open({ widget: { offset: { x: 33, y: 20 } } });
    expect(env.$('.root')?.getAttribute('data-position')).toBe('right');
    expect(sides(env.$('.launcher')!)).toEqual({ left: 'auto', right: '33px' });
    expect(sides(env.$('.panel')!)).toEqual({ left: 'auto', right: '33px' });
  });
});
