import { useStore } from '@nanostores/preact';
import { errorText } from '../model/messageText.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Says when the chat is offline or reconnecting, and why, in the visitor's words (text by
 * error code). The live region is always rendered, so the change itself is announced.
 */
export function ConnectionBanner() {
  const { client } = useWidget();
  const t = useT();
  const connection = useStore(client.$connection);
  const error = useStore(client.$error);
  const session = useStore(client.$session);
  let text: string | null = null;
  if (session.status === 'error') text = errorText(t, error);
  else if (connection === 'offline') {
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    text = browserOffline ? t('connection.offline') : error ? errorText(t, error) : t('connection.reconnecting');
  }
  return (
    <div class="connection" role="status">
      {text && (
        <>
          <Icon name="offline" />
          <span>{text}</span>
        </>
      )}
    </div>
  );
}
