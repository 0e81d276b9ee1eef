import * as z from 'zod/mini';
import { IdSchema } from './common.js';

/** A stored upload. `url` is relative to the endpoint and needs the bearer token to fetch. */
export const AttachmentSchema = z.object({
  id: IdSchema,
  name: z.string().check(z.maxLength(255)),
  size: z.int().check(z.nonnegative()),
  type: z.string().check(z.maxLength(127)),
  /** `image` only for raster images the server verified by magic bytes; these may show inline. */
  kind: z.enum(['image', 'file']),
  url: z.string().check(z.maxLength(2048)),
  width: z.optional(z.int()),
  height: z.optional(z.int()),
});

export const UploadResponseSchema = z.object({ attachment: AttachmentSchema });

export type Attachment = z.infer<typeof AttachmentSchema>;
export type UploadResponse = z.infer<typeof UploadResponseSchema>;
