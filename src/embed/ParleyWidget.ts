import type { ClientMessage, ConnectionState, ParleyClient, ParleyError } from '../core/index.js';
import type { Conversation, ContextValue, Identity } from '../core/protocol/index.js';

/**
 * What `on(event, fn)` can listen to, and the payload each event passes to `fn`.
 *
 * @example
 * ```ts
 * chat.on('unread', (count) => (document.title = count ? `(${count}) Shop` : 'Shop'));
 * ```
 */
export interface WidgetEvents {
  /**
   * The panel is rendered and the handle fully usable (it is lazy-loaded, so this comes a
   * moment after `init`).
   *
   * @example
   * ```ts
   * chat.on('ready', () => chat.open());
   * ```
   */
  ready: void;
  /**
   * The panel opened, from the visitor's click on the launcher or from `open()`/`toggle()`.
   *
   * @example
   * ```ts
   * chat.on('open', () => analytics.track('support_chat_opened'));
   * ```
   */
  open: void;
  /**
   * The panel closed.
   *
   * @example
   * ```ts
   * chat.on('close', () => myHelpButton.hidden = false);
   * ```
   */
  close: void;
  /**
   * A new message from an agent, the bot or the system arrived (the visitor's own are not
   * reported).
   *
   * @example
   * ```ts
   * chat.on('message', (m) => console.log(`${m.author.name ?? m.author.role}: ${m.text}`));
   * ```
   */
  message: ClientMessage;
  /**
   * The number of replies the visitor has not seen yet changed (0 once they read them).
   *
   * @example
   * ```ts
   * chat.on('unread', (count) => (badge.textContent = count ? String(count) : ''));
   * ```
   */
  unread: number;
  /**
   * Something failed that the visitor may notice, as a `ParleyError` with a stable `code`
   * (a message that was refused or could not be sent, a session that could not start).
   *
   * @example
   * ```ts
   * chat.on('error', (error) => reportToSentry(error, { tags: { code: error.code } }));
   * ```
   */
  error: ParleyError;
  /**
   * The widget's language changed (after `setLocale()` or the visitor's choice), as a BCP 47 tag.
   *
   * @example
   * ```ts
   * chat.on('locale', (locale) => console.log('chat now in', locale));
   * ```
   */
  locale: string;
  /**
   * The desk changed the conversation's status: `open`, `pending` or `resolved`.
   *
   * @example
   * ```ts
   * chat.on('status', (conversation) => {
   *   if (conversation.status === 'resolved') showThanksBanner();
   * });
   * ```
   */
  status: Conversation;
  /**
   * The live connection to the backend changed: `idle`, `connecting`, `online` or `offline`
   * (offline retries on its own, with backoff).
   *
   * @example
   * ```ts
   * chat.on('connection', (state) => (statusDot.dataset.state = state));
   * ```
   */
  connection: ConnectionState;
}

/**
 * The handle `init()` returns (and `window.Parley(method, …)` drives). Every method is safe to
 * call before `ready`; after `destroy()` calls are ignored with a development warning.
 *
 * @example
 * ```ts
 * const chat = init({ endpoint: 'https://support.example.com' });
 * const off = chat.on('message', (m) => console.log('new reply', m.text));
 * chat.setContext({ orderId: 'A-1042' });
 * chat.open();
 * ```
 */
export interface ParleyWidget {
  /**
   * The widget's id (option `id`, default `default`); `getWidget(id)` finds it again.
   *
   * @example
   * ```ts
   * getWidget(chat.id) === chat; // true until destroy()
   * ```
   */
  readonly id: string;
  /**
   * The headless client underneath, for its stores; `null` after `destroy()`.
   *
   * @example
   * ```ts
   * chat.client?.$messages.subscribe((messages) => console.log(messages.length, 'messages'));
   * ```
   */
  readonly client: ParleyClient | null;
  /**
   * Opens the chat panel (and loads it first if it is not loaded yet).
   *
   * @example
   * ```ts
   * document.querySelector('#help')!.addEventListener('click', () => chat.open());
   * ```
   */
  open(): void;
  /**
   * Closes the chat panel; the conversation goes on and replies raise the unread count.
   *
   * @example
   * ```ts
   * router.beforeEach(() => chat.close());
   * ```
   */
  close(): void;
  /**
   * Opens the panel if it is closed, closes it if it is open.
   *
   * @example
   * ```ts
   * myChatButton.addEventListener('click', () => chat.toggle());
   * ```
   */
  toggle(): void;
  /**
   * Shows the launcher button, including after `launcher: { hidden: true }`.
   *
   * @example
   * ```ts
   * if (user.isLoggedIn) chat.show();
   * ```
   */
  show(): void;
  /**
   * Hides the launcher button, for pages that open the chat from their own button (which
   * `open()` still does).
   *
   * @example
   * ```ts
   * chat.hide();
   * myHelpLink.onclick = () => chat.open();
   * ```
   */
  hide(): void;
  /**
   * Sends a message as the visitor, as if they had typed it. An empty text is ignored with a
   * warning.
   *
   * @example
   * ```ts
   * chat.open();
   * chat.sendMessage('I need help with order A-1042');
   * ```
   */
  sendMessage(text: string): void;
  /**
   * Switches the widget's language (a BCP 47 tag); resolves once its strings are loaded.
   *
   * @example
   * ```ts
   * await chat.setLocale('ru');
   * ```
   */
  setLocale(locale: string): Promise<void>;
  /**
   * Replaces the host context sent with each message (the desk shows it next to the chat).
   *
   * @example
   * ```ts
   * chat.setContext({ orderId: 'A-1042', plan: 'pro' });
   * ```
   */
  setContext(context: Record<string, ContextValue>): void;
  /**
   * Signs a visitor in with a host-signed identity token, so their conversations follow them.
   * Sign it on your server (`signIdentity` from `parley-chat/server`), never in the browser.
   *
   * @example
   * ```ts
   * const identity = await fetch('/api/parley-identity').then((r) => r.json());
   * await chat.identify(identity); // { userId, expires, signature, name?, email? }
   * ```
   */
  identify(identity: Identity): Promise<void>;
  /**
   * Replaces the theme (the same shape as the `theme` option) and restyles at once.
   *
   * @example
   * ```ts
   * chat.setTheme({ mode: 'dark', colors: { primary: '#0b6e4f' } });
   * ```
   */
  setTheme(theme: Record<string, unknown>): void;
  /**
   * Lets Parley write to storage when `consent: 'required'` was set.
   *
   * @example
   * ```ts
   * cookieBanner.on('accept', () => chat.grantConsent());
   * ```
   */
  grantConsent(): void;
  /**
   * Forgets every local trace and ends the server session, e.g. when the visitor logs out.
   *
   * @example
   * ```ts
   * logoutButton.addEventListener('click', async () => {
   *   await chat.clear();
   *   location.href = '/login';
   * });
   * ```
   */
  clear(): Promise<void>;
  /**
   * Removes every node, listener, timer and connection this widget created; `init` may then
   * start a new one with the same id.
   *
   * @example
   * ```ts
   * useEffect(() => {
   *   const chat = init({ endpoint });
   *   return () => chat.destroy();
   * }, []);
   * ```
   */
  destroy(): void;
  /**
   * Subscribes to one of the `WidgetEvents` and returns the unsubscribe function.
   *
   * @example
   * ```ts
   * const off = chat.on('message', (m) => notify(m.text));
   * off(); // stop listening
   * ```
   */
  on<K extends keyof WidgetEvents>(event: K, listener: (payload: WidgetEvents[K]) => void): () => void;
}
