import { readFile } from 'node:fs/promises';
import type { UploadRecord } from '../db/UploadRepo.js';

/**
 * Serves an upload with headers that keep it inert: the browser may not sniff another type,
 * the file runs no script even if opened directly, and anything that is not a verified raster
 * image is a download, never a page.
 */
export async function fileResponse(upload: UploadRecord): Promise<Response> {
  const body = await readFile(upload.path);
  const disposition = upload.kind === 'image' ? 'inline' : 'attachment';
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': upload.type.startsWith('text/') ? `${upload.type}; charset=utf-8` : upload.type,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': `${disposition}; filename="${asciiFallback(upload.name)}"; filename*=UTF-8''${encodeRfc5987(upload.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=3600',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** For old clients that ignore `filename*`: ASCII letters, digits, dot, dash and underscore. */
function asciiFallback(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}
