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
  // A value that is not a number stays a string, so init's error quotes what the page wrote, not NaN.
  if (data.zIndex !== undefined) {
    const zIndex = Number(data.zIndex);
    options.zIndex = data.zIndex.trim() !== '' && Number.isFinite(zIndex) ? zIndex : data.zIndex;
  }
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
