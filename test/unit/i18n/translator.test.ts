import { atom } from 'nanostores';
import { describe, expect, test } from 'vitest';
import { builtinLocales, createI18n, createTranslator, en, isRtlLocale, pickLocalized, resolveLocale } from '../../../src/core/i18n/index.js';
import { ar } from '../../../src/core/i18n/locales/ar.js';
import { de } from '../../../src/core/i18n/locales/de.js';
import { es } from '../../../src/core/i18n/locales/es.js';
import { ru } from '../../../src/core/i18n/locales/ru.js';
import { uk } from '../../../src/core/i18n/locales/uk.js';

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

  test.each([
    [1, 'one', '1 непрочитане повідомлення'],
    [3, 'few', '3 непрочитані повідомлення'],
    [11, 'many', '11 непрочитаних повідомлень'],
    [22, 'few', '22 непрочитані повідомлення'],
    [101, 'one', '101 непрочитане повідомлення'],
  ])('Ukrainian plural for %i is the %s form', (count, category, text) => {
    expect(new Intl.PluralRules('uk').select(count)).toBe(category);
    expect(createTranslator('uk', 'uk', uk)('launcher.unread', { count })).toBe(text);
  });

  test.each([
    [0, 'zero', 'لا توجد رسائل غير مقروءة'],
    [1, 'one', 'رسالة واحدة غير مقروءة'],
    [2, 'two', 'رسالتان غير مقروءتين'],
    [5, 'few', 'رسائل غير مقروءة'],
    [12, 'many', 'رسالة غير مقروءة'],
    [100, 'other', 'رسالة غير مقروءة'],
  ])('Arabic plural for %i is the %s form', (count, category, words) => {
    expect(new Intl.PluralRules('ar').select(count)).toBe(category);
    const text = createTranslator('ar', 'ar', ar)('launcher.unread', { count });
    // The digits follow the locale's numbering system, so only the words are compared.
    expect(text.endsWith(words)).toBe(true);
    if (count > 2) expect(text).toContain(new Intl.NumberFormat('ar').format(count));
  });

  test('German and Spanish pick one/other (and Spanish many for millions)', () => {
    expect(createTranslator('de', 'de', de)('launcher.unread', { count: 1 })).toBe('1 ungelesene Nachricht');
    expect(createTranslator('de', 'de', de)('launcher.unread', { count: 4 })).toBe('4 ungelesene Nachrichten');
    expect(createTranslator('es', 'es', es)('launcher.unread', { count: 1 })).toBe('1 mensaje sin leer');
    expect(createTranslator('es', 'es', es)('launcher.unread', { count: 7 })).toBe('7 mensajes sin leer');
    expect(createTranslator('es', 'es', es)('launcher.unread', { count: 1_000_000 })).toMatch(/ de mensajes sin leer$/);
  });

  test('the Arabic translator is right to left; the others are left to right', () => {
    expect(isRtlLocale('ar')).toBe(true);
    expect(isRtlLocale('ar-EG')).toBe(true);
    expect(createTranslator('ar-EG', 'ar', ar).dir).toBe('rtl');
    expect(createTranslator('ar', 'ar', ar)('launcher.open')).toBe('فتح محادثة الدعم');
    for (const [tag, catalog] of [['de-AT', de], ['es-MX', es], ['uk-UA', uk], ['ru-RU', ru], ['en-GB', en]] as const) {
      expect(createTranslator(tag, tag.slice(0, 2), catalog).dir, tag).toBe('ltr');
    }
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

  test('falls back from a regional tag to the shipped language, and from an unknown one to English', () => {
    const shipped = Object.keys(builtinLocales);
    expect(resolveLocale('de-AT', shipped)).toBe('de');
    expect(resolveLocale('de-CH', shipped)).toBe('de');
    expect(resolveLocale('es-419', shipped)).toBe('es');
    expect(resolveLocale('uk-UA', shipped)).toBe('uk');
    expect(resolveLocale('ar-EG', shipped)).toBe('ar');
    expect(resolveLocale('ar_SA', shipped)).toBe('ar');
    expect(resolveLocale(['fr-FR', 'uk'], shipped)).toBe('uk');
    expect(resolveLocale('fr-FR', shipped)).toBe('en');
    expect(resolveLocale('zz', shipped)).toBe('en');
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
    // A loader for a shipped language replaces its catalog; the menu still lists it once.
    expect(i18n.locales.map((l) => l.code)).toEqual(['en', 'ru', 'de', 'es', 'uk', 'ar']);
    stop();
  });

  test('the shipped Arabic catalog loads lazily and turns the translator right to left', async () => {
    const $locale = atom('en');
    const i18n = createI18n({ locale: $locale });
    const stop = i18n.$t.listen(() => undefined);
    expect(i18n.$dir.get()).toBe('ltr');
    $locale.set('ar-EG');
    await i18n.whenReady();
    await Promise.resolve();
    expect(i18n.$t.get().language).toBe('ar');
    expect(i18n.$t.get().dir).toBe('rtl');
    expect(i18n.$dir.get()).toBe('rtl');
    expect(i18n.$t.get()('launcher.open')).toBe('فتح محادثة الدعم');
    expect(i18n.locales.find((l) => l.code === 'ar')?.name).toBe('العربية');
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
