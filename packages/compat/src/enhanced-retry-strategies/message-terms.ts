import { errorText } from '../enhanced-retry/retry-strategy.js';

/** `str(error).lower()` of the legacy strategies: the message of an Error, else the value as text. @internal */
export function lowerMessage(error: unknown): string {
  return errorText(error).toLowerCase();
}

/** True when `text` contains any of `terms` (the legacy `any(term in error_msg for term in ...)`). @internal */
export function containsAny(text: string, terms: readonly string[]): boolean {
  return terms.some((term) => text.includes(term));
}
