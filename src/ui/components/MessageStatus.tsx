import type { ClientMessage } from '../../core/index.js';
import { failureText } from '../model/messageText.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Under a visitor's message: "Sending…" with a clock, "Sent", "Read" (the agent has seen it), or
 * why it failed with Retry and Delete.
 */
export function MessageStatus({ message, read, showSent }: { message: ClientMessage; read: boolean; showSent: boolean }) {
  const { client } = useWidget();
  const t = useT();
  if (message.state === 'failed') {
    return (
      <>
        <span class="failure">
          <Icon name="alert" />
          {failureText(t, message.errorCode)}
        </span>
        <span class="failure-actions">
          <button type="button" class="link-button" onClick={() => client.retry(message.clientId)}>
            {t('messages.retry')}
          </button>
          <button type="button" class="link-button danger" onClick={() => client.discard(message.clientId)}>
            {t('messages.delete')}
          </button>
        </span>
      </>
    );
  }
  if (message.state === 'pending') {
    return (
      <span class="status" data-status="pending">
        <Icon name="clock" />
        {t('messages.sending')}
      </span>
    );
  }
  if (!showSent) return null;
  return (
    <span class="status" data-status={read ? 'read' : 'sent'}>
      <Icon name={read ? 'checks' : 'check'} />
      {t(read ? 'messages.read' : 'messages.sent')}
    </span>
  );
}
