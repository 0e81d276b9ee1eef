import type { ClientMessage, ConnectionState, ParleyClient, ParleyError } from '../core/index.js';
import type { Conversation, ContextValue, Identity } from '../core/protocol/index.js';

export interface WidgetEvents {
  ready: void;
  open: void;
  close: void;
  message: ClientMessage;
  unread: number;
  error: ParleyError;
  locale: string;
  status: Conversation;
  connection: ConnectionState;
}

/**
 * The handle `init()` returns (and `window.Parley(method, …)` drives).
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
  readonly id: string;
  /** The headless client underneath, for its stores. */
  readonly client: ParleyClient | null;
  open(): void;
  close(): void;
  toggle(): void;
  /** Shows the launcher button (when the host does not use its own). */
  show(): void;
  hide(): void;
  sendMessage(text: string): void;
  setLocale(locale: string): Promise<void>;
  /** Replaces the host context sent with each message. */
  setContext(context: Record<string, ContextValue>): void;
  /** Signs a visitor in with a host-signed identity token, so their conversations follow them. */
  identify(identity: Identity): Promise<void>;
  setTheme(theme: Record<string, unknown>): void;
  /** Lets Parley write to storage when `consent: 'required'` was set. */
  grantConsent(): void;
  /** Forgets every local trace and ends the server session. */
  clear(): Promise<void>;
  /** Removes every node, listener, timer and connection this widget created. */
  destroy(): void;
  on<K extends keyof WidgetEvents>(event: K, listener: (payload: WidgetEvents[K]) => void): () => void;
}
