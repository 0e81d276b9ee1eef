import { describe, expect, it } from 'vitest';
import { telegramTheme, telegramWebApp } from '../../../src/embed/telegramTheme.js';

describe('Telegram Mini App theme', () => {
  it('is found only where Telegram injected its WebApp object', () => {
    expect(telegramWebApp(window)).toBeNull();
    const app = { themeParams: {} };
    (window as unknown as { Telegram: unknown }).Telegram = { WebApp: app };
    expect(telegramWebApp(window)).toBe(app);
    delete (window as unknown as { Telegram?: unknown }).Telegram;
  });

  it('maps themeParams to Parley colours in the scheme Telegram uses, skipping bad values', () => {
    const light = telegramTheme({
      colorScheme: 'light',
      themeParams: { bg_color: '#ffffff', text_color: '#000000', button_color: '#2481cc', button_text_color: '#ffffff', hint_color: 'not-a-colour' },
    });
    expect(light).toEqual({
      mode: 'light',
      colors: { background: '#ffffff', text: '#000000', primary: '#2481cc', primaryText: '#ffffff' },
    });
    const dark = telegramTheme({ colorScheme: 'dark', themeParams: { bg_color: '#17212b', secondary_bg_color: '#232e3c' } });
    expect(dark).toEqual({ mode: 'dark', darkColors: { background: '#17212b', surface: '#232e3c' } });
  });
});
