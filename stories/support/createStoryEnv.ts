import {
  createClient,
  createI18n,
  createMemoryTransport,
  type CatalogLoader,
  type I18n,
  type MemoryDesk,
  type MemoryTransportOptions,
  type ParleyClient,
} from '../../src/core/index.js';
import { createViewState, type ViewState, type WidgetScreen } from '../../src/ui/createViewState.js';
import type { ThemeOptions } from '../../src/ui/theme/ThemeOptions.js';
import type { WidgetViewOptions } from '../../src/ui/WidgetViewOptions.js';

/** One state of the widget for a story: the simulated desk, the language, the view and a script. */
export interface StoryScenario {
  transport?: MemoryTransportOptions;
  locale?: string;
  /** Extra languages, e.g. a partial Arabic catalog to show right-to-left layout. */
  loaders?: Record<string, CatalogLoader>;
  open?: boolean;
  screen?: WidgetScreen;
  theme?: ThemeOptions;
  widget?: Partial<Omit<WidgetViewOptions, 'client' | 'i18n' | 'view'>>;
  /** Runs once the client has started: play the agent's side or the visitor's first actions. */
  play?: (env: StoryEnv) => void | Promise<void>;
}

export interface StoryEnv {
  client: ParleyClient;
  i18n: I18n;
  view: ViewState;
  desk: MemoryDesk;
  start(): Promise<void>;
  destroy(): void;
}

/** A real client over the memory transport, as the embed would build it. */
export function createStoryEnv(scenario: StoryScenario): StoryEnv {
  const transport = createMemoryTransport({ replyDelay: 1600, ...scenario.transport });
  const client = createClient({ transport, locale: scenario.locale ?? 'en' });
  const i18n = createI18n({ locale: client.$locale, ...(scenario.loaders ? { loaders: scenario.loaders } : {}) });
  const view = createViewState({ open: scenario.open ?? true, screen: scenario.screen ?? 'home' });
  let destroyed = false;
  const env: StoryEnv = {
    client,
    i18n,
    view,
    desk: transport.desk,
    async start() {
      await Promise.all([client.start(), i18n.whenReady()]);
      if (!destroyed) await scenario.play?.(env);
    },
    destroy() {
      destroyed = true;
      transport.desk.dispose();
      client.destroy();
    },
  };
  return env;
}
