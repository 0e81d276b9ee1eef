import * as z from 'zod/mini';

/** Values a host may put into `context`: flat scalars, so nothing unexpected is serialized. */
export const ContextValueSchema = z.union([
  z.string().check(z.maxLength(1000)),
  z.number(),
  z.boolean(),
  z.null(),
]);

/**
 * The page a visitor is on when they write or navigate. Every field except `url` is optional,
 * because a host may turn parts of it off (`context: false`, an allow-list of keys).
 */
export const PageContextSchema = z.object({
  url: z.string().check(z.maxLength(2048)),
  title: z.optional(z.string().check(z.maxLength(512))),
  referrer: z.optional(z.string().check(z.maxLength(2048))),
  locale: z.optional(z.string().check(z.maxLength(35))),
  timeZone: z.optional(z.string().check(z.maxLength(64))),
  viewport: z.optional(
    z.object({
      width: z.int().check(z.nonnegative()),
      height: z.int().check(z.nonnegative()),
    }),
  ),
  /** The host's `context` object merged with the result of `getContext()`. */
  custom: z.optional(
    z.record(z.string().check(z.maxLength(64)), ContextValueSchema).check(
      z.refine((r) => Object.keys(r).length <= 50, 'at most 50 custom context keys'),
    ),
  ),
  /** When the page was observed, by the client's clock; informative only. */
  at: z.optional(z.string().check(z.maxLength(40))),
});

export const ContextUpdateRequestSchema = z.object({
  context: PageContextSchema,
});

export type ContextValue = z.infer<typeof ContextValueSchema>;
export type PageContext = z.infer<typeof PageContextSchema>;
export type ContextUpdateRequest = z.infer<typeof ContextUpdateRequestSchema>;
