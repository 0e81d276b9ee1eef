import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMemoryTransport, type MemoryTransport } from '../../../src/core/index.js';
import type { ParleyWidget } from '../../../src/embed/ParleyWidget.js';
import { init } from '../../../src/embed/init.js';
import { en } from '../../../src/core/i18n/locales/en.js';
import { ru } from '../../../src/core/i18n/locales/ru.js';

// The host's `strings` option goes through the real `init` → `createWidget` → i18n → UI path.
// The in-memory backend comes in through the `transport` option; the rest is the shipped code,
// including the lazy loading of the Russian catalog when the visitor picks Russian.
const backend = { transport: null as MemoryTransport | null };

const RU_START = 'Задать вопрос о заказе';
const RU_PLACEHOLDER = 'Опишите проблему с заказом';

let widget: ParleyWidget | null = null;
let count = 0;

async function until(check: () => unknown, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('until: timed out');
}

async function openWidget(strings: Record<string, Record<string, string>>) {
  // No topics, so "start" goes straight to the composer.
  backend.transport = createMemoryTransport({ autoReply: false, config: { topics: [] } });
  const id = `strings${++count}`;
  widget = init({ transport: backend.transport!, id, storage: 'none', locale: 'en', open: true, strings });
  const root = () => document.querySelector(`parley-widget-host[data-parley-id="${id}"]`)?.shadowRoot ?? null;
  const $ = <T extends Element = HTMLElement>(selector: string) => root()?.querySelector<T>(selector) ?? null;
  await until(() => $('.start-card .button') && widget?.client?.$session.get().status === 'ready');
  return { root, $ };
}

type View = Awaited<ReturnType<typeof openWidget>>;
const startButton = (view: View) => view.$<HTMLButtonElement>('.start-card .button');
const text = (view: View, selector: string) => view.$(selector)?.textContent?.trim();
const placeholder = (view: View) => view.$('textarea')?.getAttribute('placeholder');
const sendLabel = (view: View) => view.$('[part="send-button"]')?.getAttribute('aria-label');

/** What a visitor does: open the language menu and pick a language by its name. */
async function pickLanguage(view: View, name: string) {
  view.$<HTMLButtonElement>('button.language-button')!.click();
  await until(() => !view.$<HTMLElement>('#parley-language-menu')?.hidden);
  const item = Array.from(view.root()!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')).find((el) => el.textContent === name);
  item!.click();
}

async function startConversation(view: View) {
  startButton(view)!.click();
  await until(() => view.$('textarea'));
}

afterEach(() => {
  widget?.destroy();
  widget = null;
  backend.transport?.desk.dispose();
});

describe('host string overrides for a lazily loaded language', () => {
  test('after the visitor switches to Russian, the overrides show and every other string comes from the Russian catalog', async () => {
    const view = await openWidget({ ru: { 'welcome.start': RU_START, 'composer.placeholder': RU_PLACEHOLDER } });
    // English until the visitor chooses: a Russian override never leaks into English.
    expect(text(view, '.start-card .button')).toBe(en['welcome.start']);

    await pickLanguage(view, 'Русский');
    await until(() => text(view, '.safety') !== en['welcome.safety']);

    expect(widget!.client!.$locale.get()).toBe('ru');
    expect(text(view, '.start-card .button')).toBe(RU_START);
    expect(ru['welcome.start']).not.toBe(RU_START);
    // Not overridden: the Russian catalog, loaded on demand, fills these in (not English).
    expect(text(view, '.safety')).toBe(ru['welcome.safety']);
    expect(view.$('button.language-button')?.getAttribute('aria-label')).toBe(`${String(ru['header.language']).replace('{language}', 'Русский')}, RU`);

    await startConversation(view);
    expect(placeholder(view)).toBe(RU_PLACEHOLDER);
    expect(sendLabel(view)).toBe(ru['composer.send']);
    expect(view.$('textarea')?.getAttribute('aria-label')).toBe(ru['composer.label']);
  });

  test('an English override stays English; switching back to English restores it and drops the Russian one', async () => {
    const view = await openWidget({
      ru: { 'welcome.start': RU_START },
      en: { 'welcome.start': 'Ask us anything' },
    });
    expect(text(view, '.start-card .button')).toBe('Ask us anything');

    await pickLanguage(view, 'Русский');
    await until(() => text(view, '.start-card .button') === RU_START);
    expect(text(view, '.safety')).toBe(ru['welcome.safety']);

    await pickLanguage(view, 'English');
    await until(() => text(view, '.start-card .button') === 'Ask us anything');
    expect(text(view, '.safety')).toBe(en['welcome.safety']);
  });
});
