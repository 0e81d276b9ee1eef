import * as z from 'zod/mini';
import { IdSchema, LocaleTagSchema } from './common.js';
import { ConversationSchema } from './conversation.js';
import { PageContextSchema } from './context.js';

/**
 * A host-signed identity: `signature` is hex HMAC-SHA256 of `${userId}.${expires}` with the
 * secret shared between the host's backend and the Parley backend. Unsigned claims are refused.
 */
export const IdentitySchema = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(128)),
  /** Unix time in seconds after which the token is refused. */
  expires: z.int().check(z.positive()),
  signature: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  name: z.optional(z.string().check(z.maxLength(120))),
  email: z.optional(z.string().check(z.maxLength(254))),
});

export const CreateSessionRequestSchema = z.object({
  locale: z.optional(LocaleTagSchema),
  identity: z.optional(IdentitySchema),
  context: z.optional(PageContextSchema),
  /** The host's widget id, so one backend can tell installations apart. */
  widgetId: z.optional(z.string().check(z.maxLength(64))),
});

export const SessionSchema = z.object({
  id: IdSchema,
  visitorId: IdSchema,
  userId: z.optional(z.nullable(z.string())),
  locale: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
});

export const SessionResponseSchema = z.object({
  /** Bearer token for every later request. Never put it in a URL. */
  token: z.string().check(z.minLength(16), z.maxLength(512)),
  session: SessionSchema,
  /** The newest conversation that is not resolved, if any, so a reload lands back in it. */
  conversation: z.nullable(ConversationSchema),
  /** True when an existing session was resumed from the presented bearer token. */
  resumed: z.boolean(),
});

export const UpdateSessionRequestSchema = z.object({
  locale: z.optional(LocaleTagSchema),
  email: z.optional(z.string().check(z.email(), z.maxLength(254))),
  name: z.optional(z.string().check(z.maxLength(120))),
});

export type Identity = z.infer<typeof IdentitySchema>;
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequestSchema>;
