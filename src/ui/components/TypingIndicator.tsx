import type { Author } from '../../core/index.js';
import { useT } from '../hooks/useT.js';

/** Three dots and "Alex is typing…". The dots bounce only when motion is welcome. */
export function TypingIndicator({ author }: { author: Author }) {
  const t = useT();
  const label = author.name
    ? t('typing.named', { name: author.name })
    : t(author.role === 'bot' ? 'typing.bot' : 'typing.agent');
  return (
    <div class="typing">
      <span class="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span>{label}</span>
    </div>
  );
}
