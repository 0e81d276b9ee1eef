import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { click, key, settle, setupPerTest, type Env } from './setup.js';

// happy-dom has no screen capture and no 2D canvas: getDisplayMedia, the canvas context and
// toBlob are stubbed. <video>.play() resolves in happy-dom, and without
// requestVideoFrameCallback the capture waits its 150 ms fallback for a painted frame.

const open = setupPerTest();

/** Bytes that stand for the encoded frame, so the attached file can be traced back to it. */
const FRAME = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const SCREENSHOTS_ON = { transport: { config: { features: { screenshots: true } } } };

interface FakeCapture {
  getDisplayMedia: ReturnType<typeof vi.fn>;
  stop: ReturnType<typeof vi.fn>;
  drawImage: ReturnType<typeof vi.fn>;
}

function stubMediaDevices(value: unknown) {
  Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true, writable: true });
}

function stubCapture(): FakeCapture {
  const stop = vi.fn();
  // happy-dom's <video> takes only a real MediaStream as srcObject; its tracks are ours.
  const stream = new MediaStream();
  const track = { kind: 'video', stop } as unknown as MediaStreamTrack;
  Object.defineProperty(stream, 'getTracks', { value: () => [track] });
  const getDisplayMedia = vi.fn(async () => stream);
  stubMediaDevices({ getDisplayMedia });
  const drawImage = vi.fn();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ({ drawImage })) as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (callback: BlobCallback, type?: string) {
    callback(new Blob([FRAME], { type: type ?? 'image/png' }));
  });
  return { getDisplayMedia, stop, drawImage };
}

async function until(check: () => unknown, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(1);
  }
}

const attachButton = (env: Env) => env.$<HTMLButtonElement>('button[aria-label="Attach"], button[aria-label="Attach a file"]');
const menuItem = (env: Env, text: string) => env.$$('[role="menuitem"]').find((item) => item.textContent?.trim() === text) ?? null;
const preview = (env: Env) => env.$('.screenshot-preview[role="dialog"]');
const previewButton = (env: Env, text: string) =>
  env.$$<HTMLButtonElement>('.screenshot-preview button').find((b) => b.textContent?.trim() === text) ?? null;

/** The visitor opens the paper-clip menu and picks "Capture screenshot"; the preview appears. */
async function capture(env: Env) {
  await until(() => env.$('button[aria-label="Attach"]'));
  await click(attachButton(env));
  await click(menuItem(env, 'Capture screenshot'));
  // The image URL and the focus move come from effects, a render after the dialog itself.
  await until(() => env.$('.screenshot-preview img') && env.root.activeElement?.textContent?.trim() === 'Attach screenshot');
}

let hadMediaDevices: PropertyDescriptor | undefined;
beforeEach(() => {
  hadMediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
});
afterEach(() => {
  if (hadMediaDevices) Object.defineProperty(navigator, 'mediaDevices', hadMediaDevices);
  else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
});

describe('screenshot capture', () => {
  test('asks the browser for the current tab, video only', async () => {
    const fake = stubCapture();
    const env = await open(SCREENSHOTS_ON);
    await capture(env);
    expect(fake.getDisplayMedia).toHaveBeenCalledTimes(1);
    expect(fake.getDisplayMedia.mock.calls[0]![0]).toMatchObject({
      video: true,
      audio: false,
      preferCurrentTab: true,
      selfBrowserSurface: 'include',
    });
    expect(fake.drawImage).toHaveBeenCalledTimes(1);
  });

  test('shows the frame for review before anything is attached, and stops sharing at once', async () => {
    const fake = stubCapture();
    const env = await open(SCREENSHOTS_ON);
    await capture(env);
    expect(preview(env)?.textContent).toContain('Screenshot preview');
    expect(preview(env)?.textContent).toContain('Check that it shows no passwords, keys or personal details before you attach it.');
    expect(env.$<HTMLImageElement>('.screenshot-preview img')?.src).toMatch(/^blob:/);
    // Focus lands on "Attach screenshot", so the choice is one key away.
    expect(env.root.activeElement?.textContent?.trim()).toBe('Attach screenshot');
    // Nothing goes to the draft (or the server) while the visitor is still looking at it.
    expect(env.$$('.chip')).toHaveLength(0);
    expect(env.client.$draftUploads.get()).toEqual([]);
    // The browser's "sharing this tab" indicator must not stay on while the preview is open.
    expect(fake.stop).toHaveBeenCalledTimes(1);
  });

  test('"Attach screenshot" adds the captured frame to the draft as a PNG file, which is sent with the message', async () => {
    stubCapture();
    const env = await open(SCREENSHOTS_ON);
    await capture(env);
    await click(previewButton(env, 'Attach screenshot'));
    await settle(6);
    expect(preview(env)).toBeNull();
    expect(env.$$('.chip')).toHaveLength(1);
    const name = env.$('.chip-name')?.textContent ?? '';
    expect(name).toMatch(/^screenshot-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.png$/);
    await until(() => env.$('.chip')?.getAttribute('data-state') === 'done');
    expect(env.$('.chip')?.getAttribute('data-state')).toBe('done');
    // Focus goes back to the composer to write about it.
    await until(() => env.root.activeElement?.tagName === 'TEXTAREA');
    expect(env.root.activeElement?.tagName).toBe('TEXTAREA');

    await key(env.$('textarea')!, { key: 'Enter' });
    await until(() => env.desk.messages.some((m) => m.attachments.length > 0));
    const [attachment] = env.desk.messages.at(-1)!.attachments;
    expect(attachment).toMatchObject({ name, type: 'image/png', size: FRAME.byteLength });
  });

  test('"Discard" attaches nothing, and the capture tracks are stopped', async () => {
    const fake = stubCapture();
    const env = await open(SCREENSHOTS_ON);
    await capture(env);
    await click(previewButton(env, 'Discard'));
    await settle(6);
    expect(preview(env)).toBeNull();
    expect(env.$$('.chip')).toHaveLength(0);
    expect(env.client.$draftUploads.get()).toEqual([]);
    expect(fake.stop).toHaveBeenCalled();
    // Nothing was uploaded behind the visitor's back either.
    await key(env.$('textarea')!, { key: 'Enter' });
    expect(env.desk.messages.every((m) => m.attachments.length === 0)).toBe(true);
  });

  test('Escape in the preview discards it', async () => {
    stubCapture();
    const env = await open(SCREENSHOTS_ON);
    await capture(env);
    await key(env.root.activeElement!, { key: 'Escape' });
    expect(preview(env)).toBeNull();
    expect(env.$$('.chip')).toHaveLength(0);
    // The Escape was the preview's: the panel stays open.
    expect(env.view.$open.get()).toBe(true);
  });

  test('cancelling the browser’s picker shows nothing: no preview, no error, no file', async () => {
    const fake = stubCapture();
    fake.getDisplayMedia.mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'));
    const env = await open(SCREENSHOTS_ON);
    await until(() => env.$('button[aria-label="Attach"]'));
    await click(attachButton(env));
    await click(menuItem(env, 'Capture screenshot'));
    await settle(6);
    expect(fake.getDisplayMedia).toHaveBeenCalledTimes(1);
    expect(preview(env)).toBeNull();
    expect(env.$('[role="alert"]')).toBeNull();
    expect(env.$$('.chip')).toHaveLength(0);
  });

  test('a capture that fails for another reason says so, in words for the visitor', async () => {
    const fake = stubCapture();
    fake.getDisplayMedia.mockRejectedValueOnce(new DOMException('Could not start video source', 'NotReadableError'));
    const env = await open(SCREENSHOTS_ON);
    await until(() => env.$('button[aria-label="Attach"]'));
    await click(attachButton(env));
    await click(menuItem(env, 'Capture screenshot'));
    await until(() => env.$('.composer [role="alert"]'));
    expect(env.$('.composer [role="alert"]')?.textContent).toBe('The screenshot could not be taken.');
    expect(env.$('.composer [role="alert"]')?.textContent).not.toContain('Parley:');
    expect(preview(env)).toBeNull();
  });

  test.each([
    ['no navigator.mediaDevices', undefined],
    ['mediaDevices without getDisplayMedia (iOS Safari)', {}],
  ])('with %s, the paper clip opens the file picker directly and offers no screenshot', async (_label, mediaDevices) => {
    stubMediaDevices(mediaDevices);
    const env = await open(SCREENSHOTS_ON);
    await settle(6);
    expect(env.$('button[aria-label="Attach a file"]')).not.toBeNull();
    expect(env.$('button[aria-label="Attach"]')).toBeNull();
    expect(env.$$('[role="menuitem"]').map((item) => item.textContent?.trim())).not.toContain('Capture screenshot');
    const pickerOpened = vi.fn();
    env.$<HTMLInputElement>('input[type="file"]')!.addEventListener('click', pickerOpened);
    await click(env.$('button[aria-label="Attach a file"]'));
    expect(pickerOpened).toHaveBeenCalledTimes(1);
  });

  test('the desk can switch screenshots off even where the browser could capture', async () => {
    stubCapture();
    const env = await open();
    await settle(6);
    expect(env.$('button[aria-label="Attach a file"]')).not.toBeNull();
    expect(env.$$('[role="menuitem"]').map((item) => item.textContent?.trim())).not.toContain('Capture screenshot');
  });
});
