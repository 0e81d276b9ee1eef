import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/core/client/createClient.js';
import { validateClientOptions } from '../../../src/core/client/clientOptions.js';
import { OptionError } from '../../../src/core/errors/index.js';
import { createFakeServer } from '../support/createFakeServer.js';

const endpoint = 'https://support.example.com';

function optionError(options: unknown): OptionError {
  try {
    validateClientOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    return error as OptionError;
  }
  throw new Error(`expected ${JSON.stringify(options)} to be refused`);
}

/** [option, a bad value, what the message must say is accepted] */
const BAD: Array<[string, unknown, RegExp]> = [
  ['endpoint', 'support.example.com', /http\(s\) URL/],
  ['endpoint', 'ftp://support.example.com', /http\(s\) URL/],
  ['transport', { sendMessage() {} }, /Transport interface/],
  ['storage', { get() {}, set() {} }, /get, set, remove, clear/],
  ['locale', 'english', /BCP 47 language tag/],
  ['locale', 'ru_RU', /BCP 47 language tag/],
  ['identity', { userId: 'u1', expires: 1, signature: 'not-hex' }, /userId, expires, signature/],
  ['widgetId', 'my widget', /1–64 letters, digits, "_" or "-"/],
  ['timeout', 0, /positive number of milliseconds/],
  ['timeout', '5000', /positive number of milliseconds/],
  ['fallbackLocale', 42, /string|language tag/i],
  ['getPageContext', { url: '/' }, /function/],
  ['enrichContext', 'yes', /function/],
  ['network', {}, /subscribe/],
  ['clock', { now: () => 0 }, /now, setTimeout, clearTimeout/],
  ['maxStoredMessages', 1.5, /positive integer/],
  ['maxStoredMessages', -1, /positive integer/],
  ['maxStoredBytes', 0, /positive integer/],
  ['onWarning', 'console', /function/],
];

describe('validateClientOptions', () => {
  it.each(BAD)('refuses a bad `%s` (%j), naming it and the accepted values', (name, value, accepted) => {
    const error = optionError({ endpoint, [name]: value });
    expect(error.option).toBe(name);
    expect(error.code).toBe('invalid_option');
    expect(error.message).toMatch(new RegExp(`^Parley: option \`${name}\` must be `));
    expect(error.message).toMatch(accepted);
  });

  it('quotes the value it got, so the integrator sees their mistake', () => {
    expect(optionError({ endpoint, locale: 'english' }).message).toContain('got "english"');
  });

  it('requires an endpoint or a transport', () => {
    const error = optionError({ locale: 'en' });
    expect(error.option).toBe('endpoint');
    expect(error.message).toBe('Parley: option `endpoint` is required (or pass a `transport`)');
  });

  it('refuses options that are not an object', () => {
    for (const options of [null, undefined, 'https://support.example.com']) {
      expect(optionError(options).option).toBe('options');
    }
  });

  it('accepts a complete valid set of options', () => {
    const server = createFakeServer();
    const options = {
      endpoint,
      transport: server.transport,
      locale: 'ru-RU',
      fallbackLocale: 'en',
      widgetId: 'shop_main-1',
      identity: { userId: 'u1', expires: 1_900_000_000, signature: 'a'.repeat(64) },
      timeout: 5000,
      maxStoredMessages: 100,
      maxStoredBytes: 50_000,
      onWarning: () => undefined,
      getPageContext: () => undefined,
      network: { subscribe: () => () => undefined },
    };
    expect(validateClientOptions(options)).toBe(options);
  });

  it('is what createClient runs first, so a bad option fails fast', () => {
    expect(() => createClient({ endpoint, widgetId: 'a b' })).toThrow(OptionError);
    expect(() => createClient({ transport: createFakeServer().transport })).not.toThrow();
  });
});
