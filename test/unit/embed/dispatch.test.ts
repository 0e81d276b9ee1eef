import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { dispatch } from '../../../src/embed/dispatch.js';

// The host page's console: where a script-tag integrator sees what went wrong.
let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('dispatch', () => {
  it('logs an unknown method with the list of known methods, and does not throw', () => {
    expect(dispatch('nonexistentMethod', [])).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    const message = String(error.mock.calls[0]![0]);
    expect(message).toMatch(/^Parley: unknown method "nonexistentMethod"; known methods: /);
    for (const method of ['init', 'open', 'close', 'sendMessage', 'setLocale', 'setContext', 'identify', 'destroy', 'on']) {
      expect(message).toContain(method);
    }
  });

  it('logs a method name that is not a string without throwing', () => {
    expect(() => dispatch({ method: 'open' }, [])).not.toThrow();
    expect(String(error.mock.calls[0]![0])).toMatch(/unknown method \{"method":"open"\}/);
  });

  it('reports a call made before init instead of throwing', () => {
    expect(dispatch('open', [])).toBeUndefined();
    expect(warn).toHaveBeenCalledWith("Parley: `open` was called before init; call Parley('init', { endpoint }) first");
    expect(error).not.toHaveBeenCalled();
  });

  it('reports a fatal init option on the console and returns a handle that does not throw', () => {
    const widget = dispatch('init', [{ position: 'left' }]) as { open(): void } | undefined;
    expect(error).toHaveBeenCalledWith(expect.stringContaining('option `endpoint` is required'));
    expect(widget).toBeDefined();
    expect(() => widget!.open()).not.toThrow();
  });
});
