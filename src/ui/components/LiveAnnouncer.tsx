import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientMessage } from '../../core/index.js';
import { toPlainText } from '../markdown/parseMarkdown.js';
import { authorName, systemText } from '../model/messageText.js';
import { useWidget } from '../WidgetContext.js';

const KEEP_MS = 7000;
const MAX_CHARS = 300;

/**
 * The one polite live region. It speaks each new incoming message once: it listens to the
 * client's `message` event, which fires only for live agent, bot and system messages, never for
 * history loaded on start, after a reconnect or by "show earlier". A streamed reply is spoken
 * once, when it is complete. Entries leave the region after a few seconds (removals are silent).
 */
export function LiveAnnouncer() {
  const { client, i18n, view } = useWidget();
  const [entries, setEntries] = useState<Array<{ id: string; text: string }>>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const spoken = new Set<string>();
    const streaming = new Set<string>();
    const say = (message: ClientMessage) => {
      const id = message.id ?? message.clientId;
      if (spoken.has(id)) return;
      spoken.add(id);
      if (!view.$open.get()) return;
      const t = i18n.$t.get();
      let text: string;
      if (message.author.role === 'system' || message.system) {
        text = systemText(t, message);
      } else {
        const body = [toPlainText(message.text), message.attachments.length ? t('announce.attachment', { count: message.attachments.length }) : '']
          .filter(Boolean)
          .join('. ');
        text = t('announce.message', { name: authorName(t, message.author), text: body.slice(0, MAX_CHARS) });
      }
      setEntries((list) => [...list, { id, text }]);
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setEntries((list) => list.filter((entry) => entry.id !== id));
      }, KEEP_MS);
      timers.current.add(timer);
    };
    const offMessage = client.on('message', (message) => {
      if (message.streaming) streaming.add(message.id ?? message.clientId);
      else say(message);
    });
    const offList = client.$messages.listen((messages) => {
      if (streaming.size === 0) return;
      for (const message of messages) {
        const id = message.id ?? message.clientId;
        if (streaming.has(id) && !message.streaming) {
          streaming.delete(id);
          say(message);
        }
      }
    });
    return () => {
      offMessage();
      offList();
      timers.current.forEach(clearTimeout);
      timers.current.clear();
    };
  }, [client]);

  return (
    <div class="sr-only" aria-live="polite" aria-atomic="false" aria-relevant="additions">
      {entries.map((entry) => (
        <p key={entry.id}>{entry.text}</p>
      ))}
    </div>
  );
}
