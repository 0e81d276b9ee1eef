import type { Meta, StoryObj } from '@storybook/preact-vite';
import { StorageNotice } from '../src/ui/components/StorageNotice.js';
import { ComponentFrame } from './support/ComponentFrame.js';

/** Said when the browser keeps nothing (private mode, blocked storage): stories use memory storage. */
const meta: Meta = { title: 'Components/StorageNotice' };
export default meta;
type Story = StoryObj;

export const MemoryOnly: Story = { render: () => <ComponentFrame height={120} scenario={{}} render={() => <StorageNotice />} /> };
export const Russian: Story = { render: () => <ComponentFrame height={120} scenario={{ locale: 'ru' }} render={() => <StorageNotice />} /> };

/** The device's storage is full: older messages were evicted and a write still failed (`$storage.full`). */
export const StorageFull: Story = {
  render: () => (
    <ComponentFrame
      height={120}
      scenario={{}}
      render={({ client }) => {
        client.$storage.set({ kind: 'indexeddb', durable: true, full: true });
        return <StorageNotice />;
      }}
    />
  ),
};
