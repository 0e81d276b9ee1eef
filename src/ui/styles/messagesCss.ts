export const messagesCss = /* css */ `
.log-wrap { position: relative; flex: 1; min-block-size: 0; display: flex; flex-direction: column; }
.messages { padding: var(--parley-pad); display: flex; flex-direction: column; gap: calc(var(--parley-gap) * 1.4); }
.messages-empty { margin: auto; padding: 24px; text-align: center; max-inline-size: 260px; }
.load-older { align-self: center; font-size: 13px; padding: 6px 14px; border-radius: 16px; border: 1px solid var(--parley-color-border); }
.load-older:hover { background: var(--parley-color-surface); }

.day { display: flex; align-items: center; gap: 12px; font-size: 12px; font-weight: 600; color: var(--parley-color-muted); }
.day::before, .day::after { content: ''; flex: 1; border-block-start: 1px solid var(--parley-color-border); }
.system { align-self: center; text-align: center; font-size: 13px; color: var(--parley-color-muted); max-inline-size: 85%; overflow-wrap: anywhere; }

.group { display: flex; gap: 8px; align-items: flex-end; max-inline-size: 100%; }
.group[data-role='visitor'] { flex-direction: row-reverse; }
.group .avatar { --size: 28px; margin-block-end: 22px; }
/* The bot ("Assistant") and an agent ("Alex") can share an initial; the bot's avatar is filled. */
.group[data-role='bot'] .avatar { background: var(--parley-color-primary); color: var(--parley-color-primary-text); }
.group-body { display: flex; flex-direction: column; gap: 3px; min-inline-size: 0; max-inline-size: 82%; align-items: flex-start; }
.group[data-role='visitor'] .group-body { align-items: flex-end; }
.author { font-size: 12px; color: var(--parley-color-muted); padding-inline: 4px; margin-block-end: 1px; }

.message { display: flex; flex-direction: column; gap: 2px; max-inline-size: 100%; }
.group[data-role='visitor'] .message { align-items: flex-end; }
.bubble {
  padding: var(--parley-bubble-pad); border-radius: var(--parley-radius);
  background: var(--parley-color-surface); color: var(--parley-color-text);
  overflow-wrap: anywhere; word-break: normal; max-inline-size: 100%; min-inline-size: 0;
}
.group:not([data-role='visitor']) .message:not(:last-child) .bubble { border-end-start-radius: 6px; }
.group:not([data-role='visitor']) .message:not(:first-child) .bubble { border-start-start-radius: 6px; }
.group[data-role='visitor'] .bubble { background: var(--parley-color-primary); color: var(--parley-color-primary-text); --parley-focus: var(--parley-color-primary-text); }
.group[data-role='visitor'] .message:not(:last-child) .bubble { border-end-end-radius: 6px; }
.group[data-role='visitor'] .message:not(:first-child) .bubble { border-start-end-radius: 6px; }
.message[data-state='pending'] .bubble { opacity: 0.75; }
.message[data-state='failed'] .bubble {
  background: var(--parley-color-background); color: var(--parley-color-text);
  border: 1.5px solid var(--parley-color-danger);
}
.bubble[data-streaming] .rich > p:last-child::after,
.bubble[data-streaming] .rich > :is(ul, ol):last-child > li:last-child::after,
.bubble[data-streaming]:not(:has(.rich))::after { content: '▍'; margin-inline-start: 2px; color: var(--parley-color-muted); }

.rich > * + * { margin-block-start: 8px; }
.rich ul, .rich ol { padding-inline-start: 20px; }
.rich li + li { margin-block-start: 2px; }
.rich a { text-decoration: underline; text-underline-offset: 2px; }
.group:not([data-role='visitor']) .rich a { color: var(--parley-color-primary); }
.rich code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
  padding: 1px 5px; border-radius: 5px; background: color-mix(in srgb, currentColor 12%, transparent);
}
.rich pre {
  overflow-x: auto; padding: 10px 12px; border-radius: 8px; white-space: pre;
  background: color-mix(in srgb, currentColor 10%, transparent); max-inline-size: 100%;
}
.rich pre code { padding: 0; background: none; font-size: 13px; }

.meta { display: flex; align-items: center; flex-wrap: wrap; gap: 4px 8px; font-size: 12px; color: var(--parley-color-muted); padding-inline: 4px; }
.meta .icon { inline-size: 14px; block-size: 14px; }
.meta [data-status='read'] { color: var(--parley-color-primary); }
.meta .status { display: inline-flex; align-items: center; gap: 3px; }
.failure { color: var(--parley-color-danger); display: inline-flex; align-items: center; gap: 4px; }
.failure-actions { display: inline-flex; gap: 12px; }
.redacted { font-size: 12px; font-style: italic; opacity: 0.85; }

/* The "⋯" sits beside the bubble, on the side facing the middle, in the row's flow (never over text). */
.bubble-row { display: flex; align-items: flex-start; gap: 2px; max-inline-size: 100%; }
.group[data-role='visitor'] .bubble-row { flex-direction: row-reverse; }
.message-actions { inline-size: 28px; block-size: 28px; margin-block-start: 6px; color: var(--parley-color-muted); }
.message-actions .icon { inline-size: 18px; block-size: 18px; }
/* With a mouse it shows on hover or focus; where there is no hover it always shows (see MessageActions). */
@media (hover: hover) {
  .message-actions { opacity: 0; }
  .message:is(:hover, :focus-within) .message-actions, .message-actions[aria-expanded='true'] { opacity: 1; }
}
.copy-note { font-size: 12px; color: var(--parley-color-muted); padding-inline: 4px; }
/* Empty, it takes no room but stays in the accessibility tree: a live region must exist before its text. */
.copy-note:empty { position: absolute; }
.menu-item.danger, .menu-item.danger .icon { color: var(--parley-color-danger); }

.attachments { display: flex; flex-direction: column; gap: 6px; margin-block-start: 6px; }
.bubble > .attachments:first-child { margin-block-start: 0; }
.attachment-image { border-radius: calc(var(--parley-radius) * 0.6); max-block-size: 220px; inline-size: auto; background: var(--parley-color-border); }
.attachment-file {
  display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-radius: 10px; text-decoration: none;
  background: color-mix(in srgb, currentColor 8%, transparent); font-size: 13px; max-inline-size: 100%;
}
.attachment-file span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.typing { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--parley-color-muted); }
.typing-dots { display: inline-flex; gap: 4px; padding: 12px 14px; border-radius: var(--parley-radius); background: var(--parley-color-surface); }
.typing-dots span { inline-size: 7px; block-size: 7px; border-radius: 50%; background: var(--parley-color-muted); }

.jump {
  position: absolute; inset-block-end: 12px; inset-inline-end: 16px; z-index: 1;
  inline-size: 40px; block-size: 40px; border-radius: 50%; display: grid; place-items: center;
  background: var(--parley-color-background); color: var(--parley-color-text);
  border: 1px solid var(--parley-color-border); box-shadow: 0 4px 14px rgb(15 20 40 / 0.16);
}

.quick-replies { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; padding: 0 var(--parley-pad) 10px; }
.quick-reply {
  padding: 8px 14px; border-radius: 18px; font-size: 14px; font-weight: 550; min-block-size: 36px;
  border: 1.5px solid var(--parley-color-primary); color: var(--parley-color-primary); background: var(--parley-color-background);
}
.quick-reply:hover { background: var(--parley-soft); }

@media (prefers-reduced-motion: no-preference) {
  .message { animation: parley-rise 200ms ease-out; }
  @keyframes parley-rise { from { opacity: 0; transform: translateY(6px); } }
  .typing-dots span { animation: parley-bounce 1.2s infinite ease-in-out; }
  .typing-dots span:nth-child(2) { animation-delay: 0.15s; }
  .typing-dots span:nth-child(3) { animation-delay: 0.3s; }
  @keyframes parley-bounce { 0%, 60%, 100% { transform: none; opacity: 0.5; } 30% { transform: translateY(-4px); opacity: 1; } }
  .bubble[data-streaming] ::after, .bubble[data-streaming]::after { animation: parley-blink 1s steps(2) infinite; }
  @keyframes parley-blink { 50% { opacity: 0; } }
}
`;
