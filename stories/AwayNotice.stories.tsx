import type { Meta, StoryObj } from '@storybook/preact-vite';
import { AwayNotice } from '../src/ui/components/AwayNotice.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { awayConfig } from './support/fixtures.js';

const meta: Meta = { title: 'Components/AwayNotice' };
export default meta;
type Story = StoryObj;

const notice = () => <div style={{ padding: '16px' }}><AwayNotice /></div>;

export const WithEmailForm: Story = { render: () => <ComponentFrame height={300} scenario={{ transport: { config: awayConfig } }} render={notice} /> };
export const WithoutEmailCapture: Story = {
  render: () => (
    <ComponentFrame height={300} scenario={{ transport: { config: { ...awayConfig, features: { emailCapture: false } } } }} render={notice} />
  ),
};
export const Russian: Story = { render: () => <ComponentFrame height={300} scenario={{ locale: 'ru', transport: { config: awayConfig } }} render={notice} /> };
