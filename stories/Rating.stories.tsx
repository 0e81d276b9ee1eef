import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Rating } from '../src/ui/components/Rating.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { alex } from './support/fixtures.js';

const meta: Meta = { title: 'Components/Rating' };
export default meta;
type Story = StoryObj;

const resolved = { conversation: { status: 'resolved' as const, ratingRequested: true, assignee: alex } };
const rating = () => <><div style={{ flex: 1 }} /><Rating /></>;

export const Asked: Story = { render: () => <ComponentFrame height={420} scenario={{ transport: resolved }} render={rating} /> };
export const Russian: Story = { render: () => <ComponentFrame height={420} scenario={{ locale: 'ru', transport: resolved }} render={rating} /> };
export const Dark: Story = { render: () => <ComponentFrame height={420} scenario={{ theme: { mode: 'dark' }, transport: resolved }} render={rating} /> };
