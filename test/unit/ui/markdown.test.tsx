import { render } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../../src/ui/markdown/renderMarkdown.js';
import { toPlainText } from '../../../src/ui/markdown/parseMarkdown.js';

let container: HTMLElement;
function show(text: string): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(<div>{renderMarkdown(text)}</div>, container);
  return container;
}
afterEach(() => container?.remove());

describe('markdown: hostile input stays text', () => {
  test.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example"></iframe>',
    '"><svg onload=alert(1)>',
  ])('%s is shown literally, with no element created', (payload) => {
    const el = show(payload);
    expect(el.textContent).toBe(payload);
    expect(el.querySelector('img, script, iframe, svg')).toBeNull();
    // A plain https URL inside the payload may become a link; nothing else may.
    for (const link of el.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:/);
  });

  test.each([
    '[click me](javascript:alert(1))',
    '[click me](JaVaScRiPt:alert(1))',
    '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click me](vbscript:msgbox(1))',
    '[click me](/relative/path)',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('%s makes no link', (payload) => {
    const el = show(payload);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe(payload);
  });

  test('safe links open in a new tab without opener or referrer', () => {
    const el = show('See https://example.com/docs, write to help@example.com or [call us](tel:+15551234567).');
    const links = Array.from(el.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/docs',
      'mailto:help@example.com',
      'tel:+15551234567',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(links[0]!.textContent).toBe('https://example.com/docs');
  });
});

describe('markdown: the supported subset', () => {
  test('bold, italic, inline code and snake_case left alone', () => {
    const el = show('**bold** and *italic* and _also_ and `a*b*c` and snake_case_name');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(Array.from(el.querySelectorAll('em')).map((e) => e.textContent)).toEqual(['italic', 'also']);
    expect(el.querySelector('code')?.textContent).toBe('a*b*c');
    expect(el.textContent).toContain('snake_case_name');
  });

  test('fenced code keeps its text verbatim and reads left to right', () => {
    const el = show('Run:\n```sh\nnpm i parley-chat\n<b>not bold</b>\n```');
    const pre = el.querySelector('pre');
    expect(pre?.getAttribute('dir')).toBe('ltr');
    expect(pre?.textContent).toBe('npm i parley-chat\n<b>not bold</b>');
  });

  test('bullet and numbered lists', () => {
    const el = show('Steps:\n- one\n- two\n\n3. three\n4. four');
    expect(Array.from(el.querySelectorAll('ul li')).map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(el.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(el.querySelectorAll('ol li')).toHaveLength(2);
  });

  test('paragraphs get dir="auto" so right-to-left lines read correctly', () => {
    const el = show('مرحبا\n\nHello');
    const paragraphs = Array.from(el.querySelectorAll('p'));
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.every((p) => p.getAttribute('dir') === 'auto')).toBe(true);
  });

  test('single newlines become line breaks; long unbroken text is kept whole', () => {
    const long = 'x'.repeat(500);
    const el = show(`line one\nline two ${long}`);
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(el.textContent).toContain(long);
  });

  test('toPlainText drops markup for announcements and previews', () => {
    expect(toPlainText('**Hi** *there*, see [docs](https://example.com)\n- a\n- b')).toBe('Hi there, see docs a; b');
  });
});
