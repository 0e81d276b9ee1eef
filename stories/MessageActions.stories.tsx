import type { Meta, StoryObj } from '@storybook/preact-vite';
import { MessageList } from '../src/ui/components/MessageList.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';
import { alex, sampleHistory, secretBlocked, withHistory } from './support/fixtures.js';

/** The "⋯" menu of one message: Copy text; Retry and Delete too on the visitor's failed message. */
const meta: Meta = { title: 'Components/MessageActions' };
export default meta;
type Story = StoryObj;

/** Waits for the story's shadow root to show `selector`, then presses the actions button of the last match. */
async function openActions(selector: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const root = [...document.querySelectorAll('div')].map((d) => d.shadowRoot).filter(Boolean).at(-1);
    const match = [...(root?.querySelectorAll(selector) ?? [])].at(-1);
    const button = match?.closest('.message')?.querySelector<HTMLButtonElement>('.message-actions');
    if (button) {
      // Pressed once the layout has settled (fonts, scroll to the newest message), as a person would.
      await document.fonts.ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      button.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const list = (scenario: StoryScenario) => (
  <ComponentFrame scenario={{ screen: 'chat', ...scenario }} height={480} render={() => <MessageList />} />
);

/** An agent's message with its menu open (positioned by floating-ui, like the header's menus). */
export const Open: Story = {
  render: () => list(withHistory({ play: () => openActions('.group[data-role="agent"] .bubble') })),
};

/** The visitor's message the desk refused: Copy text, Retry and Delete. */
export const FailedWithRetryAndDelete: Story = {
  render: () =>
    list(
      withHistory({
        transport: { conversation: { assignee: alex }, history: sampleHistory(), fail: secretBlocked },
        play: async ({ client }) => {
          client.send('My seed phrase is abandon ability able about above absent absorb abstract absurd abuse access accident');
          await openActions('.message[data-state="failed"] .bubble');
        },
      }),
    ),
};

export const Dark: Story = {
  render: () =>
    list(
      withHistory({
        theme: { mode: 'dark' },
        transport: { conversation: { assignee: alex }, history: sampleHistory(), fail: secretBlocked },
        play: async ({ client }) => {
          client.send('This one was refused');
          await openActions('.message[data-state="failed"] .bubble');
        },
      }),
    ),
};
