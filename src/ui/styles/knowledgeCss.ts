// Help articles, the conversation list, the storage notice and the desk's other channels.
export const knowledgeCss = /* css */ `
.kb { display: flex; flex-direction: column; gap: 10px; padding: 12px; }
.kb-search {
  display: flex; align-items: center; gap: 8px; padding: 0 12px; border-radius: 10px;
  border: 1px solid var(--parley-color-border); background: var(--parley-color-surface); color: var(--parley-color-muted);
}
.kb-search:focus-within { border-color: var(--parley-color-primary); box-shadow: 0 0 0 3px var(--parley-soft); }
.kb-search input {
  flex: 1; min-inline-size: 0; border: 0; background: transparent; color: var(--parley-color-text);
  font-size: 16px; padding: 10px 0; outline: none;
}
.kb-heading { font-size: 13px; font-weight: 650; color: var(--parley-color-muted); padding-inline: 4px; }
.article-list, .conversation-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.article-link {
  display: flex; align-items: center; gap: 10px; inline-size: 100%; padding: 10px; border-radius: 10px; min-block-size: 44px;
}
.article-link:hover { background: var(--parley-color-surface); }
.article-link > .icon:first-child { color: var(--parley-color-primary); }
.article-link > .icon:last-child { color: var(--parley-color-muted); }
.article-text { flex: 1; min-inline-size: 0; display: flex; flex-direction: column; gap: 2px; }
.article-title { font-weight: 600; }
.article-excerpt { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }

.article { display: flex; flex-direction: column; gap: 10px; padding: var(--parley-pad); }
.article h2 { font-size: 20px; line-height: 1.3; overflow-wrap: anywhere; }
.article-body { overflow-wrap: anywhere; }
.rich .md-heading { font-size: 1.05em; font-weight: 650; margin-block-start: 14px; }
.still { display: flex; flex-direction: column; gap: 10px; align-items: flex-start; margin-block-start: 8px; }
.still h3 { font-weight: 650; }

.conversations { display: flex; flex-direction: column; gap: 12px; padding: var(--parley-pad); }
.conversations h2 { font-size: 18px; }
.conversation {
  display: flex; flex-direction: column; gap: 4px; inline-size: 100%; padding: 12px 14px;
  border: 1px solid var(--parley-color-border); border-radius: calc(var(--parley-radius) * 0.75);
}
.conversation:hover { border-color: var(--parley-color-primary); background: var(--parley-soft); }
.conversation[aria-current] { border-color: var(--parley-color-primary); }
.conversation-top { display: flex; align-items: center; justify-content: space-between; gap: 8px; inline-size: 100%; }
.conversation-ref { font-weight: 650; font-variant-numeric: tabular-nums; }
.conversation-preview { inline-size: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 14px; }
.status-badge {
  flex: none; font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px;
  background: var(--parley-soft); color: var(--parley-color-primary);
}
.status-badge[data-status='pending'] { background: color-mix(in srgb, #f5a524 22%, var(--parley-color-background)); color: var(--parley-color-text); }
.status-badge[data-status='resolved'] { background: var(--parley-color-surface); color: var(--parley-color-muted); }

.storage-notice {
  display: flex; align-items: center; gap: 8px; padding: 6px var(--parley-pad); font-size: 12px; line-height: 1.35;
  color: var(--parley-color-muted); border-block-end: 1px solid var(--parley-color-border);
}
.storage-notice p { flex: 1; }
.storage-notice .icon { inline-size: 16px; block-size: 16px; }
.storage-notice .icon-button { inline-size: 28px; block-size: 28px; margin: -4px; }

.channels { display: flex; flex-direction: column; gap: 4px; margin-block-start: 6px; }
.channel-link { display: inline-flex; align-items: center; gap: 8px; font-size: 14px; font-weight: 600; color: var(--parley-color-primary); }
.channel-link .icon { inline-size: 18px; block-size: 18px; }
a.menu-item { text-decoration: none; color: inherit; }
.start-card .link-button { align-self: center; font-size: 14px; }
`;
