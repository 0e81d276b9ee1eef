import type { CatalogKey, ClientMessage, ParleyError, Translator } from '../../core/index.js';

const SYSTEM_KEYS = {
  'agent.joined': ['system.agentJoined', 'system.agentJoinedAnonymous'],
  'agent.left': ['system.agentLeft', 'system.agentLeftAnonymous'],
  'conversation.resolved': ['system.resolved', 'system.resolved'],
  'conversation.reopened': ['system.reopened', 'system.reopened'],
  'handoff.requested': ['system.handoffRequested', 'system.handoffRequested'],
  'rating.submitted': ['system.ratingSubmitted', 'system.ratingSubmitted'],
} as const satisfies Record<string, readonly [CatalogKey, CatalogKey]>;

/** A system line in the visitor's language, from `system.kind`; server text only as a last resort. */
export function systemText(t: Translator, message: Pick<ClientMessage, 'system' | 'text'>): string {
  const system = message.system;
  const keys = system ? SYSTEM_KEYS[system.kind] : undefined;
  if (!keys) return message.text;
  return system?.name ? t(keys[0], { name: system.name }) : t(keys[1]);
}

/** The name shown for an author: theirs, or a role label. */
export function authorName(t: Translator, author: ClientMessage['author']): string {
  if (author.role === 'visitor') return t('messages.you');
  return author.name || t(author.role === 'bot' ? 'messages.bot' : 'messages.agent');
}

const FAILURES = ['secret_blocked', 'conversation_resolved', 'payload_too_large', 'rate_limited'] as const;

/** Why a message was not delivered, by its error code. */
export function failureText(t: Translator, code: string | undefined): string {
  const known = FAILURES.find((f) => f === code);
  return known ? t(`failure.${known}`) : t('failure.generic');
}

const ERRORS = ['network', 'timeout', 'http', 'rate_limited', 'unauthorized', 'invalid_response', 'rejected', 'storage', 'attachment'] as const;

/** Text for a client error, by its code; never the raw message (which is for developers). */
export function errorText(t: Translator, error: ParleyError | null): string {
  const known = ERRORS.find((code) => code === error?.code);
  return known ? t(`error.${known}`) : t('error.generic');
}
