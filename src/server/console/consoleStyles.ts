/** The console's stylesheet, served as `/console/app.css` (the CSP allows no inline styles). */
export const consoleStyles = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --line: #e2e5ea; --text: #1c2330; --muted: #667085;
  --accent: #2f6fed; --accent-text: #ffffff; --visitor: #eef3ff; --agent: #e9f8ef; --system: transparent;
  --danger: #c0392b; --ok: #1f9d55; --warn: #b7791f;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #12151b; --panel: #1a1e26; --line: #2a303b; --text: #e6e9ef; --muted: #98a2b3;
    --visitor: #1d2a44; --agent: #183326; }
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--text); }
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: var(--panel); border-radius: 6px; padding: 6px 12px; }
button:hover:not(:disabled) { border-color: var(--accent); }
button:disabled { opacity: .5; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.boot, .notice { padding: 24px; color: var(--muted); }

.console { display: grid; grid-template-columns: minmax(260px, 340px) 1fr; height: 100vh; }
.sidebar { display: flex; flex-direction: column; border-right: 1px solid var(--line); background: var(--panel); min-height: 0; }
.topbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 12px; border-bottom: 1px solid var(--line); }
.topbar h1 { font-size: 15px; margin: 0; flex: 1; }
.topbar input { width: 120px; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.connection { font-size: 12px; color: var(--muted); }
.connection[data-state="live"] { color: var(--ok); }
.connection[data-state="reconnecting"] { color: var(--warn); }
.connection[data-state="unauthorized"] { color: var(--danger); }

.conversations { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; }
.conversations li { display: block; }
.conversation { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; width: 100%; text-align: left;
  border: 0; border-bottom: 1px solid var(--line); border-radius: 0; padding: 10px 12px; background: transparent; }
.conversation[aria-current="true"] { background: var(--visitor); }
.conversation .ref { font-weight: 600; }
.conversation .meta, .conversation .page { font-size: 12px; color: var(--muted); grid-column: 1 / -1;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conversation .preview { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.unread { display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: var(--accent); margin-left: 6px; }
.status { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; padding: 1px 6px; border-radius: 10px; border: 1px solid var(--line); }
.status[data-status="open"] { color: var(--ok); border-color: currentColor; }
.status[data-status="pending"] { color: var(--warn); border-color: currentColor; }
.status[data-status="resolved"] { color: var(--muted); }
.empty { padding: 24px 12px; color: var(--muted); }

.detail { display: grid; grid-template-columns: 1fr minmax(220px, 300px); min-height: 0; }
.thread { display: flex; flex-direction: column; min-height: 0; }
.thread-header { display: flex; align-items: center; gap: 8px; padding: 12px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
.thread-header h2 { font-size: 16px; margin: 0; flex: 1; }
.messages { list-style: none; margin: 0; padding: 16px; overflow-y: auto; flex: 1; display: flex; flex-direction: column; gap: 10px; }
.message { max-width: 75%; padding: 8px 12px; border-radius: 10px; background: var(--panel); border: 1px solid var(--line); }
.message[data-role="visitor"] { align-self: flex-start; background: var(--visitor); }
.message[data-role="agent"], .message[data-role="bot"] { align-self: flex-end; background: var(--agent); }
.message[data-role="system"] { align-self: center; background: var(--system); border: 0; color: var(--muted); font-size: 12px; }
.message .head { font-size: 12px; color: var(--muted); display: flex; gap: 8px; }
.message .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.message .from-page { font-size: 12px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.message .redacted { font-size: 12px; color: var(--warn); margin-top: 4px; }
.attachments { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.attachments img { max-width: 180px; max-height: 140px; border-radius: 6px; border: 1px solid var(--line); display: block; }
.attachments a { color: var(--accent); }
.typing { padding: 0 16px 6px; font-size: 12px; color: var(--muted); min-height: 18px; }

.composer { border-top: 1px solid var(--line); padding: 10px 16px; background: var(--panel); display: grid; gap: 8px; }
.composer textarea { width: 100%; min-height: 64px; resize: vertical; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.composer .row { display: flex; gap: 8px; align-items: center; }
.composer .row .spacer { flex: 1; }
.composer .pending { font-size: 12px; color: var(--muted); }
.composer .error { font-size: 12px; color: var(--danger); }
.hidden-input { display: none; }

.side { border-left: 1px solid var(--line); background: var(--panel); overflow-y: auto; padding: 12px 16px; }
.side h3 { font-size: 12px; text-transform: uppercase; color: var(--muted); letter-spacing: .04em; margin: 16px 0 6px; }
.side dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; }
.side dt { color: var(--muted); }
.side dd { margin: 0; overflow-wrap: anywhere; }
.side .read-before { margin: 12px 0 0; overflow-wrap: anywhere; }
.pages { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.pages li { font-size: 12px; }
.pages .when { color: var(--muted); }
.pages .url { display: block; color: var(--muted); overflow-wrap: anywhere; }
.rating { font-size: 18px; letter-spacing: 2px; }
.placeholder { display: grid; place-items: center; color: var(--muted); }
`;
