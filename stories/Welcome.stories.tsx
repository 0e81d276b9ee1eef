import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Welcome } from '../src/ui/components/Welcome.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';
import { awayConfig, withHistory } from './support/fixtures.js';

const meta: Meta = { title: 'Components/Welcome' };
export default meta;
type Story = StoryObj;

const welcome = (scenario: StoryScenario) => (
  <ComponentFrame scenario={{ ...scenario, screen: 'home' }} render={() => <div class="scroll"><Welcome /></div>} />
);

export const NewVisitor: Story = { render: () => welcome({}) };
export const ContinueConversation: Story = { render: () => welcome(withHistory()) };
export const Away: Story = { render: () => welcome({ transport: { config: awayConfig } }) };
export const Russian: Story = { render: () => welcome({ locale: 'ru-RU' }) };
export const Dark: Story = { render: () => welcome({ theme: { mode: 'dark' } }) };
