import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ResponseError } from '../../../src/core/index.js';
import { INVALID_REPLY_NOTICE_MS } from '../../../src/ui/components/InvalidReplyNotice.js';
import { settle, setupPerTest, type, type Env } from './setup.js';

const open = setupPerTest();
afterEach(() => vi.useRealTimers());

const invalidFrame = () => new ResponseError('live event', [{ path: ['type'], message: 'Invalid input', code: 'invalid_union' }]);
const notice = (env: Env) => env.$('.reply-notice')!;
const textarea = (env: Env) => env.$<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;

/** Runs `fn` with fake timeouts, flushing preact and nanostores' batched renders after it. */
async function withFakeTimers(fn: (advance: (ms: number) => Promise<void>) => Promise<void>) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const advance = (ms: number) =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  try {
    await fn(advance);
  } finally {
    vi.useRealTimers();
  }
}

describe('InvalidReplyNotice: a malformed reply from the server is visible, briefly and quietly', () => {
  test('an invalid live frame shows a polite, localized notice that leaves by itself after a few seconds, keeping focus and the draft', async () => {
    const env = await open({ transport: { history: [{ author: { role: 'agent', id: 'a', name: 'Alex' }, text: 'Hello!' }] } });
    // Rendered (empty) before anything goes wrong, so screen readers announce the change itself.
    expect(notice(env).getAttribute('role')).toBe('status');
    expect(notice(env).textContent).toBe('');
    await type(textarea(env), 'half-typed question');
    textarea(env).focus();
    const composer = env.$('.composer')!;
    const before = composer.previousElementSibling;

    await withFakeTimers(async (advance) => {
      await act(() => env.desk.emitInvalid(invalidFrame()));
      await advance(20);
      expect(notice(env).textContent).toBe('Support sent a reply we could not read. It was skipped; the chat keeps working.');
      // Quiet: it takes no focus, offers nothing to tab to, and is not an alert.
      expect(env.root.activeElement).toBe(textarea(env));
      expect(notice(env).querySelector('button, a, [tabindex]')).toBeNull();
      expect(env.$('[role="alert"]')).toBeNull();
      // It overlays the body instead of being inserted before the composer.
      expect(notice(env).parentElement?.classList.contains('body')).toBe(true);
      expect(composer.previousElementSibling).toBe(before);
      expect(textarea(env).value).toBe('half-typed question');

      await advance(INVALID_REPLY_NOTICE_MS - 500);
      expect(notice(env).textContent).not.toBe('');
      await advance(600);
      expect(notice(env).textContent).toBe('');
      // The transcript was never touched.
      expect(env.$$('.message').map((m) => m.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('Hello!')]));
    });
  });

  test('clears as soon as valid data arrives (the next live message)', async () => {
    const env = await open();
    await withFakeTimers(async (advance) => {
      await act(() => env.desk.emitInvalid(invalidFrame()));
      await advance(20);
      expect(notice(env).textContent).not.toBe('');
      await act(() => {
        env.desk.say('Sorry about that, here is your answer.');
      });
      await advance(20);
      expect(notice(env).textContent).toBe('');
      expect(env.$$('.message').some((m) => m.textContent?.includes('here is your answer'))).toBe(true);
    });
  });

  test('an invalid config reply is noticed too, in the visitor’s language, and the last good config stays', async () => {
    let brokenConfig = false;
    const env = await open({
      locale: 'de',
      transport: {
        fail: (operation) =>
          brokenConfig && operation === 'getConfig'
            ? new ResponseError('config', [{ path: ['uploads', 'maxBytes'], message: 'Invalid input: expected number, received string', code: 'invalid_type' }])
            : null,
      },
    });
    const good = env.client.$config.get();
    expect(good).not.toBeNull();
    brokenConfig = true;
    await act(() => env.client.setLocale('ru'));
    await env.i18n.whenReady();
    await settle();
    expect(env.client.$error.get()).toBeInstanceOf(ResponseError);
    expect(env.client.$config.get()).toBe(good);
    expect(notice(env).textContent).toBe('Сервер поддержки прислал ответ, который не удалось прочитать. Мы его пропустили, чат продолжает работать.');

    // The next good config replaces the notice (a fresh object, as every reply over the wire is).
    brokenConfig = false;
    env.desk.setConfig({});
    await act(() => env.client.setLocale('es'));
    await settle();
    expect(notice(env).textContent).toBe('');
  });

  test('stays out of the way when the connection banner already explains the invalid reply (a failed session start)', async () => {
    const env = await open({
      transport: { fail: (operation) => (operation === 'createSession' ? new ResponseError('session', [{ path: ['token'], message: 'Invalid input', code: 'invalid_type' }]) : null) },
    });
    await settle();
    expect(env.client.$session.get().status).toBe('error');
    expect(env.$('.connection')!.textContent).toBe('Support sent an unexpected reply. We keep trying.');
    // One message is enough: the notice does not repeat the banner.
    expect(notice(env).textContent).toBe('');
  });

  test('says nothing for an ordinary outage, which the connection banner covers', async () => {
    const env = await open();
    await act(() => env.desk.setOnline(false));
    await settle();
    expect(env.client.$connection.get()).toBe('offline');
    expect(env.$('.connection')!.textContent).not.toBe('');
    expect(notice(env).textContent).toBe('');
  });
});
