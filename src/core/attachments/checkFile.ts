import type { UploadLimits } from '../protocol/index.js';
import { fileType, matchesType } from './matchesType.js';

/** Why a file was refused before upload; the UI words each reason with the limit it names. */
export type FileRefusal =
  | { reason: 'type' }
  | { reason: 'size'; maxBytes: number }
  | { reason: 'count'; maxFiles: number }
  | { reason: 'empty' };

/**
 * Checks one file against the desk's upload limits before it is uploaded, so the visitor learns
 * at once why a file cannot go (the server checks again). `attached` is how many files the
 * message already holds.
 *
 * @example
 * checkFile(file, config.uploads, 0); // null, or { reason: 'size', maxBytes: 10485760 }
 */
export function checkFile(
  file: { name: string; size: number; type: string },
  limits: UploadLimits,
  attached: number,
): FileRefusal | null {
  if (attached >= limits.maxFiles) return { reason: 'count', maxFiles: limits.maxFiles };
  if (!matchesType(fileType(file), limits.types)) return { reason: 'type' };
  if (file.size > limits.maxBytes) return { reason: 'size', maxBytes: limits.maxBytes };
  if (file.size === 0) return { reason: 'empty' };
  return null;
}
