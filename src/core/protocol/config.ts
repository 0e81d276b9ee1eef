import * as z from 'zod/mini';
import { LocalizedTextSchema } from './common.js';

export const BusinessHoursSchema = z.object({
  /** 0 = Sunday … 6 = Saturday, in `timeZone`. */
  day: z.int().check(z.gte(0), z.lte(6)),
  open: z.string().check(z.regex(/^\d{2}:\d{2}$/)),
  close: z.string().check(z.regex(/^\d{2}:\d{2}$/)),
});

export const AvailabilitySchema = z.object({
  /** True when someone answers now (inside business hours, or 24/7). */
  online: z.boolean(),
  alwaysOpen: z.boolean(),
  timeZone: z.string(),
  hours: z.array(BusinessHoursSchema),
  /** Typical first reply time in minutes while online. */
  replyTimeMinutes: z.int().check(z.nonnegative()),
  /** When the desk opens next, if it is closed now. */
  nextOpenAt: z.optional(z.nullable(z.string())),
});

export const TopicSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  label: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
});

export const UploadLimitsSchema = z.object({
  maxBytes: z.int().check(z.positive()),
  maxFiles: z.int().check(z.positive()),
  /** MIME types, with `type/*` wildcards, e.g. `image/*`, `application/pdf`. */
  types: z.array(z.string()),
});

export const NoticeSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  level: z.enum(['info', 'warning', 'critical']),
  text: LocalizedTextSchema,
  dismissible: z.boolean(),
});

export const SecretKindSchema = z.enum(['mnemonic', 'privateKey', 'wif', 'xprv', 'card', 'custom']);
export const SecretActionSchema = z.enum(['warn', 'block', 'redact']);
/**
 * One of the desk's own secret patterns (an internal API key format, a support PIN), as a
 * regular expression's source and flags, so the widget and the server apply the same one.
 * Matches are kind `custom`, labelled with `name`.
 */
export const SecretPatternSpecSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  source: z.string().check(z.minLength(1), z.maxLength(500)),
  flags: z.optional(z.string().check(z.regex(/^[imsu]*$/))),
});

export const FeaturesSchema = z.object({
  attachments: z.boolean(),
  ratings: z.boolean(),
  knowledgeBase: z.boolean(),
  bot: z.boolean(),
  emailCapture: z.boolean(),
  transcriptExport: z.boolean(),
  screenshots: z.boolean(),
});

export const WidgetConfigSchema = z.object({
  protocol: z.literal(1),
  brand: z.object({
    name: z.string().check(z.maxLength(80)),
    avatarUrl: z.optional(z.nullable(z.string())),
  }),
  greeting: LocalizedTextSchema,
  availability: AvailabilitySchema,
  topics: z.array(TopicSchema),
  uploads: UploadLimitsSchema,
  features: FeaturesSchema,
  notices: z.array(NoticeSchema),
  channels: z.object({
    telegram: z.optional(z.nullable(z.string())),
    email: z.optional(z.nullable(z.string())),
  }),
  /** What the server does with each kind of secret it finds; the client mirrors it. */
  secretGuard: z.optional(z.record(z.string(), SecretActionSchema)),
  /** The desk's own patterns, checked by the widget and again by the server (kind `custom`). */
  secretPatterns: z.optional(z.array(SecretPatternSpecSchema).check(z.maxLength(50))),
});

export type BusinessHours = z.infer<typeof BusinessHoursSchema>;
export type Availability = z.infer<typeof AvailabilitySchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type UploadLimits = z.infer<typeof UploadLimitsSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
export type SecretKind = z.infer<typeof SecretKindSchema>;
export type SecretAction = z.infer<typeof SecretActionSchema>;
export type SecretPatternSpec = z.infer<typeof SecretPatternSpecSchema>;
export type Features = z.infer<typeof FeaturesSchema>;
export type WidgetConfig = z.infer<typeof WidgetConfigSchema>;
