export const headerCss = /* css */ `
.header {
  display: flex; align-items: center; gap: 8px; flex: none;
  padding: 14px 10px; padding-inline-start: var(--parley-pad);
  background: var(--parley-color-primary); color: var(--parley-color-primary-text);
  /* A primary-coloured ring would vanish on the primary header. */
  --parley-focus: var(--parley-color-primary-text);
}
.header .icon-button:first-child { margin-inline-start: -8px; }
.header-identity { display: flex; align-items: center; gap: 8px; flex: 1; min-inline-size: 0; }
.header-text { min-inline-size: 0; }
.header-title { font-size: 16px; font-weight: 650; line-height: 1.25; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.header-subtitle { display: flex; align-items: center; gap: 6px; font-size: 13px; line-height: 1.3; opacity: 0.92; }
.header-subtitle span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.presence { inline-size: 8px; block-size: 8px; border-radius: 50%; flex: none; background: currentColor; opacity: 0.5; }
.presence[data-online] { background: var(--parley-online); opacity: 1; box-shadow: 0 0 0 2px var(--parley-color-primary-text); }
/* Tight, so a 380px panel with back, language, menu and close still shows "Parley Support" whole. */
.header-actions { display: flex; align-items: center; gap: 0; }
.header-actions .icon-button:not(.language-button) { inline-size: 34px; block-size: 34px; }
.language-button { inline-size: auto; padding: 0 6px; border-radius: 18px; gap: 4px; display: inline-flex; font-size: 13px; font-weight: 600; }
.language-button .icon { inline-size: 18px; block-size: 18px; }

.avatar {
  position: relative; inline-size: var(--size, 36px); block-size: var(--size, 36px); border-radius: 50%; flex: none;
  display: grid; place-items: center; overflow: hidden;
  font-size: calc(var(--size, 36px) * 0.4); font-weight: 650; line-height: 1;
  background: var(--parley-soft); color: var(--parley-color-primary);
}
.header .avatar { box-shadow: 0 0 0 2px color-mix(in srgb, var(--parley-color-primary-text) 60%, transparent); }
.avatar img { inline-size: 100%; block-size: 100%; object-fit: cover; }

.menu {
  /* Physical top/left: floating-ui computes viewport x/y, whatever the text direction. */
  position: fixed; top: 0; left: 0; z-index: calc(var(--parley-z-index) + 1);
  min-inline-size: 190px; max-block-size: 320px; overflow-y: auto; padding: 6px;
  background: var(--parley-color-background); color: var(--parley-color-text);
  border: 1px solid var(--parley-color-border); border-radius: 12px; box-shadow: var(--parley-shadow);
}
.menu[hidden] { display: none; }
.menu-item {
  display: flex; align-items: center; justify-content: space-between; gap: 12px; inline-size: 100%;
  min-block-size: 40px; padding: 0 12px; border-radius: 8px; font-size: 14px;
}
.menu-item:hover, .menu-item:focus-visible { background: var(--parley-color-surface); }
.menu-item:focus-visible { outline-offset: -2px; }
.menu-item[aria-checked='true'] { font-weight: 650; }
.menu-item .icon { inline-size: 18px; block-size: 18px; color: var(--parley-color-primary); }
`;
