import type { Meta, StoryObj } from '@storybook/preact-vite';
import { PanelHeader } from '../src/ui/components/PanelHeader.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { alex, awayConfig, brokenAvatarAgent } from './support/fixtures.js';

const meta: Meta = { title: 'Components/PanelHeader' };
export default meta;
type Story = StoryObj;

const header = () => <PanelHeader />;

export const Brand: Story = { render: () => <ComponentFrame height={320} scenario={{}} render={header} /> };

export const WithAgent: Story = {
  render: () => <ComponentFrame height={320} scenario={{ screen: 'chat', transport: { conversation: { assignee: alex } } }} render={header} />,
};

export const BrokenAvatar: Story = {
  render: () => <ComponentFrame height={320} scenario={{ screen: 'chat', transport: { conversation: { assignee: brokenAvatarAgent } } }} render={header} />,
};

export const Away: Story = { render: () => <ComponentFrame height={320} scenario={{ transport: { config: awayConfig } }} render={header} /> };

export const LanguageMenuOpen: Story = {
  render: () => <ComponentFrame height={320} scenario={{}} render={() => <PanelHeader languageMenuOpen />} />,
};

export const Russian: Story = { render: () => <ComponentFrame height={320} scenario={{ locale: 'ru-RU' }} render={header} /> };

export const Dark: Story = {
  render: () => <ComponentFrame height={320} scenario={{ theme: { mode: 'dark' }, transport: { conversation: { assignee: alex } } }} render={header} />,
};
