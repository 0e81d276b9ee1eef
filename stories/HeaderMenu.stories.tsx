import type { Meta, StoryObj } from '@storybook/preact-vite';
import { PanelHeader } from '../src/ui/components/PanelHeader.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { withHistory } from './support/fixtures.js';

/** The header's "more" menu: conversations, transcript export and the desk's other channels. */
const meta: Meta = { title: 'Components/HeaderMenu' };
export default meta;
type Story = StoryObj;

const everything = { config: { features: { transcriptExport: true }, channels: { telegram: '@parley_support', email: 'support@example.com' } } };

const header = (locale?: string) => (
  <ComponentFrame
    height={340}
    scenario={{
      ...withHistory({ ...(locale ? { locale } : {}), transport: everything }),
      play: async () => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const root = [...document.querySelectorAll('div')].map((d) => d.shadowRoot).filter(Boolean).at(-1);
        root?.querySelector<HTMLButtonElement>('button[aria-controls="parley-header-menu"]')?.click();
      },
    }}
    render={() => <PanelHeader />}
  />
);

export const Open: Story = { render: () => header() };
export const Russian: Story = { render: () => header('ru') };
