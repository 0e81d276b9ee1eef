import { beforeEach, describe, expect, it } from 'vitest';
import { PERSISTED_KEYS, createMemoryStorage, createWebStorage, isPersistedKey } from '../../../src/core/persistence/index.js';

beforeEach(() => localStorage.clear());

describe('createWebStorage', () => {
  it('stores JSON under its namespace, so two widgets on a page keep separate state', async () => {
    const a = createWebStorage(() => localStorage, 'parley:a', 'local');
    const b = createWebStorage(() => localStorage, 'parley:b', 'local');
    await a.set('draft', { v: 1, text: 'from a' });
    await b.set('draft', { v: 1, text: 'from b' });

    expect(localStorage.getItem('parley:a:draft')).toBe('{"v":1,"text":"from a"}');
    expect(await a.get('draft')).toEqual({ v: 1, text: 'from a' });
    expect(await b.get('draft')).toEqual({ v: 1, text: 'from b' });
    expect(await a.get('session')).toBeUndefined();
  });

  it('clear() removes every Parley key of its namespace and leaves the host page alone', async () => {
    const storage = createWebStorage(() => sessionStorage, 'parley:x', 'session');
    sessionStorage.setItem('host:cart', '3 items');
    sessionStorage.setItem('parley:y:draft', 'other widget');
    for (const key of PERSISTED_KEYS) await storage.set(key, { key });
    await storage.clear();

    expect(Object.keys(sessionStorage).sort()).toEqual(['host:cart', 'parley:y:draft']);
    expect(storage.kind).toBe('session');
    expect(storage.durable).toBe(true);
  });

  it('reports blocked storage as a rejection instead of throwing when it is created', async () => {
    const storage = createWebStorage(
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      'parley:blocked',
      'local',
    );
    await expect(storage.get('session')).rejects.toThrow(/insecure/);
    await expect(storage.set('session', {})).rejects.toThrow(/insecure/);
  });
});

describe('createMemoryStorage', () => {
  it('hands out copies, so changing a read value does not change what is stored', async () => {
    const storage = createMemoryStorage();
    const value = { v: 1, text: 'original' };
    await storage.set('draft', value);
    value.text = 'changed after set';
    const read = (await storage.get('draft')) as { text: string };
    read.text = 'changed after get';

    expect(await storage.get('draft')).toEqual({ v: 1, text: 'original' });
    expect(storage.durable).toBe(false);
  });

  it('forgets removed and cleared keys', async () => {
    const storage = createMemoryStorage();
    await storage.set('draft', { v: 1 });
    await storage.set('locale', { v: 1 });
    await storage.remove('draft');
    expect(await storage.get('draft')).toBeUndefined();
    await storage.clear();
    expect(await storage.get('locale')).toBeUndefined();
  });
});

describe('isPersistedKey', () => {
  it('accepts only the allow-listed keys', () => {
    expect(isPersistedKey('transcript')).toBe(true);
    expect(isPersistedKey('token')).toBe(false);
    expect(isPersistedKey('__proto__')).toBe(false);
  });
});
