import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { ClientMessage } from '../../core/index.js';
import { toPlainText } from '../markdown/parseMarkdown.js';
import { useMenu } from '../hooks/useMenu.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

interface Props {
  message: ClientMessage;
  /** The rendered text: what is copied, with its line breaks, as the visitor sees it. */
  rich: RefObject<HTMLElement>;
  /** Shows (and, through its `role="status"`, speaks) a short note under the message; '' clears it. */
  onNote: (text: string) => void;
}

const NOTE_MS = 2500;

/**
 * The "⋯" button beside a message and its menu: copy the text; for the visitor's own failed
 * message also Retry and Delete. It is an ordinary button after the bubble, so Tab always reaches
 * it; with a mouse it shows on hover or focus, as Slack's message actions do on the desktop. On
 * screens without hover it is always shown: Slack's apps use a long press instead, but in a web
 * page a long press belongs to the browser (text selection and its copy callout), and a tap on
 * the bubble already opens its links and attachments, so neither can reveal it.
 */
export function MessageActions({ message, rich, onNote }: Props) {
  const { client, warn } = useWidget();
  const t = useT();
  const id = `parley-actions-${message.clientId}`;
  const menu = useMenu(id);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const failed = message.state === 'failed';

  const note = (text: string) => {
    clearTimeout(timer.current);
    onNote(text);
    timer.current = setTimeout(() => onNote(''), NOTE_MS);
  };
  const copy = () => {
    menu.close();
    const text = rich.current?.innerText.trim() || toPlainText(message.text);
    const clipboard = menu.buttonProps.ref.current?.ownerDocument.defaultView?.navigator.clipboard;
    // No Clipboard API outside a secure context, and a frame without `allow="clipboard-write"` refuses it.
    (clipboard ? clipboard.writeText(text) : Promise.reject(new Error('navigator.clipboard is missing'))).then(
      () => note(t('messages.copied')),
      (error: unknown) => {
        note(t('messages.copyFailed'));
        warn(`Parley: copying a message failed (${String(error)}); serve the page over HTTPS and allow clipboard-write in its frame`);
      },
    );
  };
  const retry = () => {
    menu.close();
    client.retry(message.clientId);
  };
  const remove = () => {
    // The message and its button go away: focus moves to the log, not to the page's body.
    const log = menu.buttonProps.ref.current?.closest<HTMLElement>('[role="log"]');
    menu.close();
    client.discard(message.clientId);
    log?.focus();
  };

  return (
    <>
      <button
        {...menu.buttonProps}
        aria-controls={menu.open ? id : undefined}
        class="icon-button message-actions"
        aria-label={t('messages.actions')}
      >
        <Icon name="dots" />
      </button>
      {menu.open && (
        <div {...menu.menuProps} class="menu" aria-label={t('messages.actions')}>
          {message.text.trim() && (
            <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={copy}>
              <span>{t('messages.copy')}</span>
              <Icon name="copy" />
            </button>
          )}
          {failed && (
            <>
              <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={retry}>
                <span>{t('messages.retry')}</span>
                <Icon name="retry" />
              </button>
              <button type="button" role="menuitem" class="menu-item danger" tabIndex={-1} onClick={remove}>
                <span>{t('messages.delete')}</span>
                <Icon name="trash" />
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
