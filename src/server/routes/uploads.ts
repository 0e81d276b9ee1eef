import { Hono } from 'hono';
import type { Context } from 'hono';
import { toAttachment } from '../db/UploadRepo.js';
import type { UploadRecord } from '../db/UploadRepo.js';
import { requireOperator, requireVisitor } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rateLimit.js';
import { ProblemError } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';
import { fileResponse } from '../uploads/fileResponse.js';
import type { Uploader } from '../uploads/saveUpload.js';
import { saveUpload } from '../uploads/saveUpload.js';

/** Uploads and file downloads, for visitors and for the desk. */
export function uploadRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Attachment urls always name the visitor route: messages carry one url for both sides, and
  // the console maps it to /v1/operator/files/.
  const upload = async (c: Context<AppEnv>, uploader: Uploader): Promise<Response> => {
    if (!ctx.config.features.attachments) {
      throw new ProblemError(403, 'forbidden', 'attachments are turned off');
    }
    const record = await saveUpload(ctx, await readForm(c), uploader);
    return c.json({ attachment: toAttachment(record) }, 201);
  };

  app.post(
    '/v1/uploads',
    requireVisitor(ctx),
    rateLimit(ctx, 'uploads', (c) => c.get('visitor').id),
    (c) => upload(c, { sessionId: c.get('session').id, visitorId: c.get('visitor').id }),
  );

  app.post('/v1/operator/uploads', requireOperator(ctx), (c) =>
    upload(c, { sessionId: null, visitorId: null }),
  );

  app.get('/v1/files/:id', requireVisitor(ctx), (c) => {
    const record = findUpload(ctx, c.req.param('id'));
    if (!ctx.repos.uploads.canAccess(c.get('viewer'), record)) {
      throw new ProblemError(403, 'forbidden', 'this file belongs to another visitor');
    }
    return fileResponse(record);
  });

  app.get('/v1/operator/files/:id', requireOperator(ctx), (c) =>
    fileResponse(findUpload(ctx, c.req.param('id'))),
  );

  return app;
}

function findUpload(ctx: ServerContext, id: string): UploadRecord {
  const record = ctx.repos.uploads.get(id);
  if (!record) throw new ProblemError(404, 'not_found', 'no such file');
  return record;
}

async function readForm(c: Context<AppEnv>): Promise<FormData> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new ProblemError(400, 'invalid_body', 'send the file as multipart/form-data');
  }
  try {
    return await c.req.formData();
  } catch (error) {
    throw new ProblemError(400, 'invalid_body', `malformed multipart body: ${String(error)}`);
  }
}
