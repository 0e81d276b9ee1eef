/**
 * Puts CSS into a shadow root and returns the cleanup that takes it out again.
 * A constructable stylesheet in `adoptedStyleSheets` is preferred: it needs no element and is not
 * blocked by a strict `style-src`. Where that API is missing, or when the host gave a CSP nonce
 * (its policy then expects nonce-tagged styles), a `<style nonce>` element is used instead.
 *
 * @example
 * ```ts
 * const remove = applyStyles(shadowRoot, ':host { color: red }');
 * remove();
 * ```
 */
export function applyStyles(root: ShadowRoot, cssText: string, nonce?: string): () => void {
  const Sheet = root.ownerDocument.defaultView?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
  const canAdopt =
    !nonce && 'adoptedStyleSheets' in root && typeof Sheet === 'function' && 'replaceSync' in Sheet.prototype;
  if (canAdopt) {
    const sheet = new Sheet();
    sheet.replaceSync(cssText);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const style = root.ownerDocument.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = cssText;
  root.prepend(style);
  return () => style.remove();
}
