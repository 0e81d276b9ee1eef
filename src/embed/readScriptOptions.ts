import type { WidgetOptions } from './widgetOptions.js';

/**
 * Turns a script tag's data attributes into init options:
 * `<script async src="…/parley.js" data-endpoint="…" data-locale="ru" data-position="left">`.
 * Values stay strings (or simple parses) so `init` validates them like any other options.
 */
export function readScriptOptions(script: HTMLScriptElement | null): Partial<WidgetOptions> & Record<string, unknown> {
  if (!script) return {};
  const data = script.dataset;
  const options: Record<string, unknown> = {};
  const copy = (name: string, key = name) => {
    if (data[name] !== undefined) options[key] = data[name];
  };
  copy('endpoint');
  copy('locale');
  copy('position');
  copy('storage');
  copy('consent');
  copy('widgetId', 'id');
  if (data.zIndex !== undefined) options.zIndex = Number(data.zIndex);
  if (data.launcher === 'hidden') options.launcher = { hidden: true };
  if (data.open !== undefined) options.open = data.open !== 'false';
  if (data.themeMode || data.primaryColor) {
    options.theme = {
      ...(data.themeMode ? { mode: data.themeMode } : {}),
      ...(data.primaryColor ? { colors: { primary: data.primaryColor } } : {}),
    };
  }
  // A nonce on the loader's own tag applies to the widget's style fallback too.
  const nonce = script.nonce || script.getAttribute('nonce');
  if (nonce) options.nonce = nonce;
  return options;
}
