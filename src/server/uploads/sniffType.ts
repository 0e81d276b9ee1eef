import { gifSize, jpegSize, pngSize, webpSize } from './imageSize.js';
import type { ImageSize } from './imageSize.js';

export interface SniffedType {
  /** The MIME type judged from the content; the declared type and the file name are ignored. */
  type: string;
  /** `image` only for raster formats browsers render without running code. */
  kind: 'image' | 'file';
  size?: ImageSize;
}

const OCTET_STREAM = 'application/octet-stream';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((value, i) => bytes[at + i] === value);
}

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/**
 * Judges a file by its magic bytes. SVG and HTML are recognised so that they can be refused or
 * downloaded, never shown inline: both can run script in the viewer's origin.
 *
 * @example
 * sniffType(await file.bytes()) // { type: 'image/png', kind: 'image', size: { width: 1, height: 1 } }
 */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return image('image/png', pngSize(bytes));
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('image/jpeg', jpegSize(bytes));
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return image('image/gif', gifSize(bytes));
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return image('image/webp', webpSize(bytes));
  }
  if (startsWith(bytes, ascii('%PDF-'))) return { type: 'application/pdf', kind: 'file' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { type: 'application/zip', kind: 'file' };
  }
  const text = decodeText(bytes);
  if (text !== null) return { type: markupType(text) ?? 'text/plain', kind: 'file' };
  return { type: OCTET_STREAM, kind: 'file' };
}

function image(type: string, size: ImageSize | null): SniffedType {
  return size && size.width > 0 && size.height > 0 ? { type, kind: 'image', size } : { type, kind: 'image' };
}

/** The text if the bytes are valid UTF-8 without NUL bytes (binary formats almost always have NULs). */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null; // not UTF-8: an unknown binary format
    throw error;
  }
}

/**
 * Markup a browser would render as a document: SVG, the unambiguous HTML tags of the WHATWG
 * sniffing table, and XML, looked for near the start where browsers look.
 */
function markupType(text: string): string | null {
  const head = text.slice(0, 4096).toLowerCase();
  if (/<svg[\s>/]/.test(head)) return 'image/svg+xml';
  if (/<(!doctype html|html|head|body|script|iframe|style|title)[\s>/]/.test(head)) {
    return 'text/html';
  }
  if (head.trimStart().replace(/^\ufeff/, '').startsWith('<?xml')) return 'application/xml';
  return null;
}

/** Whether `type` matches the config's list, which may use `type/*` wildcards. */
export function isTypeAllowed(type: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    if (pattern === '*/*' || pattern === type) return true;
    return pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1));
  });
}
