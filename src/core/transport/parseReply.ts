import * as z from 'zod/mini';
import { ResponseError, type SchemaIssue } from '../errors/index.js';

/** Validates a backend reply; a mismatch becomes a typed `ResponseError`, never a crash later. */
export function parseReply<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ResponseError(what, toIssues(result.error.issues), { cause: result.error });
}

export function toIssues(issues: readonly z.core.$ZodIssue[]): SchemaIssue[] {
  return issues.slice(0, 20).map((issue) => ({
    path: [...issue.path],
    message: issue.message,
    code: issue.code,
  }));
}
