import { afterEach, expect, test } from 'vitest';
import { click, settle, setup } from './setup.js';

let env: Awaited<ReturnType<typeof setup>> | undefined;
const happyDOM = (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM;
afterEach(() => {
  env?.cleanup();
  happyDOM.setViewport({ width: 1024, height: 768 });
  document.documentElement.style.overflow = '';
});

test('on a phone the page behind the full-screen chat is locked, then restored exactly', async () => {
  happyDOM.setViewport({ width: 390, height: 844 });
  document.body.style.height = '5000px';
  document.documentElement.style.overflow = 'auto';
  window.scrollTo(0, 1234);
  env = await setup({ open: false });
  await click(env.$('[part="launcher"]'));
  // The lock sets the longhands (see useScrollLock); test/e2e/ui/mobile.test.ts checks it in Chromium.
  expect(document.documentElement.style.getPropertyValue('overflow-y')).toBe('hidden');
  expect(document.body.style.getPropertyValue('overflow-y')).toBe('hidden');
  window.scrollTo(0, 0);
  env.view.$open.set(false);
  await settle();
  expect(document.documentElement.style.overflow).toBe('auto');
  expect(document.body.style.overflow).toBe('');
  expect(window.scrollY).toBe(1234);
});

test('on a desktop the page keeps scrolling while the chat is open', async () => {
  env = await setup({ open: false });
  await click(env.$('[part="launcher"]'));
  expect(document.documentElement.style.overflow).toBe('');
});

test('unmounting an open full-screen chat also releases the page', async () => {
  happyDOM.setViewport({ width: 390, height: 844 });
  env = await setup({ open: false });
  await click(env.$('[part="launcher"]'));
  expect(document.body.style.getPropertyValue('overflow-y')).toBe('hidden');
  env.unmount();
  expect(document.body.style.getPropertyValue('overflow-y')).toBe('');
});
