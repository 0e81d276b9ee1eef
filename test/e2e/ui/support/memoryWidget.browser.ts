// Bundled for the browser by `bundleForBrowser` (layout.test.ts): the real widget UI and client
// over the in-memory transport, for states the reference server cannot produce, such as an
// agent whose avatar URL is broken. The same set-up as the stories (stories/support).
import { renderWidget } from '../../../../src/ui/renderWidget.js';
import { createStoryEnv, type StoryScenario } from '../../../../stories/support/createStoryEnv.js';

(window as unknown as { __mountMemoryWidget: (scenario: StoryScenario) => Promise<void> }).__mountMemoryWidget = async (scenario) => {
  const host = document.createElement('parley-widget-host');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const env = createStoryEnv(scenario);
  renderWidget(root, { client: env.client, i18n: env.i18n, view: env.view, ...(scenario.theme ? { theme: scenario.theme } : {}) });
  await env.start();
};
