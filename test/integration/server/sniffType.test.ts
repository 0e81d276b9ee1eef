import { describe, expect, it } from 'vitest';
import { isTypeAllowed, sniffType } from '../../../src/server/uploads/sniffType.js';
import { makePng } from './fixtures.js';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

describe('sniffType', () => {
  it('recognises raster images and reads their size', () => {
    expect(sniffType(makePng(640, 480))).toEqual({ type: 'image/png', kind: 'image', size: { width: 640, height: 480 } });
    expect(sniffType(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00], [0, 0, 0]))).toEqual({
      type: 'image/gif',
      kind: 'image',
      size: { width: 320, height: 240 },
    });
    const jpeg = bytes(
      [0xff, 0xd8],
      [0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
      [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    );
    expect(sniffType(jpeg)).toEqual({ type: 'image/jpeg', kind: 'image', size: { width: 64, height: 32 } });
    const vp8x = bytes('RIFF', le32(30), 'WEBPVP8X', le32(10), [0, 0, 0, 0], [99, 0, 0], [49, 0, 0], [0, 0]);
    expect(sniffType(vp8x)).toEqual({ type: 'image/webp', kind: 'image', size: { width: 100, height: 50 } });
    const vp8l = bytes('RIFF', le32(30), 'WEBPVP8L', le32(10), [0x2f], le32((9 & 0x3fff) | ((19 & 0x3fff) << 14)), [0, 0, 0, 0, 0]);
    expect(sniffType(vp8l)).toEqual({ type: 'image/webp', kind: 'image', size: { width: 10, height: 20 } });
  });

  it('never calls markup an image', () => {
    expect(sniffType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ type: 'image/svg+xml', kind: 'file' });
    expect(sniffType(bytes('\n  <!DOCTYPE html><p>hi'))).toEqual({ type: 'text/html', kind: 'file' });
    expect(sniffType(bytes('<?xml version="1.0"?><a/>'))).toEqual({ type: 'application/xml', kind: 'file' });
  });

  it('tells text from binary', () => {
    expect(sniffType(new TextEncoder().encode('Привет, 2 + 2 < 5'))).toEqual({ type: 'text/plain', kind: 'file' });
    expect(sniffType(bytes('abc', [0], 'def'))).toEqual({ type: 'application/octet-stream', kind: 'file' });
    expect(sniffType(bytes([0xc3, 0x28]))).toEqual({ type: 'application/octet-stream', kind: 'file' });
    expect(sniffType(bytes('%PDF-1.7'))).toEqual({ type: 'application/pdf', kind: 'file' });
    expect(sniffType(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual({ type: 'application/zip', kind: 'file' });
  });

  it('matches allowed types with wildcards', () => {
    expect(isTypeAllowed('image/webp', ['image/*'])).toBe(true);
    expect(isTypeAllowed('application/pdf', ['image/*', 'text/plain'])).toBe(false);
    expect(isTypeAllowed('application/octet-stream', ['*/*'])).toBe(true);
  });
});
