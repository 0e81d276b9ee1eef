import type { Meta, StoryObj } from '@storybook/preact-vite';
import { MessageList } from '../src/ui/components/MessageList.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';
import { alex, bot, longUnbroken, rtlAndEmoji, sampleHistory, secretBlocked, unreachable, withHistory } from './support/fixtures.js';

const meta: Meta = { title: 'Components/MessageList' };
export default meta;
type Story = StoryObj;

const list = (scenario: StoryScenario) => <ComponentFrame scenario={{ screen: 'chat', ...scenario }} render={() => <MessageList />} />;

export const Empty: Story = { render: () => list({}) };

export const WithMessages: Story = { render: () => list(withHistory()) };

export const PendingAndFailed: Story = {
  render: () =>
    list(
      withHistory({
        transport: { conversation: { assignee: alex }, history: sampleHistory(), fail: secretBlocked },
        play: ({ client }) => {
          client.send('My seed phrase is abandon ability able about above absent absorb abstract absurd abuse access accident');
        },
      }),
    ),
};

export const Sending: Story = {
  render: () =>
    list(
      withHistory({
        transport: { conversation: { assignee: alex }, history: sampleHistory(), fail: unreachable },
        play: ({ client }) => void client.send('This one is still on its way…'),
      }),
    ),
};

export const ReadReceipts: Story = {
  render: () =>
    list(
      withHistory({
        play: async ({ client, desk }) => {
          client.send('Sent and read by Alex');
          await new Promise((resolve) => setTimeout(resolve, 50));
          desk.readByAgent();
          client.send('Sent, not read yet');
        },
      }),
    ),
};

export const Typing: Story = {
  render: () =>
    list(
      withHistory({
        play: ({ desk }) => {
          // The client drops a typing hint after 8 s without news, as it should; keep it alive.
          const again = () => {
            desk.typing(true);
            desk.later(5000, again);
          };
          again();
        },
      }),
    ),
};

export const StreamingBotReply: Story = {
  render: () =>
    list({
      transport: { conversation: { handler: 'bot' }, history: [{ author: { role: 'visitor' }, text: 'How do I enable two-factor authentication?' }] },
      play: ({ desk }) => {
        const answer =
          'To turn on **two-factor authentication**:\n1. Open *Settings → Security*\n2. Choose **Authenticator app** and scan the QR code\n3. Enter the 6-digit code to confirm\n\nKeep your backup codes offline. Need more help? https://example.com/help/2fa';
        const loop = () => void desk.streamBot(answer, { chunk: 3, interval: 45 }).then(() => desk.later(4000, loop));
        loop();
      },
    }),
};

export const SystemEvents: Story = {
  render: () =>
    list({
      transport: {
        history: [
          { author: { role: 'visitor' }, text: 'I need a human, please.' },
          { author: { role: 'system' }, system: { kind: 'handoff.requested' } },
          { author: { role: 'system' }, system: { kind: 'agent.joined', name: 'Alex Morgan' } },
          { author: alex, text: 'Hi, Alex here. Let me check.' },
          { author: { role: 'system' }, system: { kind: 'agent.left', name: 'Alex Morgan' } },
          { author: { role: 'system' }, system: { kind: 'conversation.resolved' } },
          { author: { role: 'system' }, system: { kind: 'conversation.reopened' } },
        ],
      },
    }),
};

export const LongUnbrokenText: Story = {
  render: () => list({ transport: { history: [{ author: { role: 'visitor' }, text: longUnbroken }, { author: alex, text: longUnbroken }] } }),
};

export const RtlAndEmoji: Story = { render: () => list({ transport: { conversation: { assignee: alex }, history: rtlAndEmoji } }) };

export const RichText: Story = {
  render: () =>
    list({
      transport: {
        history: [
          {
            author: bot,
            text: '**Bold**, *italic*, `inline code` and a link: https://example.com.\n\n```\nparley-chat serve --port 8787\n```\n- bullet one\n- bullet two\n\n3. three\n4. four\n\n[not a link](javascript:alert(1)) <img src=x onerror=alert(1)>',
          },
        ],
      },
    }),
};

export const LoadOlder: Story = {
  render: () =>
    list({
      transport: {
        history: Array.from({ length: 80 }, (_, i) => ({
          author: i % 3 === 0 ? alex : { role: 'visitor' as const },
          text: `Message number ${i + 1}`,
          createdAt: new Date(Date.now() - (80 - i) * 3_600_000).toISOString(),
        })),
      },
    }),
};

export const Dark: Story = { render: () => list(withHistory({ theme: { mode: 'dark' } })) };
