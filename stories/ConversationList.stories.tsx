import type { Meta, StoryObj } from '@storybook/preact-vite';
import type { Conversation } from '../src/core/index.js';
import { ConversationList } from '../src/ui/components/ConversationList.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryEnv } from './support/createStoryEnv.js';

/** The visitor's requests with their status, like a ticket list. */
const meta: Meta = { title: 'Components/ConversationList' };
export default meta;
type Story = StoryObj;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const ticket = (id: string, ref: string, status: Conversation['status'], minutes: number, preview: string): Conversation => ({
  id,
  ref,
  status,
  handler: 'human',
  lastSeq: 4,
  visitorReadSeq: 4,
  agentReadSeq: 4,
  lastMessagePreview: preview,
  createdAt: ago(minutes + 60),
  updatedAt: ago(minutes),
});
const tickets = [
  ticket('c1', 'PR-1042', 'open', 2, 'My USDT deposit has not arrived after 2 hours'),
  ticket('c2', 'PR-1017', 'pending', 180, 'Please send the transaction hash (TxID)'),
  ticket('c3', 'PR-0988', 'resolved', 60 * 24 * 4, 'Thanks, the withdrawal arrived'),
];

// The memory desk knows one conversation; the story shows a visitor with three.
const withTickets = async ({ client }: StoryEnv) => {
  client.transport.listConversations = async () => tickets;
  await client.loadConversations();
};

export const Statuses: Story = {
  render: () => <ComponentFrame height={520} scenario={{ screen: 'conversations', play: withTickets }} render={() => <div class="scroll"><ConversationList /></div>} />,
};
export const Russian: Story = {
  render: () => (
    <ComponentFrame height={520} scenario={{ screen: 'conversations', locale: 'ru', play: withTickets }} render={() => <div class="scroll"><ConversationList /></div>} />
  ),
};
export const Empty: Story = {
  render: () => <ComponentFrame height={320} scenario={{ screen: 'conversations' }} render={() => <div class="scroll"><ConversationList /></div>} />,
};
