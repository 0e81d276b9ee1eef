import type { Attachment } from '../../core/protocol/index.js';
import type { UploadRecord } from '../db/UploadRepo.js';
import { toAttachment } from '../db/UploadRepo.js';
import { ProblemError } from '../problem.js';
import type { ServerContext } from '../ServerContext.js';

/**
 * Turns `attachmentIds` into the stored uploads, refusing ids the sender may not attach (400,
 * the same answer as an unknown id, so ids of others cannot be probed) and more files than the
 * config allows per message (413).
 */
export function resolveAttachments(
  ctx: ServerContext,
  ids: readonly string[] | undefined,
  mayAttach: (upload: UploadRecord) => boolean,
): { uploads: UploadRecord[]; attachments: Attachment[] } {
  const unique = [...new Set(ids ?? [])];
  if (unique.length > ctx.config.uploads.maxFiles) {
    throw new ProblemError(
      413,
      'too_many_files',
      `at most ${ctx.config.uploads.maxFiles} files per message, got ${unique.length}`,
    );
  }
  const uploads = unique.map((id) => {
    const upload = ctx.repos.uploads.get(id);
    if (!upload || !mayAttach(upload)) {
      throw new ProblemError(400, 'invalid_body', `attachmentIds: no upload ${id} of this sender`);
    }
    return upload;
  });
  return { uploads, attachments: uploads.map((upload) => toAttachment(upload)) };
}
