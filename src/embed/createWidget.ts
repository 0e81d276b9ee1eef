import { atom } from 'nanostores';
import {
  createBrowserEnvironment,
  createClient,
  createContextSource,
  watchNavigation,
  withConsent,
  type ParleyClient,
} from '../core/index.js';
import { builtinLocales, createI18n } from '../core/i18n/index.js';
import { createViewState } from '../ui/createViewState.js';
import { chooseStorage, storageNamespace } from './chooseStorage.js';
import type { ParleyWidget, WidgetEvents } from './ParleyWidget.js';
import { createEmitter } from '../core/client/createEmitter.js';
import type { WidgetOptions } from './widgetOptions.js';
import { browserNetwork } from './browserNetwork.js';
import { browserLock, browserTabs } from './browserTabs.js';
import { mountHost } from './mountHost.js';
import { resolveWidgetLocale } from './resolveWidgetLocale.js';
import { telegramTheme, telegramWebApp } from './telegramTheme.js';

export interface WidgetEnvironment {
  win: Window;
  warn: (message: string) => void;
  onDestroy: () => void;
}

/** How long SPA navigations are coalesced before one context update is sent. */
const NAVIGATION_DEBOUNCE_MS = 400;

/** Builds a live widget from already validated options. Only `init` calls this. */
export function createWidget(options: WidgetOptions, env: WidgetEnvironment): ParleyWidget {
  const { win, warn } = env;
  const id = options.id ?? 'default';
  const cleanups: Array<() => void> = [];
  const emitter = createEmitter<WidgetEvents>((error) => warn(`Parley: a widget event listener threw: ${String(error)}`));
  let destroyed = false;

  const namespace = storageNamespace(win, id);
  const storage = withConsent(
    chooseStorage(win, options.storage ?? 'local', namespace, warn),
    (options.consent ?? 'granted') === 'granted',
  );
  const context = createContextSource(createBrowserEnvironment(win), {
    enabled: options.context !== false,
    custom: options.context === false ? {} : (options.context ?? {}),
    ...(options.getContext ? { getContext: options.getContext } : {}),
    ...(options.contextKeys ? { allowKeys: options.contextKeys } : {}),
    ...(options.redact ? { redact: options.redact } : {}),
    onWarning: warn,
  });
  // With storage off, tabs must not share either: nothing about the visit outlives the tab.
  const tabs = options.storage === 'none' ? undefined : browserTabs(win, namespace);
  const lock = browserLock(win, namespace);
  if (tabs) cleanups.push(() => tabs.close());
  const { locale, fallbackLocale } = resolveWidgetLocale({
    option: options.locale,
    htmlLang: win.document.documentElement.lang,
    languages: [...(win.navigator.languages ?? []), win.navigator.language],
    available: [...Object.keys(builtinLocales), ...Object.keys(options.strings ?? {})],
  });
  if (options.locale && !locale) {
    warn(
      `Parley: option \`locale\` is "${options.locale}", which has no translations; add them with \`strings\` or use one of ${Object.keys(builtinLocales).join(', ')}; using the visitor's language`,
    );
  }
  const client: ParleyClient = createClient({
    ...(options.transport ? { transport: options.transport } : { endpoint: options.endpoint }),
    storage,
    widgetId: id,
    ...(options.maxStoredMessages !== undefined ? { maxStoredMessages: options.maxStoredMessages } : {}),
    ...(options.maxStoredBytes !== undefined ? { maxStoredBytes: options.maxStoredBytes } : {}),
    ...(locale ? { locale } : {}),
    fallbackLocale,
    ...(options.identity ? { identity: options.identity } : {}),
    getPageContext: () => context.snapshot(),
    enrichContext: (ctx) => context.enrich(ctx),
    network: browserNetwork(win),
    ...(tabs ? { tabs } : {}),
    ...(lock ? { lock } : {}),
    onWarning: warn,
  });
  const view = createViewState();
  // The page the visitor is on, for help-article suggestions: the redacted URL from the context
  // source (so `redact` and `context: false` apply to it too), refreshed on SPA navigation.
  const $pageUrl = atom(context.snapshot()?.url ?? '');
  const i18n = createI18n({ locale: client.$locale, overrides: options.strings ?? {} });
  // Inside a Telegram Mini App the chat takes Telegram's colours (live, until the host sets its
  // own with `theme` or setTheme()) and the full height, which needs expand() whatever the colours.
  const telegram = telegramWebApp(win);
  const $theme = atom(options.theme ?? (telegram ? telegramTheme(telegram) : {}));
  let unfollowTelegram = () => {};
  if (telegram && !options.theme) {
    const follow = () => $theme.set(telegramTheme(telegram));
    telegram.onEvent?.('themeChanged', follow);
    unfollowTelegram = () => {
      telegram.offEvent?.('themeChanged', follow);
      unfollowTelegram = () => {};
    };
    cleanups.push(() => unfollowTelegram());
  }
  telegram?.expand?.();
  // Only the starting value: the host's show() brings the launcher back. (The view state is not
  // passed a `launcher` option, which would reset it on render and undo an early show().)
  if (options.launcher?.hidden) view.$launcherVisible.set(false);

  const host = mountHost(win, { id, target: options.target ?? null, fullHeight: telegram !== null });
  if (!host) {
    warn(`Parley: option \`target\` (${String(options.target)}) matches no element; the widget did not start`);
  }

  // The visitor's first interaction counts as consent where the host asked for it.
  const grantOnInteraction = () => void storage.grant();
  host?.element.addEventListener('pointerdown', grantOnInteraction, { once: true });
  host?.element.addEventListener('keydown', grantOnInteraction, { once: true });

  let unmountUi: (() => void) | null = null;
  if (host) {
    import('../ui/renderWidget.js')
      .then(({ renderWidget }) => {
        if (destroyed) return;
        unmountUi = renderWidget(host.root, {
          client,
          i18n,
          view,
          $theme,
          $pageUrl,
          position: options.position ?? 'right',
          ...(options.offset ? { offset: options.offset } : {}),
          ...(options.zIndex !== undefined ? { zIndex: options.zIndex } : {}),
          inline: host.inline,
          ...(options.nonce ? { nonce: options.nonce } : {}),
          ...(options.secretPatterns ? { secretPatterns: options.secretPatterns } : {}),
          onWarning: warn,
        });
        if (options.open || host.inline) view.$open.set(true);
        // A keyboard visitor's Tab to the loader's launcher loaded this bundle; swapping that
        // button for ours dropped focus to <body>, so put it on ours (an open panel manages its own).
        if (host.hadFocus && !view.$open.get()) host.root.querySelector<HTMLElement>('[part="launcher"]')?.focus();
        emitter.emit('ready', undefined);
      })
      .catch((error: unknown) => warn(`Parley: the chat panel failed to load (${String(error)})`));
  }

  let navTimer: ReturnType<typeof setTimeout> | undefined;
  cleanups.push(
    watchNavigation(win, () => {
      clearTimeout(navTimer);
      navTimer = setTimeout(() => {
        const snapshot = context.snapshot();
        $pageUrl.set(snapshot?.url ?? '');
        if (snapshot && client.$session.get().status === 'ready') {
          client.updateContext(snapshot).catch((error: unknown) => warn(`Parley: context update failed (${String(error)})`));
        }
      }, NAVIGATION_DEBOUNCE_MS);
    }),
    () => clearTimeout(navTimer),
    view.$open.listen((open) => emitter.emit(open ? 'open' : 'close', undefined)),
    client.$unread.listen((count) => {
      emitter.emit('unread', count);
      writeUnreadHint(count);
    }),
    client.$locale.listen((locale) => emitter.emit('locale', locale)),
    client.$connection.listen((state) => emitter.emit('connection', state)),
    client.on('message', (m) => emitter.emit('message', m)),
    client.on('error', (e) => emitter.emit('error', e)),
    client.on('status', (c) => emitter.emit('status', c)),
  );

  // Session create carries only a signed identity, so the host's display details for the desk go
  // in PATCH /v1/session, once for every session (a new one after identify() or clear() too).
  const user = options.user;
  if (user) {
    let sentFor: string | null = null;
    cleanups.push(
      client.$session.subscribe((session) => {
        if (session.status !== 'ready' || session.sessionId === sentFor) return;
        sentFor = session.sessionId;
        client.updateVisitor(user).catch((error: unknown) => warn(`Parley: could not send \`user\` to the desk (${String(error)})`));
      }),
    );
  }

  // Start failures are already visible through $error/$connection; nothing may reach the host.
  client.start().catch((error: unknown) => warn(`Parley: could not start (${String(error)})`));

  // The script-tag loader reads this count to load the panel at once when replies are waiting.
  // Only a number, only with local storage and consent; a blocked write costs just the hint.
  const unreadKey = `${namespace}:unread`;
  const writeUnreadHint = (count: number) => {
    if ((options.storage ?? 'local') !== 'local' || !storage.granted) return;
    try {
      if (count > 0) win.localStorage.setItem(unreadKey, String(count));
      else win.localStorage.removeItem(unreadKey);
    } catch {
      // Storage is blocked: the loader falls back to loading when idle.
    }
  };

  const alive = (method: string) => {
    if (!destroyed) return true;
    warn(`Parley: \`${method}()\` was called after destroy(); ignored`);
    return false;
  };

  return {
    id,
    get client() {
      return destroyed ? null : client;
    },
    open: () => alive('open') && view.$open.set(true),
    close: () => alive('close') && view.$open.set(false),
    toggle: () => alive('toggle') && view.$open.set(!view.$open.get()),
    show: () => alive('show') && view.$launcherVisible.set(true),
    hide: () => alive('hide') && view.$launcherVisible.set(false),
    sendMessage(text) {
      if (!alive('sendMessage')) return;
      if (typeof text !== 'string' || !text.trim()) {
        warn('Parley: `sendMessage(text)` needs a non-empty string');
        return;
      }
      client.send(text);
    },
    async setLocale(locale) {
      if (alive('setLocale')) await client.setLocale(locale);
    },
    setContext(next) {
      if (alive('setContext')) context.setCustom(next);
    },
    async identify(identity) {
      if (alive('identify')) await client.identify(identity);
    },
    setTheme(theme) {
      if (!alive('setTheme')) return;
      unfollowTelegram(); // or Telegram's next theme switch would undo the host's choice
      $theme.set(theme);
    },
    grantConsent() {
      if (alive('grantConsent')) void storage.grant();
    },
    async clear() {
      if (!alive('clear')) return;
      await client.clear();
      writeUnreadHint(0);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
      unmountUi?.();
      client.destroy();
      host?.remove();
      emitter.clear();
      env.onDestroy();
    },
    on(event, listener) {
      if (!alive('on')) return () => undefined;
      return emitter.on(event, listener);
    },
  };
}
