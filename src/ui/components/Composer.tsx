import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CatalogKey } from '../../core/index.js';
import { useSend } from '../hooks/useSend.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { AskAboutChip } from './AskAboutChip.js';
import { AttachMenu } from './AttachMenu.js';
import { AttachmentTray, ScreenshotPreview, SecretWarning } from './lazyParts.js';
import { Icon } from './Icon.js';

const MAX_LINES = 6;

/**
 * Where the visitor writes. Enter sends and Shift+Enter starts a new line, except while an IME
 * is composing (Enter then confirms a Japanese or Chinese candidate, so sending would cut the
 * text). The draft lives in the client's `$draft`, so it survives closing the panel. Files come
 * from the picker, a pasted image or a screenshot (drops are taken by the whole panel).
 */
export function Composer() {
  const { client, uploads, secrets, warn } = useWidget();
  const t = useT();
  const draft = useStore(client.$draft);
  const session = useStore(client.$session);
  const conversation = useStore(client.$conversation);
  const config = useStore(client.$config);
  const items = useStore(uploads.$items);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<string | null>(null);
  const composing = useRef(false);
  const [screenshot, setScreenshot] = useState<Blob | null>(null);
  const [problem, setProblem] = useState<CatalogKey | null>(null);
  const { send, checking, held, edit, sendAnyway } = useSend(textarea);

  const reason: CatalogKey | null = session.status === 'error' ? 'composer.disabledSession' : null;
  const disabled = reason !== null;
  // A resolved conversation stays writable (the server reopens it), like Intercom's; the visitor
  // may also start a fresh one.
  const resolved = conversation?.status === 'resolved';
  const busy = items.some((item) => item.state === 'uploading' || item.state === 'checking' || item.state === 'waiting');
  const ready = items.some((item) => item.state === 'done');
  // A send while files upload waits for them (useSend), so only an empty message is refused.
  const canSend = !disabled && !checking && (draft.trim() !== '' || ready || busy);
  const attachments = !!config?.features.attachments;

  // Rows follow hard line breaks; soft-wrapped long lines are measured where layout exists.
  const rows = Math.min(MAX_LINES, draft.split('\n').length);
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = '';
    if (el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight + 2}px`;
  }, [draft]);

  const submit = () => {
    if (canSend) void send();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // keyCode 229: Safari reports the IME's Enter after compositionend, with isComposing false.
    if (event.isComposing || composing.current || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  // A pasted screenshot arrives as a file; text pasted with it (some apps add both) still pastes.
  const onPaste = (event: ClipboardEvent) => {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (!attachments || files.length === 0) return;
    if (!event.clipboardData?.types.includes('text/plain')) event.preventDefault();
    uploads.add(files);
  };

  const pickAgain = (id: string) => {
    replacing.current = id;
    fileInput.current?.click();
  };

  const captureScreen = () => {
    setProblem(null);
    const win = textarea.current?.ownerDocument.defaultView;
    if (!win) return;
    import('../model/captureScreenshot.js')
      .then(({ captureScreenshot }) => captureScreenshot(win))
      .then(setScreenshot, (error: unknown) => {
        // Cancelling the browser's picker is the visitor's own choice, not a failure.
        if ((error as DOMException)?.name === 'NotAllowedError') return;
        warn(`Parley: the screenshot failed (${String(error)})`);
        setProblem('screenshot.failed');
      });
  };

  const attachScreenshot = () => {
    if (!screenshot) return;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
    uploads.add([new File([screenshot], `screenshot-${stamp}.png`, { type: 'image/png' })]);
    setScreenshot(null);
    textarea.current?.focus();
  };

  return (
    <form
      class="composer"
      part="composer"
      aria-describedby={reason ? 'parley-composer-reason' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
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
      {problem && (
        <p class="composer-reason" role="alert">
          <Icon name="alert" />
          {t(problem)}
        </p>
      )}
      <SecretWarning action={held && held.action !== 'send' ? held.action : null} kinds={held?.flagged ?? []} onEdit={edit} onSendAnyway={sendAnyway} />
      <ScreenshotPreview blob={screenshot} onAttach={attachScreenshot} onDiscard={() => setScreenshot(null)} />
      <AskAboutChip />
      <AttachmentTray items={items} onPickAgain={pickAgain} />
      <div class="composer-row">
        {attachments && <AttachMenu disabled={disabled} onChooseFiles={() => fileInput.current?.click()} onScreenshot={captureScreen} />}
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
          onPaste={onPaste}
          onFocus={secrets.preload}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
          onBlur={() => client.setTyping(false)}
        />
        <button
          type="submit"
          class="icon-button send-button"
          part="send-button"
          aria-label={t('composer.send')}
          aria-busy={checking || undefined}
          disabled={!canSend}
        >
          <Icon name="send" class="mirror" />
        </button>
      </div>
      {attachments && (
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          accept={config?.uploads.types.join(',')}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = Array.from(input.files ?? []);
            if (files.length && replacing.current) uploads.remove(replacing.current);
            replacing.current = null;
            uploads.add(files);
            input.value = '';
          }}
        />
      )}
      <span id="parley-composer-hint" class="sr-only">
        {t(busy ? 'upload.wait' : 'composer.hint')}
      </span>
    </form>
  );
}
