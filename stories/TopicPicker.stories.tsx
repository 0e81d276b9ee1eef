import type { Meta, StoryObj } from '@storybook/preact-vite';
import { TopicPicker } from '../src/ui/components/TopicPicker.js';
import { ComponentFrame } from './support/ComponentFrame.js';

const meta: Meta = { title: 'Components/TopicPicker' };
export default meta;
type Story = StoryObj;

const picker = () => <div class="scroll"><TopicPicker /></div>;

export const Topics: Story = { render: () => <ComponentFrame scenario={{ screen: 'topics' }} render={picker} /> };
export const Russian: Story = { render: () => <ComponentFrame scenario={{ screen: 'topics', locale: 'ru' }} render={picker} /> };
