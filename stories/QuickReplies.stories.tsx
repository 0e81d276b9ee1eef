import type { Meta, StoryObj } from '@storybook/preact-vite';
import { MessageList } from '../src/ui/components/MessageList.js';
import { QuickReplies } from '../src/ui/components/QuickReplies.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { withHistory } from './support/fixtures.js';

const meta: Meta = { title: 'Components/QuickReplies' };
export default meta;
type Story = StoryObj;

export const AfterAgentQuestion: Story = {
  render: () => (
    <ComponentFrame
      scenario={withHistory()}
      render={() => (
        <>
          <MessageList />
          <QuickReplies />
        </>
      )}
    />
  ),
};
