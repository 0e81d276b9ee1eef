import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CatalogKey } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { useUploads } from '../hooks/useUploads.js';
import { useWidget } from '../WidgetContext.js';
import { AttachmentTray } from './AttachmentTray.js';
import { Icon } from './Icon.js';

const MAX_LINES = 6;

/**
 * Where the visitor writes. Enter sends and Shift+Enter starts a new line, except while an IME
 * is composing (Enter then confirms a Japanese or Chinese candidate, so sending would cut the
 * text). The draft lives in the client's `$draft`, so it survives closing the panel.
 */
export function Composer() {
  const { client, view } = useWidget();
  const t = useT();
  const draft = useStore(client.$draft);
  const session = useStore(client.$session);
  const conversation = useStore(client.$conversation);
  const config = useStore(client.$config);
  const uploads = useUploads(client);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const composing = useRef(false);

  const reason: CatalogKey | null = session.status === 'error' ? 'composer.disabledSession' : null;
  const disabled = reason !== null;
  // A resolved conversation stays writable (the server reopens it), like Intercom's; the visitor
  // may also start a fresh one.
  const resolved = conversation?.status === 'resolved';
  const canSend = !disabled && !uploads.busy && (draft.trim() !== '' || uploads.ready.length > 0);

  // Rows follow hard line breaks; soft-wrapped long lines are measured where layout exists.
  const rows = Math.min(MAX_LINES, draft.split('\n').length);
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = '';
    if (el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight + 2}px`;
  }, [draft]);

  const send = () => {
    if (!canSend) return;
    const topic = view.$topic.get();
    client.send(draft.trim(), {
      ...(uploads.ready.length ? { attachments: uploads.ready } : {}),
      ...(topic ? { topic } : {}),
    });
    client.setTyping(false);
    uploads.clear();
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // keyCode 229: Safari reports the IME's Enter after compositionend, with isComposing false.
    if (event.isComposing || composing.current || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  return (
    <form
      class="composer"
      part="composer"
      aria-describedby={reason ? 'parley-composer-reason' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {reason && (
        <p class="composer-reason" id="parley-composer-reason">
          <Icon name="info" />
          {t(reason)}
        </p>
      )}
      {resolved && !reason && (
        <p class="composer-reason" id="parley-composer-resolved">
          <Icon name="info" />
          {t('composer.resolvedHint')}{' '}
          <button type="button" class="link-button" onClick={() => client.startNewConversation()}>
            {t('composer.newConversation')}
          </button>
        </p>
      )}
      <AttachmentTray items={uploads.items} onRemove={uploads.remove} />
      <div class="composer-row">
        {config?.features.attachments && (
          <>
            <button
              type="button"
              class="icon-button"
              aria-label={t('composer.attach')}
              disabled={disabled}
              onClick={() => fileInput.current?.click()}
            >
              <Icon name="attach" />
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              accept={config.uploads.types.join(',')}
              onChange={(event) => {
                const input = event.currentTarget;
                if (input.files) uploads.add(Array.from(input.files));
                input.value = '';
              }}
            />
          </>
        )}
        <textarea
          ref={textarea}
          rows={rows}
          value={draft}
          disabled={disabled}
          maxLength={10000}
          dir="auto"
          aria-label={t('composer.label')}
          aria-describedby={[reason ? 'parley-composer-reason' : '', 'parley-composer-hint'].filter(Boolean).join(' ')}
          placeholder={t('composer.placeholder')}
          enterkeyhint="send"
          data-autofocus
          onInput={(event) => {
            const value = event.currentTarget.value;
            client.setDraft(value);
            client.setTyping(value.trim() !== '');
          }}
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
          onBlur={() => client.setTyping(false)}
        />
        <button type="submit" class="icon-button send-button" part="send-button" aria-label={t('composer.send')} disabled={!canSend}>
          <Icon name="send" class="mirror" />
        </button>
      </div>
      <span id="parley-composer-hint" class="sr-only">
        {t('composer.hint')}
      </span>
    </form>
  );
}
