/** The part of Telegram's Mini App API Parley reads (https://core.telegram.org/bots/webapps). */
interface TelegramWebApp {
  themeParams?: Partial<Record<'bg_color' | 'text_color' | 'hint_color' | 'button_color' | 'button_text_color' | 'secondary_bg_color', string>>;
  colorScheme?: 'light' | 'dark';
  onEvent?: (event: 'themeChanged', handler: () => void) => void;
  offEvent?: (event: 'themeChanged', handler: () => void) => void;
  expand?: () => void;
}

/** Telegram's WebApp object when the page runs as a Telegram Mini App, else null. */
export function telegramWebApp(win: Window): TelegramWebApp | null {
  const app = (win as Window & { Telegram?: { WebApp?: TelegramWebApp } }).Telegram?.WebApp;
  return app && typeof app === 'object' ? app : null;
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * Maps Telegram's `themeParams` to Parley theme tokens, so the chat looks native in the Mini
 * App in both of Telegram's colour schemes. Colours that are missing or malformed are skipped.
 */
export function telegramTheme(app: TelegramWebApp): Record<string, unknown> {
  const p = app.themeParams ?? {};
  const pick = (value: string | undefined) => (value && HEX.test(value) ? value : undefined);
  const colors = Object.fromEntries(
    Object.entries({
      background: pick(p.bg_color),
      text: pick(p.text_color),
      muted: pick(p.hint_color),
      primary: pick(p.button_color),
      primaryText: pick(p.button_text_color),
      surface: pick(p.secondary_bg_color),
    }).filter(([, v]) => v !== undefined),
  );
  const mode = app.colorScheme === 'dark' ? 'dark' : 'light';
  return mode === 'dark' ? { mode, darkColors: colors } : { mode, colors };
}
