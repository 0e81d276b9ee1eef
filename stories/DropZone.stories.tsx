import type { Meta, StoryObj } from '@storybook/preact-vite';
import { DropZone } from '../src/ui/components/DropZone.js';
import { MessageList } from '../src/ui/components/MessageList.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { withHistory } from './support/fixtures.js';

/** The overlay shown while files are dragged over the panel (drop them anywhere on it). */
const meta: Meta = { title: 'Components/DropZone' };
export default meta;
type Story = StoryObj;

const zone = (locale?: string) => (
  <ComponentFrame
    height={420}
    scenario={withHistory(locale ? { locale } : {})}
    render={() => (
      <div class="body">
        <MessageList />
        <DropZone active />
      </div>
    )}
  />
);

export const Dragging: Story = { render: () => zone() };
export const Russian: Story = { render: () => zone('ru') };
