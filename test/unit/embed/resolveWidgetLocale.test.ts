import { afterEach, describe, expect, it } from 'vitest';
import { builtinLocales, createI18n, resolveLocale } from '../../../src/core/i18n/index.js';
import { createMemoryStorage } from '../../../src/core/persistence/index.js';
import { createWidget } from '../../../src/embed/createWidget.js';
import { resolveWidgetLocale, type LocaleSources } from '../../../src/embed/resolveWidgetLocale.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

const available = Object.keys(builtinLocales);

afterEach(destroyTestClients);

/**
 * The language the visitor sees, through the same path as createWidget: the resolved option and
 * page language go to the client, which prefers a saved choice over the page, and i18n shows it.
 */
async function shown(sources: Omit<LocaleSources, 'available'>, saved?: string): Promise<string> {
  const storage = createMemoryStorage();
  if (saved) await storage.set('locale', { v: 1, locale: saved });
  const { locale, fallbackLocale } = resolveWidgetLocale({ ...sources, available });
  const { client } = createTestClient({ storage, ...(locale ? { locale } : {}), fallbackLocale });
  await client.start();
  await settle();
  return resolveLocale(client.$locale.get(), createI18n({ locale: client.$locale }).locales.map((l) => l.code));
}

describe('widget language: option → saved choice → <html lang> → navigator.languages → en', () => {
  it('the option wins over everything', async () => {
    expect(await shown({ option: 'de', htmlLang: 'ru', languages: ['uk'] }, 'es')).toBe('de');
  });

  it('the visitor’s saved choice wins over the page and the browser', async () => {
    expect(await shown({ htmlLang: 'ru', languages: ['uk'] }, 'es')).toBe('es');
  });

  it('<html lang> wins over the browser', async () => {
    expect(await shown({ htmlLang: 'ru', languages: ['de-DE', 'en'] })).toBe('ru');
  });

  it('every navigator.languages entry is tried, not only the first', async () => {
    // Was `en`: only languages[0] was passed, and fr-FR is not shipped.
    expect(resolveWidgetLocale({ languages: ['fr-FR', 'ru'], available })).toEqual({ locale: undefined, fallbackLocale: 'ru' });
    expect(await shown({ languages: ['fr-FR', 'ru'] })).toBe('ru');
  });

  it('an unsupported <html lang> does not hide navigator.languages', async () => {
    // Was `ja` (shown as `en`): a set <html lang> ended the search.
    expect(resolveWidgetLocale({ htmlLang: 'ja', languages: ['fr-FR', 'uk-UA'], available }).fallbackLocale).toBe('uk-UA');
    expect(await shown({ htmlLang: 'ja', languages: ['fr-FR', 'uk-UA'] })).toBe('uk');
  });

  it('a regional tag falls back to its language (ru-RU → ru), keeping the tag for formatting', async () => {
    expect(resolveWidgetLocale({ htmlLang: 'ru-RU', available }).fallbackLocale).toBe('ru-RU');
    expect(await shown({ htmlLang: 'ru-RU' })).toBe('ru');
    expect(await shown({ languages: ['pt-BR', 'ru_RU'] })).toBe('ru');
  });

  it('ends in en when nothing is supported, and never throws on odd input', async () => {
    expect(await shown({ htmlLang: 'ja', languages: ['fr-FR', 'zh'] })).toBe('en');
    expect(resolveWidgetLocale({ available })).toEqual({ locale: undefined, fallbackLocale: 'en' });
    const odd = { option: '  ', htmlLang: '', languages: [null, undefined, '', 42 as unknown as string] };
    expect(resolveWidgetLocale({ ...odd, available })).toEqual({ locale: undefined, fallbackLocale: 'en' });
    expect(resolveWidgetLocale({ languages: 'ru' as unknown as string[], available }).fallbackLocale).toBe('en');
  });

  it('an unsupported option falls through to the saved choice, then the page', async () => {
    expect(resolveWidgetLocale({ option: 'ja', htmlLang: 'de', available })).toEqual({ locale: undefined, fallbackLocale: 'de' });
    expect(await shown({ option: 'ja', htmlLang: 'de' }, 'es')).toBe('es');
    expect(await shown({ option: 'ja', htmlLang: 'de' })).toBe('de');
  });

  it('languages added through `strings` count as supported', () => {
    expect(resolveWidgetLocale({ option: 'ja', available: [...available, 'ja'] }).locale).toBe('ja');
    expect(resolveWidgetLocale({ languages: ['ja-JP'], available: [...available, 'ja'] }).fallbackLocale).toBe('ja-JP');
  });
});

describe('createWidget', () => {
  const page = (lang: string, languages: string[]) => {
    document.documentElement.lang = lang;
    Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
    Object.defineProperty(navigator, 'language', { value: languages[0] ?? '', configurable: true });
  };
  afterEach(() => {
    document.documentElement.lang = '';
    Reflect.deleteProperty(navigator, 'languages');
    Reflect.deleteProperty(navigator, 'language');
  });
  // The client starts with this locale at once; destroyed right away, it never reaches the network.
  const widgetLocale = (options: { locale?: string } = {}) => {
    const warnings: string[] = [];
    const widget = createWidget(
      { endpoint: 'http://127.0.0.1:9', storage: 'none', ...options },
      { win: window, warn: (message) => warnings.push(message), onDestroy: () => undefined },
    );
    const locale = widget.client!.$locale.get();
    widget.destroy();
    return { locale, warnings };
  };

  it("tries each of the page's languages: <html lang=ja> and ['fr-FR', 'ru'] give ru", () => {
    page('ja', ['fr-FR', 'ru']);
    expect(widgetLocale().locale).toBe('ru');
    page('', ['fr-FR', 'ru']);
    expect(widgetLocale().locale).toBe('ru');
    page('de-AT', ['ru']);
    expect(widgetLocale().locale).toBe('de-AT');
  });

  it('keeps a supported option, and warns about an unsupported one before falling back', () => {
    page('', ['uk']);
    expect(widgetLocale({ locale: 'es' })).toEqual({ locale: 'es', warnings: [] });
    const { locale, warnings } = widgetLocale({ locale: 'ja' });
    expect(locale).toBe('uk');
    expect(warnings).toEqual([expect.stringMatching(/option `locale` is "ja".*`strings`/)]);
  });
});
