export const launcherCss = /* css */ `
.launcher {
  position: fixed; z-index: var(--parley-z-index);
  inset-block-end: var(--parley-offset-y); left: var(--parley-left); right: var(--parley-right);
  inline-size: 60px; block-size: 60px; border-radius: 50%;
  display: grid; place-items: center;
  background: var(--parley-color-primary); color: var(--parley-color-primary-text);
  box-shadow: 0 6px 20px rgb(15 20 40 / 0.24), 0 1px 3px rgb(15 20 40 / 0.12);
}
.launcher:hover { background: color-mix(in srgb, var(--parley-color-primary) 88%, black); }
.launcher:focus-visible { outline-offset: 3px; }
.launcher .icon { inline-size: 28px; block-size: 28px; grid-area: 1 / 1; }
.launcher .icon-close { opacity: 0; transform: rotate(-45deg) scale(0.6); }
.launcher[aria-expanded='true'] .icon-chat { opacity: 0; transform: rotate(45deg) scale(0.6); }
.launcher[aria-expanded='true'] .icon-close { opacity: 1; transform: none; }
.badge {
  position: absolute; inset-block-start: -4px; inset-inline-end: -4px;
  min-inline-size: 22px; block-size: 22px; padding: 0 6px; border-radius: 11px;
  display: grid; place-items: center; font-size: 12px; font-weight: 700; line-height: 1;
  background: var(--parley-color-danger); color: var(--parley-color-background);
  border: 2px solid var(--parley-color-background);
}
@media (max-width: 480px) {
  .root[data-open] .launcher { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: transform 160ms ease, background-color 160ms ease; }
  .launcher:hover { transform: scale(1.06); }
  .launcher .icon { transition: transform 200ms ease, opacity 160ms ease; }
  .badge { animation: parley-pop 240ms cubic-bezier(0.2, 1.4, 0.5, 1); }
  @keyframes parley-pop { from { transform: scale(0.4); opacity: 0; } }
}
`;
