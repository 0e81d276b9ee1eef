import { atom } from 'nanostores';
import { describe, expect, test } from 'vitest';
import { createI18n, createTranslator, en, pickLocalized, resolveLocale } from '../../../src/core/i18n/index.js';
import { ru } from '../../../src/core/i18n/locales/ru.js';

describe('translator', () => {
  test('interpolates {name} parameters and leaves unknown ones visible', () => {
    const t = createTranslator('en', 'en', en);
    expect(t('typing.named', { name: 'Alex' })).toBe('Alex is typing…');
    expect(t('typing.named')).toBe('{name} is typing…');
  });

  test('English plurals pick one/other by count', () => {
    const t = createTranslator('en', 'en', en);
    expect(t('launcher.unread', { count: 1 })).toBe('1 unread message');
    expect(t('launcher.unread', { count: 3 })).toBe('3 unread messages');
  });

  test.each([
    [1, 'one', '1 непрочитанное сообщение'],
    [2, 'few', '2 непрочитанных сообщения'],
    [5, 'many', '5 непрочитанных сообщений'],
    [21, 'one', '21 непрочитанное сообщение'],
  ])('Russian plural for %i is the %s form, as Intl.PluralRules says', (count, category, text) => {
    expect(new Intl.PluralRules('ru').select(count)).toBe(category);
    const t = createTranslator('ru', 'ru', ru);
    expect(t('launcher.unread', { count })).toBe(text);
  });

  test('a key missing from a catalog falls back to English', () => {
    const t = createTranslator('de', 'de', { 'launcher.open': 'Support-Chat öffnen' });
    expect(t('launcher.open')).toBe('Support-Chat öffnen');
    expect(t('launcher.close')).toBe('Close support chat');
  });

  test('formats times and days in the visitor locale, with Today and Yesterday', () => {
    const now = new Date(2026, 4, 12, 15, 0);
    const t = createTranslator('ru-RU', 'ru', ru);
    expect(t.formatTime(new Date(2026, 4, 12, 9, 5))).toBe('09:05');
    expect(t.formatDay(new Date(2026, 4, 12, 1, 0), now)).toBe('Сегодня');
    expect(t.formatDay(new Date(2026, 4, 11, 23, 0), now)).toBe('Вчера');
    const english = createTranslator('en-US', 'en', en);
    expect(english.formatDay(new Date(2026, 4, 11), now)).toBe('Yesterday');
    expect(english.formatDay(new Date(2026, 0, 3), now)).toBe('January 3');
    expect(english.formatTime('not a date')).toBe('');
  });

  test('an invalid locale tag formats with the catalog language instead of throwing', () => {
    const t = createTranslator('not_a_locale!!', 'en', en);
    expect(t.locale).toBe('en');
    expect(t.formatNumber(1234)).toBe('1,234');
  });
});

describe('resolveLocale', () => {
  const available = ['en', 'ru'];
  test('falls back ru-RU → ru → en, never throwing', () => {
    expect(resolveLocale('ru-RU', available)).toBe('ru');
    expect(resolveLocale('RU_ru', available)).toBe('ru');
    expect(resolveLocale(['pt-BR', 'ru'], available)).toBe('ru');
    expect(resolveLocale('de', available)).toBe('en');
    expect(resolveLocale('', available)).toBe('en');
    expect(resolveLocale(null, available)).toBe('en');
    expect(resolveLocale(['💥', undefined], available)).toBe('en');
    expect(resolveLocale('xx', ['ru'])).toBe('ru');
  });

  test('pickLocalized chooses server text the same way', () => {
    const text = { en: 'Hi', ru: 'Привет', de: 'Hallo' };
    expect(pickLocalized(text, 'ru-RU')).toBe('Привет');
    expect(pickLocalized(text, 'fr')).toBe('Hi');
    expect(pickLocalized({ es: 'Hola', de: 'Hallo' }, 'fr')).toBe('Hola');
    expect(pickLocalized({}, 'en')).toBe('');
  });
});

describe('createI18n', () => {
  test('English is ready at once; Russian loads lazily and then replaces it', async () => {
    const $locale = atom('en');
    const i18n = createI18n({ locale: $locale });
    const seen: string[] = [];
    const stop = i18n.$t.subscribe((t) => seen.push(t('launcher.open')));
    expect(i18n.$ready.get()).toBe(true);
    $locale.set('ru-RU');
    expect(i18n.$ready.get()).toBe(false);
    expect(i18n.$t.get()('launcher.open')).toBe('Open support chat');
    await i18n.whenReady();
    await Promise.resolve();
    expect(i18n.$ready.get()).toBe(true);
    expect(i18n.$t.get()('launcher.open')).toBe('Открыть чат поддержки');
    expect(i18n.$t.get().locale).toBe('ru-RU');
    expect(seen).toEqual(['Open support chat', 'Открыть чат поддержки']);
    stop();
  });

  test('direction comes from the language: a right-to-left loader turns $dir to rtl', async () => {
    const $locale = atom('ar-EG');
    const i18n = createI18n({ locale: $locale, loaders: { ar: async () => ({ 'launcher.open': 'افتح الدردشة' }) } });
    const stop = i18n.$dir.listen(() => undefined);
    await i18n.whenReady();
    await Promise.resolve();
    expect(i18n.$dir.get()).toBe('rtl');
    expect(i18n.$t.get()('launcher.open')).toBe('افتح الدردشة');
    expect(i18n.$t.get()('launcher.close')).toBe('Close support chat');
    expect(i18n.locales.map((l) => l.code)).toEqual(['en', 'ru', 'ar']);
    stop();
  });

  test('overrides change copy per language', () => {
    const i18n = createI18n({ locale: atom('en'), overrides: { en: { 'welcome.start': 'Ask a question' } } });
    expect(i18n.$t.get()('welcome.start')).toBe('Ask a question');
  });

  test('a catalog that fails to load falls back to English with a warning', async () => {
    const warnings: string[] = [];
    const $locale = atom('en');
    const i18n = createI18n({
      locale: $locale,
      loaders: { de: () => Promise.reject(new Error('chunk failed')) },
      onWarning: (m) => warnings.push(m),
    });
    const stop = i18n.$t.listen(() => undefined);
    $locale.set('de');
    await i18n.whenReady();
    await Promise.resolve();
    expect(i18n.$ready.get()).toBe(true);
    expect(i18n.$t.get()('launcher.open')).toBe('Open support chat');
    expect(warnings.join('\n')).toMatch(/"de" translations/);
    stop();
  });
});
