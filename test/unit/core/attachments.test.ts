import { describe, expect, test } from 'vitest';
import {
  checkFile,
  createFallbackStorage,
  createMemoryStorage,
  fileType,
  matchesType,
  withConsent,
  type ParleyStorage,
} from '../../../src/core/index.js';

const limits = { maxBytes: 10 * 1024 * 1024, maxFiles: 2, types: ['image/*', 'application/pdf'] };

describe('matchesType', () => {
  test('exact types, type/* wildcards and */*; case and parameters do not matter', () => {
    expect(matchesType('image/png', ['image/*'])).toBe(true);
    expect(matchesType('IMAGE/PNG', ['image/png'])).toBe(true);
    expect(matchesType('text/plain; charset=utf-8', ['text/plain'])).toBe(true);
    expect(matchesType('application/pdf', ['*/*'])).toBe(true);
    expect(matchesType('application/x-msdownload', ['image/*', 'application/pdf'])).toBe(false);
    expect(matchesType('imagery/png', ['image/*'])).toBe(false);
    expect(matchesType('', ['*/*'])).toBe(false);
  });

  test('a file the browser gave no type is judged by its extension', () => {
    expect(fileType({ name: 'notes.LOG', type: '' })).toBe('text/plain');
    expect(fileType({ name: 'setup', type: '' })).toBe('');
  });
});

describe('checkFile', () => {
  test('names the limit a file breaks', () => {
    expect(checkFile({ name: 'a.pdf', size: 10, type: 'application/pdf' }, limits, 0)).toBeNull();
    expect(checkFile({ name: 'a.exe', size: 10, type: 'application/x-msdownload' }, limits, 0)).toEqual({ reason: 'type' });
    expect(checkFile({ name: 'a.png', size: limits.maxBytes + 1, type: 'image/png' }, limits, 0)).toEqual({ reason: 'size', maxBytes: limits.maxBytes });
    expect(checkFile({ name: 'a.png', size: 10, type: 'image/png' }, limits, 2)).toEqual({ reason: 'count', maxFiles: 2 });
    expect(checkFile({ name: 'a.png', size: 0, type: 'image/png' }, limits, 0)).toEqual({ reason: 'empty' });
  });
});

describe('storage durability', () => {
  test('a consent wrapper reports what its fallback storage chose, once it has chosen', async () => {
    const broken: () => ParleyStorage = () => ({
      kind: 'local',
      durable: true,
      get: () => Promise.reject(new Error('blocked')),
      set: () => Promise.reject(new Error('blocked')),
      remove: () => Promise.reject(new Error('blocked')),
      clear: () => Promise.reject(new Error('blocked')),
    });
    const storage = withConsent(createFallbackStorage([broken, createMemoryStorage]), true);
    await storage.get('draft');
    expect([storage.kind, storage.durable]).toEqual(['memory', false]);

    const working = withConsent(createFallbackStorage([() => ({ ...createMemoryStorage(), kind: 'local', durable: true }), createMemoryStorage]), false);
    await working.get('draft');
    expect([working.kind, working.durable]).toEqual(['local', true]);
  });
});
