import type { Meta, StoryObj } from '@storybook/preact-vite';
import { alex, awayConfig, withHistory } from './support/fixtures.js';
import { WidgetStory } from './support/WidgetStory.js';

/** The whole widget through renderWidget, floating over a host page with hostile styles. */
const meta: Meta = { title: 'Widget/Full widget', parameters: { layout: 'fullscreen' } };
export default meta;
type Story = StoryObj;

export const Closed: Story = { render: () => <WidgetStory scenario={{ open: false }} /> };

export const ClosedWithUnread: Story = {
  render: () => (
    <WidgetStory
      scenario={{
        ...withHistory({ open: false }),
        play: ({ desk }) => {
          desk.say('Your withdrawal has been confirmed ✅');
          desk.say('Anything else I can help with?');
        },
      }}
    />
  ),
};

export const OpenHome: Story = { render: () => <WidgetStory scenario={{ open: true, screen: 'home' }} /> };

export const Conversation: Story = { render: () => <WidgetStory scenario={withHistory()} /> };

export const Topics: Story = { render: () => <WidgetStory scenario={{ screen: 'topics' }} /> };

export const Offline: Story = {
  render: () => (
    <WidgetStory
      scenario={{
        ...withHistory(),
        play: async ({ client, desk }) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          desk.setOnline(false);
          client.send('Is anyone there? (typed while offline, delivered later)');
        },
      }}
    />
  ),
};

export const Away: Story = { render: () => <WidgetStory scenario={{ transport: { config: awayConfig } }} /> };

export const Rating: Story = {
  render: () => (
    <WidgetStory scenario={withHistory({ transport: { conversation: { assignee: alex, status: 'resolved', ratingRequested: true } } })} />
  ),
};

export const Russian: Story = { render: () => <WidgetStory scenario={withHistory({ locale: 'ru' })} /> };

export const DarkTheme: Story = { render: () => <WidgetStory scenario={withHistory({ theme: { mode: 'dark' } })} /> };

export const BrandTheme: Story = {
  render: () => (
    <WidgetStory
      scenario={withHistory({
        theme: { colors: { primary: '#0b6e4f', primaryText: '#ffffff' }, radius: 8, density: 'compact', fontFamily: "'Trebuchet MS', sans-serif" },
      })}
    />
  ),
};

export const RightToLeft: Story = {
  render: () => (
    <WidgetStory
      scenario={withHistory({
        locale: 'ar',
        loaders: {
          ar: async () => ({
            'composer.placeholder': 'اكتب رسالة…',
            'composer.label': 'رسالة',
            'messages.label': 'المحادثة',
            'availability.online': 'متصل',
            'availability.replyMinutes': { other: 'نرد خلال ~{count} دقائق' },
            'header.close': 'إغلاق الدردشة',
          }),
        },
      })}
    />
  ),
};

export const LeftPosition: Story = { render: () => <WidgetStory scenario={{ open: false, widget: { position: 'left', offset: { x: 32, y: 32 } } }} /> };

export const Inline: Story = { render: () => <WidgetStory scenario={withHistory({ widget: { inline: true } })} /> };

export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: () => <WidgetStory scenario={withHistory()} />,
};

export const LiveAgent: Story = {
  name: 'Live agent (send a message)',
  render: () => <WidgetStory scenario={{ screen: 'chat', transport: { replyDelay: 1800 } }} />,
};
