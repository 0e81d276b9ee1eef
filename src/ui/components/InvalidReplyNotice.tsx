import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { isResponseError } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/** How long the notice stays when no valid data replaces the invalid reply sooner. */
export const INVALID_REPLY_NOTICE_MS = 6000;

/**
 * A quiet note that the server sent a reply the widget could not read (a malformed live event,
 * a config or history page that fails Protocol v1). The client skips such a reply and goes on,
 * so without this nothing would change on screen. It overlays the top of the body instead of
 * taking space, so the transcript and the composer do not move; it is a polite live region that
 * is always rendered (so the change is announced) and never takes focus. It leaves after a few
 * seconds or as soon as valid data arrives (messages or config change). A failed session start
 * and an offline connection already say why in the connection banner, so it stays out of those.
 */
export function InvalidReplyNotice() {
  const { client } = useWidget();
  const t = useT();
  const error = useStore(client.$error);
  const session = useStore(client.$session);
  const connection = useStore(client.$connection);
  const [shown, setShown] = useState(false);
  const relevant = isResponseError(error) && session.status !== 'error' && connection !== 'offline';

  useEffect(() => {
    if (!relevant) {
      setShown(false);
      return;
    }
    setShown(true);
    const hide = () => setShown(false);
    const timer = setTimeout(hide, INVALID_REPLY_NOTICE_MS);
    const stops = [client.$messages.listen(hide), client.$config.listen(hide)];
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [client, error, relevant]);

  return (
    <div class="reply-notice" role="status">
      {relevant && shown && (
        <>
          <Icon name="info" />
          <span>{t('connection.invalidReply')}</span>
        </>
      )}
    </div>
  );
}
