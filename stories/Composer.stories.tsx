import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Composer } from '../src/ui/components/Composer.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';
import { alex } from './support/fixtures.js';

const meta: Meta = { title: 'Components/Composer' };
export default meta;
type Story = StoryObj;

const composer = (scenario: StoryScenario) => (
  <ComponentFrame height={220} scenario={{ screen: 'chat', ...scenario }} render={() => <><div style={{ flex: 1 }} /><Composer /></>} />
);

export const Empty: Story = { render: () => composer({}) };

export const WithDraft: Story = {
  render: () => composer({ play: ({ client }) => client.setDraft('First line\nSecond line\nThird line of a longer question') }),
};

export const ResolvedDisabled: Story = {
  render: () => composer({ transport: { conversation: { status: 'resolved', assignee: alex } } }),
};

export const SessionErrorDisabled: Story = {
  render: () =>
    composer({
      play: ({ client }) => client.$session.set({ ...client.$session.get(), status: 'error' }),
    }),
};

export const NoAttachments: Story = { render: () => composer({ transport: { config: { features: { attachments: false } } } }) };

export const Dark: Story = { render: () => composer({ theme: { mode: 'dark' }, play: ({ client }) => client.setDraft('Dark mode draft') }) };
