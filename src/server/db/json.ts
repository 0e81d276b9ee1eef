/** Serializes an optional value for a JSON column; `undefined` and `null` become SQL NULL. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Reads a JSON column written by {@link toJson}. The server wrote it, so the shape is trusted. */
export function fromJson<T>(value: string | null): T | null {
  return value === null ? null : (JSON.parse(value) as T);
}
