export const screensCss = /* css */ `
.home { display: flex; flex-direction: column; gap: 12px; padding: 0 var(--parley-pad) var(--parley-pad); }
.hero {
  margin-inline: calc(var(--parley-pad) * -1); padding: 4px var(--parley-pad) 56px;
  background: var(--parley-color-primary); color: var(--parley-color-primary-text);
  --parley-focus: var(--parley-color-primary-text);
}
.hero h2 { font-size: 24px; line-height: 1.25; font-weight: 700; overflow-wrap: anywhere; }
.hero + .card { margin-block-start: -40px; }
.start-card { display: flex; flex-direction: column; gap: 12px; box-shadow: 0 4px 18px rgb(15 20 40 / 0.1); }
.start-card .button { inline-size: 100%; }
.start-meta { display: flex; align-items: center; gap: 8px; font-size: 13px; color: var(--parley-color-muted); }
.last-message { font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.safety { display: flex; gap: 8px; align-items: flex-start; font-size: 13px; color: var(--parley-color-muted); padding-inline: 4px; }
.safety .icon { inline-size: 16px; block-size: 16px; margin-block-start: 2px; color: var(--parley-color-primary); }

.topics { padding: var(--parley-pad); display: flex; flex-direction: column; gap: 12px; }
.topics h2 { font-size: 18px; }
.topic-list { list-style: none; display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; }
.topic {
  display: flex; align-items: center; gap: 12px; inline-size: 100%; padding: 12px 14px; min-block-size: 52px;
  border: 1px solid var(--parley-color-border); border-radius: calc(var(--parley-radius) * 0.75);
}
.topic:hover { border-color: var(--parley-color-primary); background: var(--parley-soft); }
.topic-text { flex: 1; display: flex; flex-direction: column; gap: 2px; }
.topic-label { font-weight: 600; }
.topic .icon { color: var(--parley-color-muted); }

.rating { margin: 0 var(--parley-pad) 12px; display: flex; flex-direction: column; gap: 12px; text-align: center; box-shadow: 0 4px 18px rgb(15 20 40 / 0.08); }
.rating legend { font-weight: 650; font-size: 16px; inline-size: 100%; }
.rating fieldset { display: flex; flex-direction: column; gap: 4px; min-inline-size: 0; }
.scores { display: flex; justify-content: center; gap: 6px; margin-block-start: 8px; }
.score { position: relative; }
.score input { position: absolute; opacity: 0; inline-size: 100%; block-size: 100%; margin: 0; cursor: pointer; }
.score span {
  display: grid; place-items: center; inline-size: 48px; block-size: 48px; border-radius: 50%;
  font-size: 26px; line-height: 1; border: 2px solid transparent; background: var(--parley-color-surface);
}
.score input:checked + span { border-color: var(--parley-color-primary); background: var(--parley-soft); }
.score input:focus-visible + span { outline: 2px solid var(--parley-focus); outline-offset: 2px; }
.score-label { font-size: 13px; color: var(--parley-color-muted); min-block-size: 18px; }
.field { display: flex; flex-direction: column; gap: 6px; text-align: start; font-size: 13px; font-weight: 600; }
.field textarea, .field input {
  font-size: 16px; font-weight: 400; padding: 10px 12px; border-radius: 10px; inline-size: 100%;
  border: 1px solid var(--parley-color-border); background: var(--parley-color-background); color: var(--parley-color-text);
}
.field textarea { resize: vertical; min-block-size: 72px; }
.field :is(textarea, input):focus-visible { outline: 2px solid var(--parley-focus); outline-offset: 0; border-color: transparent; }
.field [aria-invalid='true'] { border-color: var(--parley-color-danger); }
.form-error { color: var(--parley-color-danger); font-size: 13px; font-weight: 400; }
.thanks { display: flex; flex-direction: column; align-items: center; gap: 8px; font-weight: 600; }
.thanks .icon { inline-size: 32px; block-size: 32px; color: var(--parley-online); }

.away { display: flex; flex-direction: column; gap: 8px; }
.away-title { display: flex; align-items: center; gap: 8px; font-weight: 650; }
.away-title .icon { color: var(--parley-color-primary); }
.away form { display: flex; flex-direction: column; gap: 8px; margin-block-start: 4px; }
.away-row { display: flex; gap: 8px; }
.away-row input { flex: 1; min-inline-size: 0; }
.chat-away { margin: 0 var(--parley-pad) 10px; font-size: 14px; }
`;
