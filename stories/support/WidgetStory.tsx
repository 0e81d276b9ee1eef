import { useEffect, useRef } from 'preact/hooks';
import { renderWidget } from '../../src/ui/renderWidget.js';
import { createStoryEnv, type StoryScenario } from './createStoryEnv.js';

/**
 * The whole widget exactly as a host page gets it: renderWidget into a shadow root, with the
 * launcher and panel floating over a mock page.
 */
export function WidgetStory({ scenario, page = true }: { scenario: StoryScenario; page?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current!;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const env = createStoryEnv(scenario);
    const unmount = renderWidget(root, {
      client: env.client,
      i18n: env.i18n,
      view: env.view,
      ...(scenario.theme ? { theme: scenario.theme } : {}),
      ...scenario.widget,
    });
    void env.start();
    return () => {
      unmount();
      env.destroy();
    };
  }, []);
  const inline = scenario.widget?.inline;
  return (
    <div style={{ minHeight: '100vh', fontFamily: 'Georgia, serif', color: '#333', background: page ? '#f4f1ea' : 'transparent' }}>
      {page && !inline && (
        <main style={{ maxWidth: '640px', padding: '48px 32px', lineHeight: 1.7 }}>
          <h1 style={{ fontSize: '32px', textTransform: 'uppercase', letterSpacing: '4px' }}>Host page</h1>
          <p>
            This page has its own serif font, uppercase headings and letter spacing. None of it leaks into the chat widget,
            which lives in a shadow root with <code>all: initial</code> on its host.
          </p>
        </main>
      )}
      <div ref={host} style={inline ? { width: '400px', height: '640px', margin: '24px' } : undefined} />
    </div>
  );
}
