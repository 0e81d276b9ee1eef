import * as z from 'zod/mini';

/** Ids minted by clients (message and conversation client ids): URL-safe, 8–64 characters. */
export const ClientIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Server-minted ids are opaque strings. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(128));

/** An ISO-8601 timestamp produced by the server. Clients never order by it. */
export const TimestampSchema = z.string().check(z.minLength(10), z.maxLength(40));

/** A BCP 47 language tag such as `en`, `ru-RU` or `pt-BR`. */
export const LocaleTagSchema = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** Text in several languages, keyed by BCP 47 tag; the client picks `ru-RU` → `ru` → `en` → first. */
export const LocalizedTextSchema = z.record(z.string(), z.string());

export const AuthorRoleSchema = z.enum(['visitor', 'agent', 'bot', 'system']);

export const AuthorSchema = z.object({
  role: AuthorRoleSchema,
  id: z.optional(z.string()),
  name: z.optional(z.string().check(z.maxLength(120))),
  avatarUrl: z.optional(z.string().check(z.maxLength(2048))),
});

export const ConversationStatusSchema = z.enum(['open', 'pending', 'resolved']);

export type ClientId = z.infer<typeof ClientIdSchema>;
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type AuthorRole = z.infer<typeof AuthorRoleSchema>;
export type Author = z.infer<typeof AuthorSchema>;
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;
