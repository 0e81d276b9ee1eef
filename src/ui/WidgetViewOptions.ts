import type { ReadableAtom } from 'nanostores';
import type { I18n, ParleyClient } from '../core/index.js';
import type { ViewState } from './createViewState.js';
import type { ThemeOptions } from './theme/ThemeOptions.js';

/** What `renderWidget` needs: the client and i18n to read, the view state to follow, and looks. */
export interface WidgetViewOptions {
  client: ParleyClient;
  i18n: I18n;
  view: ViewState;
  theme?: ThemeOptions;
  /** A theme that can change later (the embed's `setTheme`); re-applied on change. Wins over `theme`. */
  $theme?: ReadableAtom<ThemeOptions>;
  /** Which bottom corner the launcher and panel sit in. Default `right`. */
  position?: 'left' | 'right';
  /** Distance from the viewport edges in px. Default `{ x: 20, y: 20 }`. */
  offset?: { x: number; y: number };
  /** Default 2147483000, above nearly every host overlay. */
  zIndex?: number;
  /**
   * `hidden: true` when the host opens the chat from its own button: the launcher starts hidden
   * (`view.$launcherVisible` is set to false) and `$launcherVisible.set(true)` brings it back.
   */
  launcher?: { hidden?: boolean };
  /** No launcher and no floating: the panel fills the host element. */
  inline?: boolean;
  /** The host's CSP nonce; styles then go in a `<style nonce>` element. */
  nonce?: string;
  onWarning?: (message: string) => void;
  /**
   * The host page's URL (redacted as the context is), for suggested help articles. Set it on
   * every SPA navigation and the suggestions follow. Default: the page's origin and path when
   * the widget renders.
   */
  $pageUrl?: ReadableAtom<string>;
  /** The host's own secret patterns, checked with the desk's (kind `custom`). */
  secretPatterns?: ReadonlyArray<{ name: string; pattern: RegExp }>;
}
