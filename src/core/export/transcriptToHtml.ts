import { escapeHtml } from './escapeHtml.js';
import { exportable, type TranscriptMessage, type TranscriptOptions } from './TranscriptInput.js';

// Inline only: the file's CSP allows no other source, and it must look right offline.
const STYLE = [
  'body{font:15px/1.5 system-ui,sans-serif;color:#1d2330;background:#fff;max-width:720px;margin:0 auto;padding:24px}',
  'h1{font-size:20px;margin:0 0 4px}.d{color:#5b6474;font-size:13px;margin:0}',
  'ol{list-style:none;padding:0;margin:24px 0 0}li{margin:0 0 14px}',
  '.h{font-size:13px;color:#5b6474}.h b{color:#1d2330}',
  '.t{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 0}',
  '.v .t{background:#eef2ff;border-radius:10px;padding:6px 10px;display:inline-block}',
  '.s{color:#5b6474;font-size:13px;text-align:center}.a{font-size:13px;margin:2px 0 0}',
  '@media (prefers-color-scheme:dark){body{background:#15171c;color:#e7e9ee}.h b{color:#e7e9ee}.v .t{background:#272c3a}}',
].join('');

/**
 * The conversation as one self-contained HTML file: every text escaped (`& < > " '`), no
 * scripts, inline CSS only, and a CSP meta tag (`default-src 'none'; style-src 'unsafe-inline'`)
 * so that even a browser that mis-parsed something would load and run nothing.
 *
 * @example
 * const html = transcriptToHtml(client.$messages.get(), options);
 * download(new Blob([html], { type: 'text/html;charset=utf-8' }), 'transcript.html');
 */
export function transcriptToHtml(messages: readonly TranscriptMessage[], options: TranscriptOptions): string {
  const e = escapeHtml;
  const items = exportable(messages).map((message) => {
    const time = `<time datetime="${e(message.createdAt)}">${e(options.formatTime(message.createdAt))}</time>`;
    if (message.system || message.author.role === 'system') {
      return `<li class="s">${time} · <span dir="auto">${e(options.systemText(message))}</span></li>`;
    }
    const role = message.author.role === 'visitor' ? 'v' : 'o';
    const attachments = message.attachments
      .map((attachment) => `<p class="a" dir="auto">📎 ${e(options.attachmentText(attachment))}</p>`)
      .join('');
    const text = message.text ? `<p class="t" dir="auto">${e(message.text)}</p>` : '';
    return `<li class="${role}"><div class="h"><b dir="auto">${e(options.authorName(message))}</b> · ${time}</div>${text}${attachments}</li>`;
  });
  const details = (options.details ?? []).map((line) => `<p class="d" dir="auto">${e(line)}</p>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${e(options.lang)}" dir="${options.dir === 'rtl' ? 'rtl' : 'ltr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 dir="auto">${e(options.title)}</h1>${details}`,
    `<ol>${items.join('\n')}</ol>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
