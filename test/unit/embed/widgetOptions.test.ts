import { describe, expect, it } from 'vitest';
import { parseWidgetOptions } from '../../../src/embed/widgetOptions.js';

const endpoint = 'https://support.example.com';

/** [option, bad value, accepted values as the message states them, the value used instead] */
const BAD: Array<[string, unknown, string, unknown]> = [
  ['id', 'my widget!', '1–64 letters, digits, "_" or "-"', 'default'],
  ['locale', 'english', 'a BCP 47 tag such as "en" or "ru-RU"', undefined],
  ['theme', 'dark', 'an object of theme tokens', undefined],
  ['position', 'top', "'left' or 'right'", 'right'],
  ['offset', { x: '10px', y: 0 }, '{ x: number, y: number } in px', undefined],
  ['zIndex', 'max', 'an integer', undefined],
  ['identity', { userId: 'u1' }, 'a host-signed { userId, expires, signature }', undefined],
  ['user', { email: 'not-an-email' }, '{ name?: string, email?: string }', undefined],
  ['context', { cart: { items: 3 } }, 'false or an object of string/number/boolean/null values', undefined],
  ['getContext', { orderId: 1 }, 'a function returning an object', undefined],
  ['contextKeys', 'orderId', 'an array of context key names', undefined],
  ['redact', 'token', 'an array of key names/RegExps or a function', undefined],
  ['storage', 'cookie', "'local', 'session' or 'none'", 'local'],
  ['consent', 'maybe', "'granted' or 'required'", 'required'],
  ['nonce', '', 'a non-empty string', undefined],
  ['launcher', { hidden: 'yes' }, '{ hidden?: boolean }', undefined],
  ['strings', { ru: 'Привет' }, '{ [locale]: { [key]: string } }', undefined],
  ['open', 'yes', 'true or false', undefined],
];

describe('parseWidgetOptions', () => {
  it('passes valid options through untouched, with no errors', () => {
    const getContext = () => ({ cartTotal: 10 });
    const redact = [/^x-/, 'orderRef'];
    const raw = {
      endpoint,
      id: 'shop',
      locale: 'ru-RU',
      theme: { accent: '#0a84ff' },
      position: 'left',
      offset: { x: 24, y: 24 },
      zIndex: 2147483000,
      user: { name: 'Jane', email: 'jane@example.com' },
      context: { orderId: 'A-1042', vip: true, coupon: null },
      getContext,
      contextKeys: ['orderId'],
      redact,
      storage: 'session',
      consent: 'granted',
      nonce: 'r4nd0m',
      launcher: { hidden: true },
      target: '#chat',
      strings: { ru: { 'composer.placeholder': 'Ваш вопрос' } },
      open: true,
    };
    expect(parseWidgetOptions(raw)).toEqual({ options: raw, errors: [], fatal: null });
    expect(parseWidgetOptions({ endpoint, context: false }).options?.context).toBe(false);
  });

  it.each(BAD)('reports a bad `%s` once, naming it and the accepted values, and uses its default', (key, value, accepted, fallback) => {
    const { options, errors, fatal } = parseWidgetOptions({ endpoint, [key]: value });
    expect(fatal).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^Parley: option \`${key}\` must be `));
    expect(errors[0]).toContain(accepted);
    expect(errors[0]).toMatch(fallback === undefined ? /; using the default$/ : new RegExp(`; using "${fallback}"$`));
    expect(options).not.toBeNull();
    expect(options!.endpoint).toBe(endpoint);
    if (fallback === undefined) expect(options).not.toHaveProperty(key);
    else expect(options![key as keyof typeof options]).toBe(fallback);
  });

  it('writes the message the way the house style asks', () => {
    expect(parseWidgetOptions({ endpoint, position: 'top' }).errors).toEqual([
      'Parley: option `position` must be \'left\' or \'right\', got "top"; using "right"',
    ]);
  });

  it('costs only the bad options: the good ones next to them are kept', () => {
    const { options, errors } = parseWidgetOptions({ endpoint, position: 'top', storage: 'none', zIndex: 1.5, locale: 'de' });
    expect(errors).toHaveLength(2);
    expect(options).toMatchObject({ endpoint, position: 'right', storage: 'none', locale: 'de' });
  });

  it('cannot start without an endpoint, and says what to pass', () => {
    const { options, fatal } = parseWidgetOptions({ position: 'left' });
    expect(options).toBeNull();
    expect(fatal).toBe('Parley: option `endpoint` is required (the URL of your Parley backend); the widget did not start');
  });

  it('cannot start with an endpoint that is not an http(s) URL', () => {
    const { options, fatal } = parseWidgetOptions({ endpoint: 'support.example.com' });
    expect(options).toBeNull();
    expect(fatal).toMatch(/option `endpoint` must be an http\(s\) URL of a Parley backend, got "support\.example\.com"/);
  });

  it('cannot start with a target that is neither an element nor a selector', () => {
    const { options, fatal } = parseWidgetOptions({ endpoint, target: 42 });
    expect(options).toBeNull();
    expect(fatal).toMatch(/option `target` must be an Element or a CSS selector, got 42/);
  });

  it('accepts a DOM element as target', () => {
    const target = document.createElement('div');
    expect(parseWidgetOptions({ endpoint, target }).options?.target).toBe(target);
  });

  it('needs an options object', () => {
    for (const raw of [undefined, null, 'https://support.example.com']) {
      expect(parseWidgetOptions(raw)).toMatchObject({ options: null, fatal: expect.stringContaining('needs an options object') });
    }
  });

  it('reports an unknown option with the list of known ones, and still starts', () => {
    const { options, errors } = parseWidgetOptions({ endpoint, positon: 'left' });
    expect(options).toEqual({ endpoint });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Parley: unknown option `positon`; known options: /);
    for (const known of ['endpoint', 'position', 'locale', 'storage', 'consent', 'getContext', 'target']) {
      expect(errors[0]).toContain(known);
    }
  });

  it('treats an option set to undefined as not set', () => {
    expect(parseWidgetOptions({ endpoint, position: undefined })).toEqual({ options: { endpoint }, errors: [], fatal: null });
  });

  it('describes values it cannot serialise without throwing', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const { errors } = parseWidgetOptions({ endpoint, zIndex: loop, locale: () => 'en', redact: /x/ });
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/got \[object Object\]/);
    expect(errors.join('\n')).toMatch(/got a function/);
  });
});
