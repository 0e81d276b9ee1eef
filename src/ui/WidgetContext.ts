import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';
import type { I18n, ParleyClient, UploadQueue } from '../core/index.js';
import type { ViewState } from './createViewState.js';
import type { SecretChecks } from './model/createSecretCheck.js';

export interface WidgetContextValue {
  client: ParleyClient;
  i18n: I18n;
  view: ViewState;
  /** Development warnings; they name the fix. */
  warn: (message: string) => void;
  inline: boolean;
  /** Closes the panel and puts focus back on the launcher (or where it was before opening). */
  close: () => void;
  /** Files attached to the next message; shared by the composer and the panel's drop zone. */
  uploads: UploadQueue;
  /** The desk's secret policy, checked before any text or file name leaves. */
  secrets: SecretChecks;
  /** The host page's URL, for help articles about it; changes on SPA navigation. */
  $pageUrl: ReadableAtom<string>;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

/** The client, i18n and view state of the widget this component is rendered in. */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('Parley: a widget component was rendered outside renderWidget (no WidgetContext)');
  return value;
}
