import { describe, expect, test } from 'vitest';
import {
  escapeHtml,
  transcriptToHtml,
  transcriptToText,
  type TranscriptMessage,
  type TranscriptOptions,
} from '../../../src/core/export/index.js';
import { XSS_PAYLOADS } from '../../fixtures/hostile/xssPayloads.js';

const options: TranscriptOptions = {
  title: 'Parley Support: conversation PR-1042',
  details: ['Exported 1 November 2026'],
  lang: 'en',
  dir: 'ltr',
  authorName: (m) => (m.author.role === 'visitor' ? 'You' : (m.author.name ?? 'Support')),
  formatTime: (iso) => iso.slice(11, 16),
  systemText: (m) => `${m.system?.name ?? 'Someone'} joined the conversation`,
  attachmentText: (a) => `${a.name} (${a.size} B)`,
};

const at = (minute: number) => `2026-11-01T14:${String(minute).padStart(2, '0')}:00.000Z`;
const visitor = (text: string, extra: Partial<TranscriptMessage> = {}): TranscriptMessage => ({
  author: { role: 'visitor' },
  text,
  attachments: [],
  createdAt: at(1),
  ...extra,
});
const alex = (text: string): TranscriptMessage => ({ author: { role: 'agent', name: 'Alex' }, text, attachments: [], createdAt: at(3) });

describe('escapeHtml', () => {
  test('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('transcriptToText', () => {
  test('one block per message, continuation lines indented, attachments listed, system lines marked', () => {
    const text = transcriptToText(
      [
        visitor('My deposit is late\nTxID below'),
        { author: { role: 'system' }, text: '', attachments: [], createdAt: at(2), system: { kind: 'agent.joined', name: 'Alex' } },
        alex('Checking now'),
        visitor('', { attachments: [{ id: 'a1', name: 'receipt.pdf', size: 1200, type: 'application/pdf', kind: 'file', url: '/f/a1' }] }),
      ],
      options,
    );
    expect(text).toBe(
      [
        'Parley Support: conversation PR-1042',
        'Exported 1 November 2026',
        '',
        '[14:01] You: My deposit is late',
        '    TxID below',
        '[14:02] — Alex joined the conversation —',
        '[14:03] Alex: Checking now',
        '[14:01] You:',
        '    📎 receipt.pdf (1200 B)',
        '',
      ].join('\n'),
    );
  });

  test('leaves out messages that were never delivered', () => {
    expect(transcriptToText([visitor('kept'), visitor('lost', { state: 'failed' })], options)).not.toContain('lost');
  });
});

describe('transcriptToHtml', () => {
  test('is a self-contained page: charset, a CSP that allows only inline styles, no scripts', () => {
    const html = transcriptToHtml([visitor('Hello')], options);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|\bsrc=|https?:/i);
  });

  test.each(XSS_PAYLOADS.map((payload, index) => [index, payload] as const))('keeps hostile payload #%i inert in text, names and file names', (_, payload) => {
    const html = transcriptToHtml(
      [
        visitor(payload, { attachments: [{ id: 'a', name: `${payload}.png`, size: 1, type: 'image/png', kind: 'image', url: '/f/a' }] }),
        { author: { role: 'agent', name: payload }, text: payload, attachments: [], createdAt: at(2) },
      ],
      { ...options, title: payload, details: [payload] },
    );
    // No tag from the payload survives: every `<` in the output belongs to our own markup.
    const tags = html.match(/<\/?([a-z0-9-]+)/gi)!.map((tag) => tag.replace(/[</]/g, '').toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'p', 'ol', 'li', 'div', 'b', 'time']));
    // Parsed as a page, the payload is text wherever it went.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, svg, iframe, object, embed, a, form, input').length).toBe(0);
    expect(doc.querySelector('h1')?.textContent).toBe(payload);
    expect(doc.querySelector('li.v .t')?.textContent).toBe(payload);
    expect(doc.querySelector('li.o b')?.textContent).toBe(payload);
  });

  test('right-to-left text reads right to left: the page direction, and dir=auto on every text', () => {
    const html = transcriptToHtml([visitor('مرحبا، لدي مشكلة في السحب')], { ...options, lang: 'ar', dir: 'rtl' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    expect(doc.querySelector('.t')?.getAttribute('dir')).toBe('auto');
    expect(doc.querySelector('.t')?.textContent).toBe('مرحبا، لدي مشكلة في السحب');
  });
});
