import type { ClientMessage } from '../../core/index.js';
import { systemText } from '../model/messageText.js';
import { useT } from '../hooks/useT.js';
import { memo } from '../memo.js';

/** A line such as "Alex joined the conversation", from `system.kind` in the visitor's language. */
export const SystemEvent = memo(function SystemEvent({ message }: { message: ClientMessage }) {
  const t = useT();
  return (
    <p class="system" dir="auto">
      {systemText(t, message)}
    </p>
  );
});
