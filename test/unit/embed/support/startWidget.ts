import { vi } from 'vitest';
import {
  createMemoryTransport,
  type MemoryOperation,
  type MemoryTransport,
  type MemoryTransportOptions,
} from '../../../../src/core/index.js';
import { init } from '../../../../src/embed/init.js';
import type { ParleyWidget } from '../../../../src/embed/ParleyWidget.js';
import type { WidgetOptions } from '../../../../src/embed/widgetOptions.js';

export interface Recorder {
  transport: MemoryTransport;
  /** Every request the widget made of the backend, in order, with what it sent. */
  calls: Array<[MemoryOperation, unknown]>;
}

/** A memory backend that records every request and otherwise answers normally (no auto replies). */
export function recordingTransport(options: MemoryTransportOptions = {}): Recorder {
  const calls: Recorder['calls'] = [];
  const transport = createMemoryTransport({
    autoReply: false,
    ...options,
    fail: (operation, detail) => {
      calls.push([operation, detail]);
      return options.fail?.(operation, detail) ?? null;
    },
  });
  return { transport, calls };
}

const started: Array<{ widget: ParleyWidget; transport: MemoryTransport }> = [];

/** `init()` over a recording memory transport; `destroyStarted()` undoes every one of them. */
export function startWidget(options: Partial<WidgetOptions> = {}, transportOptions: MemoryTransportOptions = {}) {
  const recorder = recordingTransport(transportOptions);
  const widget = init({ transport: recorder.transport, storage: 'none', ...options });
  started.push({ widget, transport: recorder.transport });
  return { widget, ...recorder };
}

export function destroyStarted(): void {
  for (const { widget, transport } of started.splice(0)) {
    widget.destroy();
    transport.desk.dispose();
  }
}

/** The widget's shadow root: everything the visitor sees of it. */
export function widgetRoot(id = 'default'): ShadowRoot | null {
  return document.querySelector(`parley-widget-host[data-parley-id="${id}"]`)?.shadowRoot ?? null;
}

/** Resolves once the panel is rendered (the `ready` event). */
export function whenReady(widget: ParleyWidget): Promise<void> {
  return new Promise((resolve) => {
    const off = widget.on('ready', () => {
      off();
      resolve();
    });
  });
}

export const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 3000, interval: 10 });
