import {
  createClient,
  createI18n,
  createMemoryTransport,
  type CatalogLoader,
  type I18n,
  type MemoryDesk,
  type MemoryTransportOptions,
  type ParleyClient,
  type UploadQueue,
  createUploadQueue,
} from '../../src/core/index.js';
import { createSecretCheck, type SecretChecks } from '../../src/ui/model/createSecretCheck.js';
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
  /** The host page's URL, for suggested help articles (component stories). */
  pageUrl?: string;
  /** Runs once the client has started: play the agent's side or the visitor's first actions. */
  play?: (env: StoryEnv) => void | Promise<void>;
}

export interface StoryEnv {
  client: ParleyClient;
  i18n: I18n;
  view: ViewState;
  desk: MemoryDesk;
  /** The composer's files (component stories); `uploads.add(files)` attaches like a visitor. */
  uploads: UploadQueue;
  secrets: SecretChecks;
  start(): Promise<void>;
  destroy(): void;
}

/** A real client over the memory transport, as the embed would build it. */
export function createStoryEnv(scenario: StoryScenario): StoryEnv {
  const transport = createMemoryTransport({ replyDelay: 1600, ...scenario.transport });
  const client = createClient({ transport, locale: scenario.locale ?? 'en' });
  const i18n = createI18n({ locale: client.$locale, ...(scenario.loaders ? { loaders: scenario.loaders } : {}) });
  const view = createViewState({ open: scenario.open ?? true, screen: scenario.screen ?? 'home' });
  const secrets = createSecretCheck(client, (m) => console.warn(m));
  const uploads = createUploadQueue(client, { checkName: secrets.checkName, onWarning: (m) => console.warn(m) });
  let destroyed = false;
  const env: StoryEnv = {
    client,
    i18n,
    view,
    desk: transport.desk,
    uploads,
    secrets,
    async start() {
      await Promise.all([client.start(), i18n.whenReady()]);
      if (!destroyed) await scenario.play?.(env);
    },
    destroy() {
      destroyed = true;
      uploads.destroy();
      transport.desk.dispose();
      client.destroy();
    },
  };
  return env;
}
