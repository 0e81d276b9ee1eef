import type { Transport } from '../transport/index.js';
import type { Clock } from './Clock.js';
import type { ClientStores } from './createStores.js';

/** Sends "typing" at most every 3 s while the visitor types, and "stopped" after 4 s of quiet. */
export function createTypingSender(
  stores: ClientStores,
  transport: Transport,
  clock: Clock,
): { set(typing: boolean): void; stop(): void } {
  let lastSent = 0;
  let stopTimer: unknown = null;
  let conversationId: string | null = null;

  const send = (value: boolean) => {
    if (!conversationId) return;
    // Typing is a hint that is stale within seconds; a lost one is not worth an error state.
    transport.sendTyping(conversationId, value).catch(() => undefined);
  };
  const clearTimer = () => {
    if (stopTimer !== null) clock.clearTimeout(stopTimer);
    stopTimer = null;
  };

  return {
    set(typing) {
      conversationId = stores.$conversation.get()?.id ?? null;
      clearTimer();
      if (!typing) {
        if (lastSent) send(false);
        lastSent = 0;
        return;
      }
      if (clock.now() - lastSent > 3000) {
        lastSent = clock.now();
        send(true);
      }
      stopTimer = clock.setTimeout(() => {
        stopTimer = null;
        lastSent = 0;
        send(false);
      }, 4000);
    },
    stop: clearTimer,
  };
}
