// Desktop: a floating card above the launcher. Up to 480px: full screen, sized from
// `--parley-vv-*` (set from visualViewport) so the composer stays above the on-screen keyboard.
export const panelCss = /* css */ `
.panel {
  position: fixed; z-index: var(--parley-z-index);
  left: var(--parley-left); right: var(--parley-right);
  inset-block-end: calc(var(--parley-offset-y) + 76px);
  inline-size: 380px; max-inline-size: calc(100vw - 2 * var(--parley-offset-x));
  block-size: min(640px, calc(100vh - var(--parley-offset-y) - 100px));
  block-size: min(640px, calc(100dvh - var(--parley-offset-y) - 100px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--parley-color-background); color: var(--parley-color-text);
  border-radius: var(--parley-radius); box-shadow: var(--parley-shadow);
  transform-origin: bottom right;
}
.root[data-position='left'] .panel { transform-origin: bottom left; }
.root[data-launcher-hidden] .panel { inset-block-end: var(--parley-offset-y); }
.panel[hidden] { display: none; }
.root[data-inline] .panel {
  position: relative; inset: auto; inline-size: 100%; max-inline-size: none; block-size: 100%; min-block-size: 420px;
  box-shadow: none; border: 1px solid var(--parley-color-border);
}
@media (max-width: 480px) {
  .root:not([data-inline]) .panel {
    inset: 0; inset-block-start: var(--parley-vv-top, 0px); inset-block-end: auto;
    inline-size: 100%; max-inline-size: none;
    block-size: var(--parley-vv-height, 100vh); block-size: var(--parley-vv-height, 100dvh);
    border-radius: 0; box-shadow: none;
    padding-left: env(safe-area-inset-left); padding-right: env(safe-area-inset-right);
  }
  /* The notch and the status bar sit over the top of a full-screen panel. */
  .root:not([data-inline]) .header { padding-block-start: max(14px, env(safe-area-inset-top)); }
}
.body { flex: 1; min-block-size: 0; display: flex; flex-direction: column; position: relative; }
.scroll { flex: 1; min-block-size: 0; overflow-y: auto; overscroll-behavior: contain; }
.banners { display: flex; flex-direction: column; }
.banners:empty { display: none; }

.connection {
  display: flex; align-items: center; gap: 8px; padding: 8px var(--parley-pad);
  font-size: 13px; line-height: 1.35;
  background: color-mix(in srgb, var(--parley-color-danger) 10%, var(--parley-color-background));
  border-block-end: 1px solid var(--parley-color-border);
}
.connection:empty { display: none; }
.connection .icon { inline-size: 16px; block-size: 16px; color: var(--parley-color-danger); }
/* Overlays the top of the body: appearing or leaving never moves the transcript or the composer. */
.reply-notice {
  position: absolute; inset-block-start: 8px; inset-inline: var(--parley-pad); z-index: 2; pointer-events: none;
  display: flex; align-items: center; gap: 8px; padding: 6px 10px; font-size: 12px; line-height: 1.35;
  color: var(--parley-color-muted); background: var(--parley-color-surface);
  border: 1px solid var(--parley-color-border); border-radius: 8px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.08);
}
.reply-notice:empty { display: none; }
.reply-notice .icon { inline-size: 16px; block-size: 16px; flex: none; }

.notice {
  display: flex; align-items: flex-start; gap: 10px; padding: 10px var(--parley-pad);
  font-size: 13px; line-height: 1.4; border-block-end: 1px solid var(--parley-color-border);
  background: var(--parley-color-surface);
}
.notice[data-level='warning'] { background: color-mix(in srgb, #f5a524 16%, var(--parley-color-background)); }
.notice[data-level='critical'] { background: color-mix(in srgb, var(--parley-color-danger) 14%, var(--parley-color-background)); }
.notice > .icon { inline-size: 18px; block-size: 18px; margin-block-start: 1px; }
.notice[data-level='critical'] > .icon { color: var(--parley-color-danger); }
.notice p { flex: 1; overflow-wrap: anywhere; }
.notice .icon-button { inline-size: 28px; block-size: 28px; margin: -4px; }
.notice .icon-button .icon { inline-size: 16px; block-size: 16px; }

@media (prefers-reduced-motion: no-preference) {
  .panel:not([hidden]) { transition: opacity 180ms ease, transform 220ms cubic-bezier(0.2, 0.9, 0.3, 1); }
  @starting-style { .panel:not([hidden]) { opacity: 0; transform: translateY(12px) scale(0.97); } }
}
`;
