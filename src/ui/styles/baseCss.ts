/**
 * The reset and shared pieces. `all: initial` on the host cuts every property the page would
 * pass down by inheritance (fonts, colours, line-height, letter-spacing, text-transform …), then
 * the widget sets its own. Nothing here can match outside the shadow root.
 *
 * The host element itself is in the page's tree, and the page's rules beat `:host` (a page's
 * `* { all: unset !important }` or `parley-widget-host { --parley-color-primary: red }` does).
 * So `.root`, the first element the page cannot select, resets again and re-declares the tokens.
 */
export const baseCss = /* css */ `
:host, .root {
  all: initial;
  display: block;
  font-family: var(--parley-font-family);
  font-size: 15px;
  line-height: 1.45;
  color: var(--parley-color-text);
  direction: ltr;
  unicode-bidi: isolate;
  text-align: start;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  -webkit-font-smoothing: antialiased;
  --parley-focus: var(--parley-color-primary);
  --parley-online: #1f9d55;
  --parley-shadow: 0 12px 48px rgb(15 20 40 / 0.22), 0 2px 8px rgb(15 20 40 / 0.08);
  --parley-soft: color-mix(in srgb, var(--parley-color-primary) 12%, var(--parley-color-background));
}
/* A floating widget takes no room in the page, whatever the page says about its host: an
   important :host declaration beats even the page's !important ones (cascade contexts). */
:host(:not([data-inline])) { all: initial !important; display: contents !important; }
.root:not([data-inline]) { position: absolute; inline-size: 0; block-size: 0; }
.mount { display: contents; }
.root, .root *, .root *::before, .root *::after { box-sizing: border-box; }
.root[data-inline] { display: block; block-size: 100%; }
.root :where(h1, h2, h3, p, ul, ol, figure, fieldset, legend, blockquote, pre) { margin: 0; padding: 0; border: 0; }
.root :where(h1, h2, h3) { font-size: inherit; font-weight: 600; }
.root :where(button, input, textarea, select) { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }
.root :where(button) { background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
.root :where(button:disabled) { cursor: default; }
.root :where(img, svg) { display: block; max-width: 100%; }
.root :where(a) { color: inherit; }
.root [hidden] { display: none; }
.root :focus { outline: none; }
.root :focus-visible { outline: 2px solid var(--parley-focus); outline-offset: 2px; }

.sr-only {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.icon { inline-size: 20px; block-size: 20px; flex: none; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
[dir='rtl'] .icon.mirror { transform: scaleX(-1); }

.icon-button {
  display: inline-grid; place-items: center; inline-size: 36px; block-size: 36px; border-radius: 50%;
  color: inherit; flex: none;
}
.icon-button:hover { background: color-mix(in srgb, currentColor 14%, transparent); }
.icon-button:disabled { opacity: 0.4; background: none; }

.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 8px;
  min-block-size: 44px; padding: 0 18px; border-radius: calc(var(--parley-radius) * 0.75);
  font-weight: 600; background: var(--parley-color-primary); color: var(--parley-color-primary-text);
}
.button:hover { background: color-mix(in srgb, var(--parley-color-primary) 88%, var(--parley-color-text)); }
.button:disabled { opacity: 0.55; }
.button.secondary { background: var(--parley-color-surface); color: var(--parley-color-text); }
.button.secondary:hover { background: color-mix(in srgb, var(--parley-color-surface) 85%, var(--parley-color-text)); }
.link-button { font-weight: 600; text-decoration: underline; text-underline-offset: 2px; color: var(--parley-color-primary); }
.link-button.danger { color: var(--parley-color-danger); }

.card {
  background: var(--parley-color-background); border: 1px solid var(--parley-color-border);
  border-radius: var(--parley-radius); padding: var(--parley-pad);
}
.muted { color: var(--parley-color-muted); }
.small { font-size: 13px; line-height: 1.4; }

@media (prefers-reduced-motion: no-preference) {
  .icon-button, .button { transition: background-color 120ms ease, opacity 120ms ease; }
}
`;
