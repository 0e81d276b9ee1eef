import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Composer } from '../src/ui/components/Composer.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';

/**
 * The paper clip's menu (choose files, take a screenshot), open. It is a menu only where the desk
 * allows screenshots and the browser can capture the screen; elsewhere the clip opens the file
 * picker at once, so these stories turn screenshots on.
 */
const meta: Meta = { title: 'Components/AttachMenu' };
export default meta;
type Story = StoryObj;

const withScreenshots = { config: { features: { attachments: true, screenshots: true } } };

const open = (scenario: StoryScenario = {}) => (
  <ComponentFrame
    height={320}
    scenario={{
      screen: 'chat',
      ...scenario,
      transport: { ...withScreenshots, ...scenario.transport },
      play: async () => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const root = [...document.querySelectorAll('div')].map((d) => d.shadowRoot).filter(Boolean).at(-1);
        root?.querySelector<HTMLButtonElement>('button[aria-controls="parley-attach-menu"]')?.click();
      },
    }}
    render={() => <><div style={{ flex: 1 }} /><Composer /></>}
  />
);

export const Open: Story = { render: () => open() };
export const Russian: Story = { render: () => open({ locale: 'ru' }) };
export const Dark: Story = { render: () => open({ theme: { mode: 'dark' } }) };
