import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UploadRecord } from '../db/UploadRepo.js';
import { guardSecrets } from '../desk/guardSecrets.js';
import { newId } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';
import { isTypeAllowed, sniffType } from './sniffType.js';

export interface Uploader {
  sessionId: string | null;
  visitorId: string | null;
}

/**
 * Checks a multipart body's `file` part against the config again (the client checked, but a
 * client is not a security boundary), judges its type by magic bytes and stores it.
 */
export async function saveUpload(ctx: ServerContext, form: FormData, uploader: Uploader): Promise<UploadRecord> {
  const parts = form.getAll('file');
  const file = parts[0];
  if (parts.length !== 1 || !(file instanceof File)) {
    throw new ProblemError(400, 'invalid_body', 'file: send exactly one file part named "file"');
  }
  const limits = ctx.config.uploads;
  if (file.size > limits.maxBytes) {
    throw new ProblemError(413, 'payload_too_large', `file: larger than ${limits.maxBytes} bytes`, {
      maxBytes: limits.maxBytes,
    });
  }
  if (file.size === 0) throw new ProblemError(400, 'invalid_body', 'file: the file is empty');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffType(bytes);
  if (!isTypeAllowed(sniffed.type, limits.types)) {
    throw new ProblemError(415, 'unsupported_type', `file: ${sniffed.type} is not accepted`, {
      type: sniffed.type,
      types: limits.types,
    });
  }
  // People name screenshots after what is in them ("4276 1234 5678 9012.png"): names are guarded too.
  const { text: name } = await guardSecrets(ctx, safeFileName(file.name, sniffed.type));
  const id = newId('f');
  const path = join(ctx.uploadsDir, id);
  await writeFile(path, bytes, { flag: 'wx' });
  const record: UploadRecord = {
    id,
    sessionId: uploader.sessionId,
    visitorId: uploader.visitorId,
    name,
    type: sniffed.type,
    size: bytes.byteLength,
    kind: sniffed.kind,
    width: sniffed.size?.width ?? null,
    height: sniffed.size?.height ?? null,
    path,
    createdAt: ctx.now().toISOString(),
  };
  ctx.repos.uploads.insert(record);
  return record;
}

/** A display name without paths or control characters, at most 255 characters. */
function safeFileName(name: string, type: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-255);
  if (clean !== '' && clean !== '.' && clean !== '..') return clean;
  const extension = type.split('/')[1]?.replace(/[^a-z0-9]/g, '') ?? 'bin';
  return `file.${extension}`;
}
