// Upload chips, the drop zone, the screenshot preview and the secret warning: everything that
// stands between the composer and a file or a text leaving the page.
export const attachmentsCss = /* css */ `
.tray {
  display: flex; flex-direction: column; gap: 6px; padding: 0 2px 8px; list-style: none; margin: 0;
  max-block-size: 200px; overflow-y: auto;
}
.chip {
  position: relative; display: flex; align-items: center; gap: 8px; min-block-size: 44px;
  padding: 4px; padding-inline-start: 8px; border-radius: 10px; overflow: hidden;
  background: var(--parley-color-surface); border: 1px solid var(--parley-color-border); font-size: 13px;
}
.chip:is([data-state='failed'], [data-state='refused']) { border-color: var(--parley-color-danger); }
.chip:is([data-state='failed'], [data-state='refused']) > .icon { color: var(--parley-color-danger); }
.chip .icon { inline-size: 18px; block-size: 18px; }
.chip-thumb { inline-size: 36px; block-size: 36px; border-radius: 6px; object-fit: cover; flex: none; background: var(--parley-color-border); }
.chip-text { flex: 1; min-inline-size: 0; display: flex; flex-direction: column; align-items: flex-start; gap: 1px; }
.chip-name { max-inline-size: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 550; }
.chip-meta { color: var(--parley-color-muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.chip-error { color: var(--parley-color-danger); overflow-wrap: anywhere; line-height: 1.35; }
.chip .link-button { font-size: 12px; }
.chip-actions { display: flex; flex: none; }
.chip .icon-button { inline-size: 32px; block-size: 32px; color: var(--parley-color-muted); }
.chip progress {
  position: absolute; inset-inline: 0; inset-block-end: 0; inline-size: 100%; block-size: 3px;
  appearance: none; border: 0; background: transparent; color: var(--parley-color-primary);
}
.chip progress::-webkit-progress-bar { background: transparent; }
.chip progress::-webkit-progress-value { background: var(--parley-color-primary); }
.chip progress::-moz-progress-bar { background: var(--parley-color-primary); }

.drop-zone {
  position: absolute; inset: 8px; z-index: 2; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 10px; padding: 24px; text-align: center; font-weight: 600; pointer-events: none;
  border: 2px dashed var(--parley-color-primary); border-radius: calc(var(--parley-radius) * 0.8);
  background: color-mix(in srgb, var(--parley-color-background) 88%, var(--parley-color-primary));
  color: var(--parley-color-primary);
}
.drop-zone .icon { inline-size: 32px; block-size: 32px; }

.secret-warning, .screenshot-preview {
  display: flex; gap: 10px; margin-block-end: 10px; padding: 12px; border-radius: 12px; font-size: 14px; line-height: 1.4;
  border: 1.5px solid var(--parley-color-danger);
  background: color-mix(in srgb, var(--parley-color-danger) 8%, var(--parley-color-background));
}
.secret-warning[data-action='warn'] { border-color: #d48806; background: color-mix(in srgb, #f5a524 12%, var(--parley-color-background)); }
.secret-warning > .icon { color: var(--parley-color-danger); margin-block-start: 1px; }
.secret-text { display: flex; flex-direction: column; gap: 6px; min-inline-size: 0; }
.secret-title { font-weight: 650; }
.secret-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-block-start: 4px; }
.secret-actions .button { min-block-size: 38px; padding: 0 14px; font-size: 14px; }
.screenshot-preview { flex-direction: column; border-color: var(--parley-color-border); background: var(--parley-color-surface); }
.screenshot-preview img { max-block-size: 180px; inline-size: auto; align-self: flex-start; border-radius: 8px; border: 1px solid var(--parley-color-border); }

.ask-about { display: flex; align-items: center; gap: 6px; padding: 0 4px 8px; font-size: 13px; color: var(--parley-color-muted); }
.ask-about span { flex: 1; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ask-about .icon { inline-size: 16px; block-size: 16px; }
.ask-about .icon-button { inline-size: 28px; block-size: 28px; }

.attachment-name { flex: 1; min-inline-size: 0; }
.attachment-size { flex: none; opacity: 0.75; font-size: 12px; }
`;
