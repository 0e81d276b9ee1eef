// The script tag's data attributes are the whole configuration of a no-code install:
// `<script async src="…/parley.js" data-endpoint="…" data-locale="ru">`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readScriptOptions } from '../../../src/embed/readScriptOptions.js';
import { parseWidgetOptions } from '../../../src/embed/widgetOptions.js';

/** A loader tag as a host page writes it, attributes verbatim. */
function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

afterEach(() => vi.restoreAllMocks());

describe('readScriptOptions', () => {
  it('maps data-endpoint and data-locale="ru" to endpoint and locale', () => {
    const options = readScriptOptions(scriptTag({ src: '/parley.js', 'data-endpoint': 'https://support.example.com', 'data-locale': 'ru' }));
    expect(options).toEqual({ endpoint: 'https://support.example.com', locale: 'ru' });
  });

  it('maps every attribute it documents to its option', () => {
    const options = readScriptOptions(
      scriptTag({
        'data-endpoint': 'https://support.example.com',
        'data-locale': 'uk',
        'data-position': 'left',
        'data-storage': 'session',
        'data-consent': 'required',
        'data-widget-id': 'shop',
        'data-z-index': '2147483000',
        'data-launcher': 'hidden',
        'data-open': '',
        'data-theme-mode': 'dark',
        'data-primary-color': '#0a84ff',
        nonce: 'r4nd0m',
      }),
    );
    expect(options).toEqual({
      endpoint: 'https://support.example.com',
      locale: 'uk',
      position: 'left',
      storage: 'session',
      consent: 'required',
      id: 'shop',
      zIndex: 2147483000,
      launcher: { hidden: true },
      open: true,
      theme: { mode: 'dark', colors: { primary: '#0a84ff' } },
      nonce: 'r4nd0m',
    });
    // What the attributes produce is exactly what init accepts: no option is dropped as invalid.
    expect(parseWidgetOptions(options)).toEqual({ options, errors: [], fatal: null });
  });

  it('reads data-open="false" as false, and a theme from the primary colour alone', () => {
    expect(readScriptOptions(scriptTag({ 'data-open': 'false', 'data-primary-color': '#222' }))).toEqual({
      open: false,
      theme: { colors: { primary: '#222' } },
    });
  });

  it('ignores a data-launcher value other than "hidden" and attributes it does not know', () => {
    expect(readScriptOptions(scriptTag({ 'data-launcher': 'shown', 'data-colour': 'red', 'data-endpoint': 'https://a.example' }))).toEqual({
      endpoint: 'https://a.example',
    });
  });

  it('returns no options without a script tag (a loader injected by a tag manager)', () => {
    expect(readScriptOptions(null)).toEqual({});
  });

  it.each([
    ['data-position', 'top', 'position', "'left' or 'right'"],
    ['data-locale', 'english please', 'locale', 'a BCP 47 tag'],
    ['data-z-index', 'max', 'zIndex', 'an integer'],
    ['data-storage', 'cookie', 'storage', "'local', 'session' or 'none'"],
    ['data-consent', 'maybe', 'consent', "'granted' or 'required'"],
    ['data-widget-id', 'my shop!', 'id', '1–64 letters'],
  ])('an invalid %s="%s" is reported by name when init validates it, never thrown', (attribute, value, option, accepted) => {
    let options: ReturnType<typeof readScriptOptions> = {};
    expect(() => {
      options = readScriptOptions(scriptTag({ 'data-endpoint': 'https://support.example.com', [attribute]: value }));
    }).not.toThrow();
    const parsed = parseWidgetOptions(options);
    expect(parsed.fatal).toBeNull();
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toContain(`option \`${option}\``);
    expect(parsed.errors[0]).toContain(accepted);
    expect(parsed.errors[0]).toContain(`got ${JSON.stringify(value)}`);
    expect(parsed.options?.endpoint).toBe('https://support.example.com');
  });

  it('an invalid data-endpoint stops the widget with a message naming endpoint, without throwing', () => {
    const options = readScriptOptions(scriptTag({ 'data-endpoint': 'support.example.com' }));
    expect(parseWidgetOptions(options)).toMatchObject({ options: null, fatal: expect.stringContaining('option `endpoint`') });
  });
});
