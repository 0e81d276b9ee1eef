import { atom } from 'nanostores';
import { render } from 'preact';
import { createUploadQueue } from '../core/index.js';
import { Widget } from './components/Widget.js';
import { applyStyles } from './styles/applyStyles.js';
import { widgetCss } from './styles/widgetCss.js';
import { createSecretCheck } from './model/createSecretCheck.js';
import { readLayout } from './theme/readLayout.js';
import { themeCss } from './theme/themeCss.js';
import { WidgetContext, type WidgetContextValue } from './WidgetContext.js';
import type { WidgetViewOptions } from './WidgetViewOptions.js';

/**
 * Renders the widget into a shadow root and returns the unmount, which removes everything it
 * added: the DOM, both stylesheets, the theme subscription and every listener of the components.
 *
 * @example
 * ```ts
 * const root = host.attachShadow({ mode: 'open' });
 * const unmount = renderWidget(root, { client, i18n, view, theme: { mode: 'auto' } });
 * view.$open.set(true);
 * unmount();
 * ```
 */
export function renderWidget(root: ShadowRoot, options: WidgetViewOptions): () => void {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const layout = readLayout(options, warn);
  const inline = options.inline ?? false;
  const removeBase = applyStyles(root, widgetCss, options.nonce);
  const applyTheme = (theme: unknown) => applyStyles(root, themeCss(theme, layout, warn), options.nonce);
  let removeTheme = applyTheme(options.$theme ? options.$theme.get() : options.theme);
  const stopTheme = options.$theme?.listen((theme) => {
    removeTheme();
    removeTheme = applyTheme(theme);
  });

  if (options.launcher?.hidden) options.view.$launcherVisible.set(false);
  const mount = root.ownerDocument.createElement('div');
  mount.className = 'mount';
  root.append(mount);
  const secrets = createSecretCheck(options.client, warn, options.secretPatterns);
  const uploads = createUploadQueue(options.client, { checkName: secrets.checkName, onWarning: warn });
  // Only origin and path: the query and fragment may hold tokens (the embed passes a redacted URL).
  const location = root.ownerDocument.defaultView?.location;
  const context: WidgetContextValue = {
    client: options.client,
    i18n: options.i18n,
    view: options.view,
    warn,
    inline,
    close: () => options.view.$open.set(false),
    uploads,
    secrets,
    $pageUrl: options.$pageUrl ?? atom(location ? `${location.origin}${location.pathname}` : ''),
  };
  render(
    <WidgetContext.Provider value={context}>
      <Widget position={layout.position} />
    </WidgetContext.Provider>,
    mount,
  );

  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    render(null, mount);
    uploads.destroy();
    mount.remove();
    stopTheme?.();
    removeTheme();
    removeBase();
  };
}
