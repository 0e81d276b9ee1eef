/**
 * The Parley operator console: a plain-DOM app served at /console. It reads the operator key
 * from the URL fragment (never sent to the server), lists conversations live from the operator
 * event stream, and lets an agent reply, attach files, and resolve or reopen conversations.
 */
import type { OperatorConversation, ServerEvent } from '../../core/protocol/index.js';
import { BlobUrls } from './attachmentView.js';
import { isUnread, renderConversationList } from './conversationList.js';
import { ConversationView } from './conversationView.js';
import { fill, h } from './dom.js';
import { ConsoleApiError, createOperatorApi } from './operatorApi.js';
import type { OperatorApi } from './operatorApi.js';
import { readEventStream } from './readEventStream.js';
import type { StreamState } from './readEventStream.js';

const KEY_STORAGE = 'parley.console.key';
const NAME_STORAGE = 'parley.console.agentName';
const REFRESH_DEBOUNCE_MS = 150;

/**
 * The key arrives as `#key=…`. It moves to sessionStorage and leaves the address bar, so it
 * does not end up in screenshots, history or a shared link; a reload still finds it.
 */
function takeKey(): string | null {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const key = decodeURIComponent(match[1]);
    sessionStorage.setItem(KEY_STORAGE, key);
    history.replaceState(null, '', location.pathname + location.search);
    return key;
  }
  return sessionStorage.getItem(KEY_STORAGE);
}

function start(root: HTMLElement): void {
  const key = takeKey();
  if (!key) {
    askForKey(root, 'Open the console link printed by `parley-chat serve` (it ends in #key=…), or paste the key:');
    return;
  }
  runConsole(root, key);
}

function askForKey(root: HTMLElement, prompt: string): void {
  const input = h('input', { attrs: { type: 'password', autocomplete: 'off', 'aria-label': 'Operator key' } });
  const form = h(
    'form',
    {
      class: 'notice',
      on: {
        submit: (event) => {
          event.preventDefault();
          if (input.value.trim() === '') return;
          sessionStorage.setItem(KEY_STORAGE, input.value.trim());
          start(root);
        },
      },
    },
    h('p', {}, prompt),
    input,
    ' ',
    h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Open console'),
  );
  fill(root, form);
  input.focus();
}

function runConsole(root: HTMLElement, key: string): void {
  const api: OperatorApi = createOperatorApi(key);
  const blobs = new BlobUrls(api);
  let conversations: OperatorConversation[] = [];
  let view: ConversationView | null = null;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  let detailTimer: ReturnType<typeof setTimeout> | undefined;

  const nameInput = h('input', {
    attrs: { type: 'text', 'aria-label': 'Your name, shown to visitors', placeholder: 'Your name', maxlength: '120' },
  });
  nameInput.value = localStorage.getItem(NAME_STORAGE) ?? 'Support';
  nameInput.addEventListener('change', () => localStorage.setItem(NAME_STORAGE, nameInput.value.trim()));
  const agentName = (): string => nameInput.value.trim() || 'Support';

  const connection = h('span', { class: 'connection', attrs: { 'data-state': 'connecting', role: 'status' } }, 'connecting…');
  const notice = h('div', { class: 'error', attrs: { role: 'alert' } });
  const list = h('ul', { class: 'conversations', attrs: { 'aria-label': 'Conversations' } });
  const placeholder = h('div', { class: 'placeholder' }, 'Select a conversation');
  fill(
    root,
    h('nav', { class: 'sidebar' }, h('div', { class: 'topbar' }, h('h1', {}, 'Parley console'), connection, nameInput), notice, list),
    placeholder,
  );

  const showError = (message: string): void => {
    notice.textContent = message;
  };
  const fail = (what: string) => (error: unknown) => {
    if (error instanceof ConsoleApiError && error.status === 401) {
      sessionStorage.removeItem(KEY_STORAGE);
      stop();
      askForKey(root, 'The operator key was refused. Paste the current key:');
      return;
    }
    console.error(`Parley console: ${what}`, error);
    showError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  };

  const renderList = (): void =>
    renderConversationList(list, conversations, view?.id ?? null, (id) => void select(id));

  const refreshList = (): void => {
    clearTimeout(listTimer);
    listTimer = setTimeout(() => {
      api.list().then((fresh) => {
        conversations = fresh;
        renderList();
      }, fail('Loading conversations failed'));
    }, REFRESH_DEBOUNCE_MS);
  };

  /** Tells the visitor the agent has read up to the end, while the console is on screen. */
  const markRead = (): void => {
    if (!view || document.visibilityState !== 'visible') return;
    const current = conversations.find((c) => c.id === view?.id);
    const seq = view.lastSeq;
    if (!current || current.agentReadSeq >= seq) return;
    current.agentReadSeq = seq;
    renderList();
    api.read(current.id, seq).catch(fail('Marking as read failed'));
  };

  const refreshDetail = (): void => {
    clearTimeout(detailTimer);
    const id = view?.id;
    if (!id) return;
    detailTimer = setTimeout(() => {
      api.detail(id).then((detail) => {
        if (view?.id === id) view.update(detail);
        markRead();
      }, fail('Loading the conversation failed'));
    }, REFRESH_DEBOUNCE_MS);
  };

  const select = async (id: string): Promise<void> => {
    try {
      const detail = await api.detail(id);
      // Object URLs of the previous conversation are freed before the next one loads its own.
      blobs.revokeAll();
      const next = new ConversationView(detail, {
        api,
        blobs,
        agentName,
        onChanged: () => {
          refreshDetail();
          refreshList();
        },
        onError: showError,
      });
      (view?.element ?? placeholder).replaceWith(next.element);
      view?.destroy();
      view = next;
      renderList();
      markRead();
    } catch (error) {
      fail('Opening the conversation failed')(error);
    }
  };

  const onEvent = (event: ServerEvent): void => {
    const selected = view?.id === event.conversationId ? view : null;
    switch (event.type) {
      case 'typing':
        if (selected && event.author.role === 'visitor') selected.setTyping(event.typing);
        return;
      case 'message.created':
        selected?.addMessage(event.message);
        markRead();
        break;
      case 'context.updated':
        selected?.addPage(event.context);
        break;
      default:
        if (selected) refreshDetail();
    }
    refreshList();
  };

  const setState = (state: StreamState): void => {
    connection.dataset.state = state;
    connection.textContent = { connecting: 'connecting…', live: '● live', reconnecting: 'reconnecting…', unauthorized: 'key refused' }[state];
    if (state === 'live') {
      // Whatever happened while disconnected, the lists are reloaded on every (re)connect.
      refreshList();
      refreshDetail();
    }
    if (state === 'unauthorized') fail('Live updates')(new ConsoleApiError(401, 'unauthorized', 'key refused'));
  };

  const stop = readEventStream({ url: '/v1/operator/events', key, onEvent, onState: setState });
  document.addEventListener('visibilitychange', markRead);
  // Unread dots in the tab title help when the console sits in a background tab.
  const titleTimer = setInterval(() => {
    const unread = conversations.filter(isUnread).length;
    document.title = unread > 0 ? `(${unread}) Parley console` : 'Parley console';
  }, 1000);
  window.addEventListener('pagehide', () => {
    stop();
    clearInterval(titleTimer);
    blobs.revokeAll();
  });
}

function boot(): void {
  const root = document.getElementById('parley-console');
  if (root) start(root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
