import { atom, type WritableAtom } from 'nanostores';

export type WidgetScreen = 'home' | 'chat' | 'topics' | 'conversations' | 'article';

/** A help article the visitor read before asking ("Still need help?"). */
export interface ArticleRef {
  id: string;
  title: string;
}

/**
 * What the widget shows, as stores. The embed layer owns it and drives open/close/show/hide;
 * the UI reads and writes the same stores, so neither reaches into the other.
 */
export interface ViewState {
  $open: WritableAtom<boolean>;
  $launcherVisible: WritableAtom<boolean>;
  $screen: WritableAtom<WidgetScreen>;
  /** The topic chosen before the first message, for routing. */
  $topic: WritableAtom<string | null>;
  /** The article shown on the `article` screen. */
  $article: WritableAtom<ArticleRef | null>;
  /** The article a new conversation is about; sent with its first message. */
  $askAbout: WritableAtom<ArticleRef | null>;
}

/**
 * Creates the view stores, closed on the home screen.
 *
 * @example
 * ```ts
 * const view = createViewState();
 * renderWidget(shadowRoot, { client, i18n, view });
 * view.$open.set(true); // opens the panel
 * ```
 */
export function createViewState(initial: { open?: boolean; screen?: WidgetScreen } = {}): ViewState {
  return {
    $open: atom(initial.open ?? false),
    $launcherVisible: atom(true),
    $screen: atom<WidgetScreen>(initial.screen ?? 'home'),
    $topic: atom<string | null>(null),
    $article: atom<ArticleRef | null>(null),
    $askAbout: atom<ArticleRef | null>(null),
  };
}
