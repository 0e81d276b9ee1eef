import { describe, expect, test } from 'vitest';
import { builtinLocales, en, isPluralMessage, isRtlLocale } from '../../../src/core/i18n/index.js';

const englishKeys = Object.keys(en).sort();
const placeholders = (text: string) => new Set(text.match(/\{\w+\}/g) ?? []);
const forms = (value: unknown): Array<[string, string]> =>
  isPluralMessage(value) ? Object.entries(value) : [['', value as string]];

// Numbers that show which plural categories a language gives to a single value only (Arabic
// `zero`, `one`, `two`): such a form may spell the number out instead of using {count}.
const samples = [...Array.from({ length: 1001 }, (_, i) => i), 1_000_000, 2_000_000, 10_000_000, 0.5, 1.5];
function singleValueCategories(language: string): Set<string> {
  const rules = new Intl.PluralRules(language);
  const hits = new Map<string, number>();
  for (const n of samples) hits.set(rules.select(n), (hits.get(rules.select(n)) ?? 0) + 1);
  return new Set([...hits].filter(([, count]) => count === 1).map(([category]) => category));
}

test('the shipped languages, each with its own name for the language menu', () => {
  expect(Object.fromEntries(Object.entries(builtinLocales).map(([code, l]) => [code, l.name]))).toEqual({
    en: 'English',
    ru: 'Русский',
    de: 'Deutsch',
    es: 'Español',
    uk: 'Українська',
    ar: 'العربية',
  });
  expect(Object.keys(builtinLocales).filter(isRtlLocale)).toEqual(['ar']);
});

describe.each(Object.keys(builtinLocales))('the %s catalog', (code) => {
  test('has every key English has, and no others', async () => {
    const catalog = await builtinLocales[code]!.load();
    const keys = Object.keys(catalog).sort();
    expect(englishKeys.filter((key) => !keys.includes(key)), 'missing keys').toEqual([]);
    expect(keys.filter((key) => !englishKeys.includes(key)), 'unknown keys').toEqual([]);
  });

  test('gives every plural message exactly the forms Intl.PluralRules uses for the language', async () => {
    const catalog = await builtinLocales[code]!.load();
    const categories = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
    for (const [key, value] of Object.entries(catalog)) {
      const english = en[key as keyof typeof en];
      if (!isPluralMessage(english)) {
        expect(typeof value, key).toBe('string');
        continue;
      }
      expect(isPluralMessage(value), key).toBe(true);
      expect(Object.keys(value).sort(), key).toEqual(categories);
      for (const [category, text] of Object.entries(value)) expect(typeof text, `${key}.${category}`).toBe('string');
    }
  });

  test('uses the same {placeholders} as English in every message and form', async () => {
    const catalog = await builtinLocales[code]!.load();
    const spelledOut = singleValueCategories(code);
    for (const key of englishKeys) {
      const english = new Set(forms(en[key as keyof typeof en]).flatMap(([, text]) => [...placeholders(text)]));
      for (const [category, text] of forms(catalog[key as keyof typeof en])) {
        const label = category ? `${key}.${category}` : key;
        const actual = placeholders(text);
        const expected = new Set(english);
        // {count} may be written as a word where the form covers one number only ("رسالتان").
        if (spelledOut.has(category) && !actual.has('{count}')) expected.delete('{count}');
        expect([...actual].sort(), label).toEqual([...expected].sort());
      }
    }
  });
});
