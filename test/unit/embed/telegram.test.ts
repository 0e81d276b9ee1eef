// The widget inside a Telegram Mini App: with `window.Telegram.WebApp` present, `init()` takes
// Telegram's colours (and follows theme switches live), expands the Mini App, fills the height
// in inline mode, and destroy() lets go of Telegram's event.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParleyWidget } from '../../../src/embed/ParleyWidget.js';
import { destroyStarted, startWidget, waitFor, whenReady, widgetRoot } from './support/startWidget.js';

type ThemeParams = Record<string, string>;

/** The part of telegram-web-app.js Parley uses, with a way to switch the theme as Telegram does. */
function fakeTelegram(colorScheme: 'light' | 'dark', themeParams: ThemeParams) {
  const handlers = new Set<() => void>();
  const app = {
    colorScheme,
    themeParams,
    viewportStableHeight: 640,
    onEvent: vi.fn((event: string, handler: () => void) => {
      if (event === 'themeChanged') handlers.add(handler);
    }),
    offEvent: vi.fn((event: string, handler: () => void) => {
      if (event === 'themeChanged') handlers.delete(handler);
    }),
    expand: vi.fn(),
  };
  (window as unknown as { Telegram: unknown }).Telegram = { WebApp: app };
  return {
    app,
    handlers,
    /** The user switched Telegram's theme: new params first, then the event. */
    switchTheme(scheme: 'light' | 'dark', params: ThemeParams) {
      app.colorScheme = scheme;
      app.themeParams = params;
      for (const handler of [...handlers]) handler();
    },
  };
}

const LIGHT = { bg_color: '#ffffff', text_color: '#222222', button_color: '#2481cc', button_text_color: '#fefefe' };
const DARK = { bg_color: '#17212b', text_color: '#f5f5f5', button_color: '#5288c1', button_text_color: '#fdfdfd' };

/** Every rule the widget's shadow root applies, as text. */
const css = () =>
  Array.from(widgetRoot()?.adoptedStyleSheets ?? [], (sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n')).join('\n');
const host = () => document.querySelector<HTMLElement>('parley-widget-host');

async function startInline(options: Parameters<typeof startWidget>[0] = {}): Promise<ParleyWidget> {
  const container = document.createElement('main');
  document.body.append(container);
  const { widget } = startWidget({ target: container, ...options });
  await whenReady(widget);
  return widget;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  destroyStarted();
  delete (window as unknown as { Telegram?: unknown }).Telegram;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('init() inside a Telegram Mini App', () => {
  it("takes Telegram's colours, expands the Mini App and fills its height in inline mode", async () => {
    const telegram = fakeTelegram('light', LIGHT);
    await startInline();

    expect(css()).toContain('--parley-color-background: #ffffff');
    expect(css()).toContain('--parley-color-primary: #2481cc');
    expect(css()).toContain('--parley-color-primary-text: #fefefe');
    expect(telegram.app.expand).toHaveBeenCalledTimes(1);
    // The height telegram-web-app.js keeps in this variable as the sheet expands and the keyboard opens.
    expect(host()!.style.blockSize).toBe('var(--tg-viewport-stable-height, 100dvh)');
    expect(host()!.style.display).toBe('block');
    // Inline: the chat is open in the container, with no launcher.
    expect(widgetRoot()!.querySelector('[part="launcher"]')).toBeNull();
    await waitFor(() => expect(widgetRoot()!.querySelector<HTMLElement>('[role="dialog"]')!.hidden).toBe(false));
  });

  it("follows Telegram's theme switches live, dark scheme included", async () => {
    const telegram = fakeTelegram('light', LIGHT);
    await startInline();
    expect(css()).toContain('color-scheme: light');

    telegram.switchTheme('dark', DARK);

    await waitFor(() => expect(css()).toContain('--parley-color-background: #17212b'));
    expect(css()).toContain('color-scheme: dark');
    expect(css()).toContain('--parley-color-primary: #5288c1');
    expect(css()).not.toContain('#2481cc');
  });

  it("destroy() unsubscribes from Telegram's themeChanged", async () => {
    const telegram = fakeTelegram('light', LIGHT);
    const widget = await startInline();
    expect(telegram.handlers.size).toBe(1);
    const [subscribed] = telegram.handlers;

    widget.destroy();

    expect(telegram.app.offEvent).toHaveBeenCalledWith('themeChanged', subscribed);
    expect(telegram.handlers.size).toBe(0);
    expect(host()).toBeNull();
    expect(() => telegram.switchTheme('dark', DARK)).not.toThrow();
  });

  it("keeps the host's own theme over Telegram's, through theme switches, and still expands", async () => {
    const telegram = fakeTelegram('light', LIGHT);
    await startInline({ theme: { colors: { primary: '#0b6e4f' } } });
    expect(css()).toContain('--parley-color-primary: #0b6e4f');
    telegram.switchTheme('dark', DARK);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(css()).toContain('--parley-color-primary: #0b6e4f');
    expect(css()).not.toContain('#17212b');
    // Full height does not depend on whose colours these are.
    expect(telegram.app.expand).toHaveBeenCalledTimes(1);
    expect(host()!.style.blockSize).toBe('var(--tg-viewport-stable-height, 100dvh)');
  });

  it("setTheme() stops following Telegram's theme, so a later switch does not undo it", async () => {
    const telegram = fakeTelegram('light', LIGHT);
    const widget = await startInline();
    widget.setTheme({ colors: { primary: '#8a2be2' } });
    await waitFor(() => expect(css()).toContain('--parley-color-primary: #8a2be2'));
    telegram.switchTheme('dark', DARK);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(css()).toContain('--parley-color-primary: #8a2be2');
    expect(css()).not.toContain('#17212b');
    expect(telegram.handlers.size).toBe(0);
  });

  it('a floating widget in Telegram keeps its launcher and does not take the full height', async () => {
    const telegram = fakeTelegram('light', LIGHT);
    const { widget } = startWidget();
    await whenReady(widget);
    expect(widgetRoot()!.querySelector('[part="launcher"]')).not.toBeNull();
    expect(host()!.style.blockSize).toBe('');
    expect(css()).toContain('--parley-color-primary: #2481cc');
    expect(telegram.app.expand).toHaveBeenCalledTimes(1);
  });
});

describe('init() outside Telegram', () => {
  it("uses Parley's own colours and leaves the inline container's height to the page", async () => {
    await startInline();
    expect(css()).not.toContain('#2481cc');
    expect(host()!.style.blockSize).toBe('');
  });
});
