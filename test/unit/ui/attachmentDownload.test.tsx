import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { Attachment, MemoryOperation } from '../../../src/core/index.js';
import { click, key, settle, setupPerTest } from './setup.js';

const open = setupPerTest();

const file = (name: string, url: string, patch: Partial<Attachment> = {}): Attachment => ({
  id: `att_${name.length}_${url.length}`,
  name,
  size: 2048,
  type: 'application/pdf',
  kind: 'file',
  url,
  ...patch,
});

/** An agent message carrying these files, as history the widget loads on start. */
const withFiles = (...attachments: Attachment[]) => ({
  history: [{ author: { role: 'agent' as const, name: 'Alex' }, text: 'Here you go', attachments }],
});

describe('attachment downloads', () => {
  test('a file fetched with the session token is a button, and clicking it saves the file', async () => {
    const operations: MemoryOperation[] = [];
    const env = await open({
      transport: {
        fail: (operation) => {
          operations.push(operation);
          return null;
        },
      },
    });
    // Uploaded by the visitor: the memory backend serves it only through the transport.
    for (let i = 0; i < 100 && !env.$('input[type="file"]'); i++) await settle(1);
    const input = env.$<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], 'statement.pdf', { type: 'application/pdf' })], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(6);
    await key(env.$('textarea[aria-label="Message"]')!, { key: 'Enter' });
    await settle(6);

    const control = env.$('.group[data-role="visitor"] .attachment-file')!;
    expect(control.tagName).toBe('BUTTON');
    expect(control.getAttribute('type')).toBe('button');
    expect(control.getAttribute('aria-label')).toBe('Download statement.pdf, 8 byte');
    expect(control.querySelector('.attachment-name')?.textContent).toBe('statement.pdf');
    expect(env.root.querySelector('a[href="#"]')).toBeNull();

    const saved: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this);
    });
    await click(control);
    await settle(3);
    expect(operations).toContain('fetchAttachment');
    expect(saved.map((a) => [a.download, a.href.startsWith('blob:')])).toEqual([['statement.pdf', true]]);
    expect(env.warnings).toEqual([]);
  });

  test('a file at an absolute https URL is a real link that opens outside, its name as text', async () => {
    const name = '<img src=x onerror=alert(1)>.pdf';
    const env = await open({ transport: withFiles(file(name, 'https://files.example.com/s/abc123/report.pdf')) });
    await settle(3);
    const link = env.$<HTMLAnchorElement>('.group[data-role="agent"] a.attachment-file')!;
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual([
      'https://files.example.com/s/abc123/report.pdf',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(link.querySelector('.attachment-name')?.textContent).toBe(name);
    expect(env.root.querySelector('img[src="x"]')).toBeNull();
  });

  test('relative, blob:, data: and javascript: URLs never become links', async () => {
    const env = await open({
      transport: withFiles(
        file('relative.pdf', '/v1/files/att_1'),
        file('blob.pdf', 'blob:https://shop.example.com/0b7f6c1e'),
        file('data.html', 'data:text/html,<script>alert(1)</script>', { type: 'text/html' }),
        file('script.pdf', 'javascript:alert(1)'),
      ),
    });
    await settle(3);
    const controls = env.$$('.group[data-role="agent"] .attachment-file');
    expect(controls.map((c) => [c.tagName, c.querySelector('.attachment-name')?.textContent])).toEqual([
      ['BUTTON', 'relative.pdf'],
      ['BUTTON', 'blob.pdf'],
      ['BUTTON', 'data.html'],
      ['BUTTON', 'script.pdf'],
    ]);
    expect(env.root.querySelectorAll('.group a')).toHaveLength(0);
  });
});
