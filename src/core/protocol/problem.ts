import * as z from 'zod/mini';

/** Stable error codes of Protocol v1. Clients branch on these, never on `message`. */
export const ProblemCodeSchema = z.enum([
  'invalid_body',
  'invalid_query',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'too_many_files',
  'unsupported_type',
  'rate_limited',
  'identity_invalid',
  'identity_expired',
  'secret_blocked',
  'conversation_resolved',
  'internal',
]);

/** Every error answer: `{ code, message, details? }` with a matching HTTP status. */
export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.unknown()),
});

export type ProblemCode = z.infer<typeof ProblemCodeSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
