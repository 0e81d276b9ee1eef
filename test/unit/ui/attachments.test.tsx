import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { HttpError, createMemoryStorage, type MemoryOperation } from '../../../src/core/index.js';
import { click, key, settle, type, setupPerTest, type Env } from './setup.js';

const open = setupPerTest();

const MB = 1024 * 1024;
const png = (name = 'screen.png', size = 64) => new File([new Uint8Array(size)], name, { type: 'image/png' });
const pdf = (name = 'statement.pdf') => new File(['%PDF-1.7'], name, { type: 'application/pdf' });
const chips = (env: Env) => env.$$('.chip');
const chipTexts = (env: Env) => chips(env).map((chip) => chip.textContent?.trim());
const textarea = (env: Env) => env.$<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;
const button = (env: Env, label: string) => env.$<HTMLButtonElement>(`button[aria-label="${label}"]`);

async function until(check: () => unknown, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(1);
  }
}

async function pick(env: Env, files: File[]) {
  // With latency the config (and so the attach button) arrives a moment after start.
  await until(() => env.$('input[type="file"]'));
  const input = env.$<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(6);
}

/** A drag event as Chromium sends it for files from the desktop. */
function dragEvent(type: string, files: File[]) {
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}

describe('attaching files', () => {
  test('refuses files outside the desk limits, each with its own reason on its chip; none is dropped', async () => {
    const env = await open({ transport: { config: { uploads: { maxFiles: 3 } } } });
    await pick(env, [
      new File(['MZ'], 'report.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(11 * MB)], 'video.png', { type: 'image/png' }),
      pdf(),
      pdf('second.pdf'),
      pdf('third.pdf'),
      pdf('fourth.pdf'),
    ]);
    expect(chipTexts(env)).toEqual([
      'report.exe: this file type is not accepted',
      'video.png is larger than 10 MB',
      expect.stringContaining('statement.pdf'),
      expect.stringContaining('second.pdf'),
      expect.stringContaining('third.pdf'),
      'fourth.pdf: you can attach up to 3 files to one message',
    ]);
    // Refusals are announced, and nothing refused was sent to the server.
    expect(env.$$('.chip [role="alert"]')).toHaveLength(3);
    await type(textarea(env), 'Here are my files');
    await key(textarea(env), { key: 'Enter' });
    await settle(5);
    expect(env.desk.messages.at(-1)?.attachments.map((a) => a.name)).toEqual(['statement.pdf', 'second.pdf', 'third.pdf']);
    // The refused ones stay for the visitor to read and remove.
    expect(chips(env).map((chip) => chip.getAttribute('data-state'))).toEqual(['refused', 'refused', 'refused']);
    await click(button(env, 'Remove report.exe'));
    expect(chips(env)).toHaveLength(2);
  });

  test('says the size limit in the visitor’s language', async () => {
    const env = await open({ locale: 'ru' });
    await pick(env, [new File([new Uint8Array(11 * MB)], 'video.png', { type: 'image/png' })]);
    expect(chipTexts(env)).toEqual(['video.png: файл больше 10 МБ']);
  });

  test('shows progress while uploading, and Cancel aborts the upload', async () => {
    const env = await open({ transport: { latency: 400 } });
    await pick(env, [pdf()]);
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('uploading');
    expect(env.$('.chip progress')).not.toBeNull();
    expect(env.$('.chip .sr-only')?.textContent).toMatch(/^Uploading statement\.pdf: \d+%$/);
    await click(button(env, 'Cancel upload of statement.pdf'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('failed');
    expect(env.$('.chip')?.textContent).toContain('Upload of statement.pdf cancelled');
    expect(env.client.$draftUploads.get().map((u) => u.attachment)).toEqual([undefined]);
  });

  test('Send while a file uploads waits for it, then sends text and file together', async () => {
    const env = await open({ transport: { latency: 200 } });
    await pick(env, [pdf()]);
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('uploading');
    await type(textarea(env), 'Statement attached');
    await key(textarea(env), { key: 'Enter' });
    expect(env.$('[part="send-button"]')?.getAttribute('aria-busy')).toBe('true');
    await until(() => env.desk.messages.some((m) => m.text === 'Statement attached'));
    expect(env.desk.messages.find((m) => m.text === 'Statement attached')?.attachments.map((a) => a.name)).toEqual(['statement.pdf']);
    expect(chips(env)).toHaveLength(0);
  });

  test('Retry uploads a failed file again', async () => {
    let uploads = 0;
    const fail = (op: MemoryOperation) => (op === 'upload' && ++uploads === 1 ? new HttpError(503, 'unavailable', 'down') : null);
    const env = await open({ transport: { fail } });
    await pick(env, [pdf()]);
    expect(env.$('.chip')?.textContent).toContain('statement.pdf could not be uploaded');
    await click(button(env, 'Retry upload of statement.pdf'));
    await settle(6);
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('done');
    expect(uploads).toBe(2);
  });

  test('a failed file never blocks the text: the message goes, the chip stays with retry and remove', async () => {
    const env = await open({ transport: { fail: (op) => (op === 'upload' ? new HttpError(500, 'internal', 'boom') : null) } });
    await pick(env, [pdf()]);
    await type(textarea(env), 'The statement would not upload, see text');
    expect(env.$<HTMLButtonElement>('[part="send-button"]')!.disabled).toBe(false);
    await key(textarea(env), { key: 'Enter' });
    await settle(5);
    expect(env.desk.messages.at(-1)?.text).toBe('The statement would not upload, see text');
    expect(env.desk.messages.at(-1)?.attachments).toEqual([]);
    expect(button(env, 'Retry upload of statement.pdf')).not.toBeNull();
    expect(button(env, 'Remove statement.pdf')).not.toBeNull();
  });

  test('images get a preview before sending, and a thumbnail in the conversation; sizes are shown for files', async () => {
    const env = await open();
    await pick(env, [png('screen.png'), pdf()]);
    const thumb = env.$<HTMLImageElement>('.chip img.chip-thumb');
    expect(thumb?.src).toMatch(/^blob:/);
    expect(chipTexts(env)[1]).toContain('8 byte');
    await key(textarea(env), { key: 'Enter' });
    await settle(6);
    expect(env.$<HTMLImageElement>('.group[data-role="visitor"] img.attachment-image')?.src).toMatch(/^blob:/);
    const file = env.$('.group[data-role="visitor"] .attachment-file')!;
    expect(file.getAttribute('aria-label')).toBe('Download statement.pdf, 8 byte');
  });

  test('a file name is text: markup in it stays inert', async () => {
    const env = await open();
    const name = '<img src=x onerror=alert(1)>.png';
    await pick(env, [png(name)]);
    expect(env.$('.chip-name')?.textContent).toBe(name);
    expect(env.root.querySelector('img[src="x"]')).toBeNull();
    await key(textarea(env), { key: 'Enter' });
    await settle(6);
    expect(env.$<HTMLImageElement>('.attachment-image')?.alt).toBe(`Image: ${name}`);
    expect(env.root.querySelector('img[src="x"]')).toBeNull();
  });

  test('an SVG is never shown inline, only offered for download', async () => {
    const env = await open({ transport: { config: { uploads: { types: ['image/*'] } } } });
    await pick(env, [new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], 'logo.svg', { type: 'image/svg+xml' })]);
    expect(env.$('.chip img')).toBeNull();
    await key(textarea(env), { key: 'Enter' });
    await settle(6);
    expect(env.$('.group[data-role="visitor"] img')).toBeNull();
    expect(env.$('.group[data-role="visitor"] .attachment-file')?.textContent).toContain('logo.svg');
  });

  test('files dropped on the panel attach, with a drop zone while dragging', async () => {
    const env = await open({ screen: 'home' });
    const panel = env.$('[role="dialog"]')!;
    const file = png();
    await act(() => {
      panel.dispatchEvent(dragEvent('dragenter', [file]));
    });
    await settle();
    expect(env.$('.drop-zone')?.textContent).toBe('Drop files here to attach them');
    expect(env.$$('[role="status"]').some((s) => s.textContent === 'Drop files here to attach them')).toBe(true);
    const drop = dragEvent('drop', [file]);
    await act(() => {
      panel.dispatchEvent(drop);
    });
    await settle(6);
    expect(drop.defaultPrevented).toBe(true);
    expect(env.$('.drop-zone')).toBeNull();
    expect(env.view.$screen.get()).toBe('chat');
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('done');
  });

  test('a pasted screenshot attaches', async () => {
    const env = await open();
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { files: [png('image.png')], types: ['Files'] } });
    await act(() => {
      textarea(env).dispatchEvent(event);
    });
    await settle(6);
    expect(event.defaultPrevented).toBe(true);
    expect(env.$('.chip-name')?.textContent).toBe('image.png');
  });

  test('an upload cut off by a reload comes back as failed with "choose again", a finished one can still be sent', async () => {
    const storage = createMemoryStorage();
    const first = await open({ storage, transport: { latency: 1000 } });
    await pick(first, [pdf('slow.pdf')]);
    first.client.$draftUploads.set([
      ...first.client.$draftUploads.get(),
      {
        id: 'u_done',
        name: 'ready.pdf',
        size: 8,
        type: 'application/pdf',
        state: 'done',
        attachment: { id: 'att-x', name: 'ready.pdf', size: 8, type: 'application/pdf', kind: 'file', url: '/x' },
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400)); // the draft is saved debounced
    expect(chipTexts(first)[0]).toContain('slow.pdf');
    first.cleanup();

    const second = await open({ storage });
    expect(chipTexts(second)[0]).toBe('The upload of slow.pdf was interrupted. Choose the file again.');
    expect(button(second, 'Choose slow.pdf again')).not.toBeNull();
    expect(second.$$('.chip')[1]?.getAttribute('data-state')).toBe('done');
  });
});
