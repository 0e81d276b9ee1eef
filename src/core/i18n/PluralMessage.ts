/**
 * A message with plural forms, keyed by `Intl.PluralRules` categories. `other` is required; a
 * language adds the categories it uses (Russian: `one`, `few`, `many`, `other`).
 */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export function isPluralMessage(value: unknown): value is PluralMessage {
  return typeof value === 'object' && value !== null && typeof (value as PluralMessage).other === 'string';
}
