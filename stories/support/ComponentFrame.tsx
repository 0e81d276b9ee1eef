import { atom } from 'nanostores';
import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { applyStyles } from '../../src/ui/styles/applyStyles.js';
import { widgetCss } from '../../src/ui/styles/widgetCss.js';
import { themeCss } from '../../src/ui/theme/themeCss.js';
import { WidgetContext } from '../../src/ui/WidgetContext.js';
import { createStoryEnv, type StoryEnv, type StoryScenario } from './createStoryEnv.js';

const LAYOUT = { position: 'right', offset: { x: 20, y: 20 }, zIndex: 10 } as const;

/**
 * One component on its own, in a shadow root with the widget's CSS and a real client, inside a
 * panel-sized frame. `panel: false` renders it bare (for the launcher).
 */
export function ComponentFrame({
  scenario,
  render: renderChildren,
  height = 560,
  panel = true,
}: {
  scenario: StoryScenario;
  render: (env: StoryEnv) => ComponentChildren;
  height?: number;
  panel?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current!;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const env = createStoryEnv(scenario);
    const removeCss = applyStyles(root, widgetCss);
    const removeTheme = applyStyles(root, themeCss(scenario.theme, LAYOUT, (m) => console.warn(m)));
    const warn = (m: string) => console.warn(m);
    const $pageUrl = atom(scenario.pageUrl ?? 'https://exchange.example/deposit');
    const mount = document.createElement('div');
    mount.className = 'mount';
    root.append(mount);
    const frame = panel
      ? {
          position: 'relative',
          display: 'flex',
          flexDirection: 'column',
          width: '380px',
          height: `${height}px`,
          overflow: 'hidden',
          background: 'var(--parley-color-background)',
          borderRadius: 'var(--parley-radius)',
          boxShadow: 'var(--parley-shadow)',
        }
      : {};
    render(
      <WidgetContext.Provider value={{ ...env, warn, inline: false, close: () => env.view.$open.set(false), $pageUrl }}>
        <div class="root" dir={env.i18n.$dir.get()} data-story>
          <div style={frame}>{renderChildren(env)}</div>
        </div>
      </WidgetContext.Provider>,
      mount,
    );
    void env.start();
    return () => {
      render(null, mount);
      mount.remove();
      removeTheme();
      removeCss();
      env.destroy();
    };
  }, []);
  return <div ref={host} style={{ padding: '24px' }} />;
}
