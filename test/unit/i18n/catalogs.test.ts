import { describe, expect, test } from 'vitest';
import { builtinLocales, en, isPluralMessage } from '../../../src/core/i18n/index.js';

const englishKeys = Object.keys(en).sort();

describe.each(Object.keys(builtinLocales))('the %s catalog', (code) => {
  test('has every key English has, and no others', async () => {
    const catalog = await builtinLocales[code]!.load();
    const keys = Object.keys(catalog).sort();
    expect(englishKeys.filter((key) => !keys.includes(key)), 'missing keys').toEqual([]);
    expect(keys.filter((key) => !englishKeys.includes(key)), 'unknown keys').toEqual([]);
  });

  test('gives every plural message each form the language uses', async () => {
    const catalog = await builtinLocales[code]!.load();
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(catalog)) {
      const english = en[key as keyof typeof en];
      if (!isPluralMessage(english)) {
        expect(typeof value, key).toBe('string');
        continue;
      }
      expect(isPluralMessage(value), key).toBe(true);
      for (const category of categories) expect(value, `${key}.${category}`).toHaveProperty(category);
    }
  });

  test('keeps every {placeholder} English uses', async () => {
    const catalog = await builtinLocales[code]!.load();
    const names = (value: unknown) => new Set(JSON.stringify(value).match(/\{\w+\}/g) ?? []);
    for (const key of englishKeys) {
      const expected = names(en[key as keyof typeof en]);
      const actual = names(catalog[key as keyof typeof en]);
      for (const name of expected) {
        if (name === '{count}') continue;
        expect(actual.has(name), `${key} uses ${name}`).toBe(true);
      }
    }
  });
});
