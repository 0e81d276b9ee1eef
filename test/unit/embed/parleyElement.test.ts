// `<parley-chat>`: markup alone starts the widget, its `locale` attribute drives the language,
// and taking the element out of the page takes the whole widget with it.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineParleyElement } from '../../../src/embed/defineParleyElement.js';
import { getWidget } from '../../../src/embed/init.js';
import type { ParleyWidget } from '../../../src/embed/ParleyWidget.js';
import { waitFor } from './support/startWidget.js';

type ParleyChatElement = HTMLElement & { readonly widget: ParleyWidget | null };

const endpoint = 'https://support.example.com';
/** What the widget asked of the network: the backend here never answers, like a slow one. */
let requests: Array<{ method: string; url: string; body: string }>;

beforeAll(() => defineParleyElement());
beforeEach(() => {
  requests = [];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ method: request.method, url: request.url, body: request.method === 'GET' ? '' : await request.clone().text() });
    return new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  });
});
afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Adds the markup to the page; the widget's own floating host lands after it, at the end of <body>. */
function addElement(html: string): ParleyChatElement {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.querySelector<ParleyChatElement>('parley-chat:last-of-type')!;
}

describe('defineParleyElement()', () => {
  it('registers <parley-chat>', () => {
    const element = document.createElement('parley-chat');
    expect(customElements.get('parley-chat')).toBeDefined();
    expect(element).toBeInstanceOf(customElements.get('parley-chat')!);
  });

  it('is harmless when called again, and can register another tag name', () => {
    const registered = customElements.get('parley-chat');
    expect(() => defineParleyElement()).not.toThrow();
    expect(customElements.get('parley-chat')).toBe(registered);
    defineParleyElement('help-chat');
    expect(() => defineParleyElement('help-chat')).not.toThrow();
    expect(customElements.get('help-chat')).toBeDefined();
    expect(console.error).not.toHaveBeenCalled();
  });
});

describe('<parley-chat endpoint locale>', () => {
  it('starts a widget against the endpoint, in the given locale', async () => {
    const element = addElement(`<parley-chat endpoint="${endpoint}" locale="ru"></parley-chat>`);
    expect(element.widget?.client).toBeTruthy();
    expect(getWidget()).toBe(element.widget);
    expect(element.widget!.client!.$locale.get()).toBe('ru');
    expect(document.querySelectorAll('parley-widget-host')).toHaveLength(1);
    await waitFor(() => expect(requests.map((r) => `${r.method} ${r.url}`)).toContain(`POST ${endpoint}/v1/sessions`));
    const session = requests.find((r) => r.url === `${endpoint}/v1/sessions`)!;
    expect(JSON.parse(session.body)).toMatchObject({ locale: 'ru' });
    element.remove();
  });

  it('changing the locale attribute switches the language', async () => {
    const element = addElement(`<parley-chat endpoint="${endpoint}" locale="en"></parley-chat>`);
    const locales: string[] = [];
    element.widget!.on('locale', (locale) => locales.push(locale));
    element.setAttribute('locale', 'de');
    await waitFor(() => expect(element.widget!.client!.$locale.get()).toBe('de'));
    expect(locales).toEqual(['de']);
    element.remove();
  });

  it('removing the element destroys the widget: no nodes, no handle, the id is free again', async () => {
    const element = addElement(`<parley-chat endpoint="${endpoint}"></parley-chat>`);
    const widget = element.widget!;
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    element.remove();
    expect(document.querySelectorAll('parley-widget-host')).toHaveLength(0);
    expect(document.body.childNodes).toHaveLength(0);
    expect(element.widget).toBeNull();
    expect(widget.client).toBeNull();
    expect(getWidget()).toBeUndefined();
    // Nothing keeps running: no new request after the removal.
    const made = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toHaveLength(made);
  });

  it('reads the other attributes: widget-id, position, storage, consent, theme-mode, launcher, inline', async () => {
    const element = addElement(
      `<parley-chat endpoint="${endpoint}" widget-id="help" position="left" storage="none" consent="required" theme-mode="dark" launcher="hidden" inline></parley-chat>`,
    );
    expect(console.error).not.toHaveBeenCalled();
    expect(getWidget('help')).toBe(element.widget);
    // Inline: the chat renders inside the element itself.
    const host = element.querySelector('parley-widget-host[data-parley-id="help"][data-inline]');
    expect(host).not.toBeNull();
    await waitFor(() => expect(host!.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull());
    expect(host!.shadowRoot!.querySelector('[part="launcher"]')).toBeNull();
    element.remove();
    expect(getWidget('help')).toBeUndefined();
  });

  it('without an endpoint, logs why and starts nothing', () => {
    const element = addElement('<parley-chat locale="en"></parley-chat>');
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('option `endpoint` is required'));
    expect(element.widget?.client).toBeNull();
    expect(document.querySelectorAll('parley-widget-host')).toHaveLength(0);
    element.remove();
  });
});
