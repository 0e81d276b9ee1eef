import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Launcher } from '../src/ui/components/Launcher.js';
import { ComponentFrame } from './support/ComponentFrame.js';

const meta: Meta = { title: 'Components/Launcher', parameters: { layout: 'fullscreen' } };
export default meta;
type Story = StoryObj;

export const Closed: Story = { render: () => <ComponentFrame panel={false} scenario={{ open: false }} render={() => <Launcher />} /> };

export const Open: Story = { render: () => <ComponentFrame panel={false} scenario={{ open: true }} render={() => <Launcher />} /> };

export const WithUnread: Story = {
  render: () => (
    <ComponentFrame
      panel={false}
      scenario={{ open: false, play: ({ desk }) => ['Hi!', 'Are you there?', 'Your ticket was updated'].forEach((text) => desk.say(text)) }}
      render={() => <Launcher />}
    />
  ),
};

export const Dark: Story = {
  render: () => (
    <ComponentFrame
      panel={false}
      scenario={{ open: false, theme: { mode: 'dark' }, play: ({ desk }) => void desk.say('Hello') }}
      render={() => <Launcher />}
    />
  ),
};
