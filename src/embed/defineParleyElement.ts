import { init } from './init.js';
import type { ParleyWidget } from './ParleyWidget.js';
import type { WidgetOptions } from './widgetOptions.js';

const ATTRIBUTES = ['endpoint', 'locale', 'position', 'widget-id', 'storage', 'consent', 'theme-mode', 'launcher', 'inline'] as const;

/**
 * Registers `<parley-chat endpoint="…" locale="…">`. Nothing is registered at import time: call
 * this (or import `parley-chat/auto`) to opt in. With `inline`, the chat renders inside the element.
 *
 * @example
 * ```ts
 * defineParleyElement();
 * document.body.insertAdjacentHTML('beforeend', '<parley-chat endpoint="https://support.example.com"></parley-chat>');
 * ```
 */
export function defineParleyElement(tagName = 'parley-chat'): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;

  class ParleyChatElement extends HTMLElement {
    static observedAttributes = ['locale'];
    #widget: ParleyWidget | null = null;

    connectedCallback() {
      const attr = (name: (typeof ATTRIBUTES)[number]) => this.getAttribute(name) ?? undefined;
      const options: Record<string, unknown> = {
        endpoint: attr('endpoint'),
        locale: attr('locale'),
        position: attr('position'),
        id: attr('widget-id'),
        storage: attr('storage'),
        consent: attr('consent'),
        ...(attr('theme-mode') ? { theme: { mode: attr('theme-mode') } } : {}),
        ...(attr('launcher') === 'hidden' ? { launcher: { hidden: true } } : {}),
        ...(this.hasAttribute('inline') ? { target: this } : {}),
      };
      this.#widget = init(options as unknown as WidgetOptions);
    }

    disconnectedCallback() {
      this.#widget?.destroy();
      this.#widget = null;
    }

    attributeChangedCallback(name: string, previous: string | null, next: string | null) {
      if (name === 'locale' && next && previous !== next) void this.#widget?.setLocale(next);
    }

    /** The widget handle, for `open()`, `on()` and the rest. */
    get widget(): ParleyWidget | null {
      return this.#widget;
    }
  }

  customElements.define(tagName, ParleyChatElement);
}
