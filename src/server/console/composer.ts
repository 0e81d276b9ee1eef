import type { Attachment, Message } from '../../core/protocol/index.js';
import { fill, h } from './dom.js';
import type { OperatorApi } from './operatorApi.js';

export interface ComposerOptions {
  api: OperatorApi;
  conversationId: string;
  agentName: () => string;
  onSent: (message: Message) => void;
}

export interface Composer {
  element: HTMLElement;
  focus(): void;
  destroy(): void;
}

/** Typing notices go out at most this often while the agent keeps typing. */
const TYPING_THROTTLE_MS = 3000;
/** Quiet this long counts as "stopped typing". */
const TYPING_IDLE_MS = 4000;

/**
 * The reply box: Enter sends, Shift+Enter adds a line, files upload as soon as they are picked.
 * A failed send keeps the draft and its clientId, so pressing Send again cannot post it twice.
 */
export function createComposer(options: ComposerOptions): Composer {
  const { api, conversationId } = options;
  let attachments: Attachment[] = [];
  let clientId: string | null = null;
  let sending = false;
  let uploads = 0;
  let typingSentAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const textarea = h('textarea', {
    testid: 'console-reply',
    attrs: { rows: '3', placeholder: 'Reply… (Enter sends, Shift+Enter adds a line)', 'aria-label': 'Reply' },
  });
  const fileInput = h('input', { class: 'hidden-input', attrs: { type: 'file', multiple: '' } });
  const pending = h('div', { class: 'pending', attrs: { 'aria-live': 'polite' } });
  const error = h('div', { class: 'error', attrs: { role: 'alert' } });
  const sendButton = h('button', { class: 'primary', testid: 'console-send', attrs: { type: 'button' } }, 'Send');
  const attachButton = h('button', { attrs: { type: 'button' } }, 'Attach file');

  const draftChanged = (): void => {
    clientId = null;
    error.textContent = '';
  };

  const renderPending = (): void => {
    fill(
      pending,
      uploads > 0 && `Uploading ${uploads} file(s)… `,
      ...attachments.map((a) =>
        h(
          'button',
          {
            attrs: { type: 'button', title: `Remove ${a.name}` },
            on: {
              click: () => {
                attachments = attachments.filter((x) => x.id !== a.id);
                draftChanged();
                renderPending();
              },
            },
          },
          `📎 ${a.name} ✕`,
        ),
      ),
    );
    sendButton.disabled = sending || uploads > 0;
  };

  const stopTyping = (): void => {
    clearTimeout(idleTimer);
    if (typingSentAt === 0) return;
    typingSentAt = 0;
    api.typing(conversationId, false).catch((e: unknown) => console.warn('Parley console: typing notice failed', e));
  };

  const noteTyping = (): void => {
    clearTimeout(idleTimer);
    if (textarea.value.trim() === '') {
      stopTyping();
      return;
    }
    if (Date.now() - typingSentAt > TYPING_THROTTLE_MS) {
      typingSentAt = Date.now();
      api.typing(conversationId, true).catch((e: unknown) => console.warn('Parley console: typing notice failed', e));
    }
    idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = async (): Promise<void> => {
    const text = textarea.value.trim();
    if (sending || uploads > 0 || (text === '' && attachments.length === 0)) return;
    clientId ??= newClientId();
    sending = true;
    renderPending();
    try {
      const { message } = await api.send(conversationId, {
        clientId,
        text,
        attachmentIds: attachments.map((a) => a.id),
        authorName: options.agentName(),
      });
      textarea.value = '';
      attachments = [];
      clientId = null;
      error.textContent = '';
      stopTyping();
      options.onSent(message);
    } catch (e) {
      error.textContent = `Not sent: ${e instanceof Error ? e.message : String(e)}. Press Send to retry.`;
    } finally {
      sending = false;
      renderPending();
    }
  };

  const uploadFiles = async (files: readonly File[]): Promise<void> => {
    uploads += files.length;
    renderPending();
    await Promise.all(
      files.map(async (file) => {
        try {
          attachments = [...attachments, await api.upload(file)];
          draftChanged();
        } catch (e) {
          error.textContent = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
        } finally {
          uploads -= 1;
          renderPending();
        }
      }),
    );
  };

  textarea.addEventListener('keydown', (event) => {
    // isComposing: Enter also confirms an IME candidate (Japanese, Chinese); that must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  });
  textarea.addEventListener('input', () => {
    draftChanged();
    noteTyping();
  });
  sendButton.addEventListener('click', () => void send());
  attachButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    fileInput.value = '';
    if (files.length > 0) void uploadFiles(files);
  });

  renderPending();
  const element = h(
    'div',
    { class: 'composer' },
    textarea,
    pending,
    error,
    h('div', { class: 'row' }, attachButton, fileInput, h('span', { class: 'spacer' }), sendButton),
  );
  return {
    element,
    focus: () => textarea.focus(),
    destroy: () => stopTyping(),
  };
}

/** getRandomValues, unlike randomUUID, also works when the console is opened over plain http on a LAN address. */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `op_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
