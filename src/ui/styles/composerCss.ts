export const composerCss = /* css */ `
.composer {
  flex: none; border-block-start: 1px solid var(--parley-color-border); background: var(--parley-color-background);
  padding: 10px 12px; padding-block-end: max(10px, env(safe-area-inset-bottom));
}
.composer-reason { display: flex; align-items: center; gap: 6px; font-size: 13px; color: var(--parley-color-muted); padding: 2px 4px 8px; }
.composer-reason .icon { inline-size: 16px; block-size: 16px; }
.composer-row {
  display: flex; align-items: flex-end; gap: 4px; padding: 4px;
  border: 1px solid var(--parley-color-border); border-radius: calc(var(--parley-radius) * 0.9);
  background: var(--parley-color-surface);
}
.composer-row:focus-within { border-color: var(--parley-color-primary); box-shadow: 0 0 0 3px var(--parley-soft); }
.composer textarea {
  flex: 1; min-inline-size: 0; resize: none; border: 0; background: transparent;
  /* 16px at least: iOS Safari zooms the page into any smaller input on focus. */
  font-size: 16px; line-height: 24px; padding: 6px 6px; max-block-size: calc(24px * 6 + 12px); overflow-y: auto;
  color: var(--parley-color-text);
}
.composer textarea::placeholder { color: var(--parley-color-muted); opacity: 1; }
.composer textarea:focus-visible { outline: none; }
.composer textarea:disabled { cursor: not-allowed; }
.composer .icon-button { color: var(--parley-color-muted); }
.composer .icon-button:hover:not(:disabled) { color: var(--parley-color-text); }
.send-button { background: var(--parley-color-primary); color: var(--parley-color-primary-text); }
.composer .send-button, .composer .send-button:hover:not(:disabled) { color: var(--parley-color-primary-text); }
.send-button:hover:not(:disabled) { background: color-mix(in srgb, var(--parley-color-primary) 88%, black); }
.send-button:disabled { background: var(--parley-color-border); color: var(--parley-color-muted); opacity: 1; }

`;
