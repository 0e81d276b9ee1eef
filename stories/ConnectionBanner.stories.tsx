import type { Meta, StoryObj } from '@storybook/preact-vite';
import { ConnectionBanner } from '../src/ui/components/ConnectionBanner.js';
import { HttpError } from '../src/core/index.js';
import { ComponentFrame } from './support/ComponentFrame.js';

const meta: Meta = { title: 'Components/ConnectionBanner' };
export default meta;
type Story = StoryObj;

export const Reconnecting: Story = {
  render: () => <ComponentFrame height={160} scenario={{ play: ({ desk }) => desk.setOnline(false) }} render={() => <ConnectionBanner />} />,
};

export const ServerError: Story = {
  render: () => (
    <ComponentFrame
      height={160}
      scenario={{
        play: ({ client }) => {
          client.$connection.set('offline');
          client.$error.set(new HttpError(503, 'internal', 'Service Unavailable'));
        },
      }}
      render={() => <ConnectionBanner />}
    />
  ),
};

export const RateLimitedRussian: Story = {
  render: () => (
    <ComponentFrame
      height={160}
      scenario={{
        locale: 'ru',
        play: ({ client }) => {
          client.$connection.set('offline');
          client.$error.set(new HttpError(429, 'rate_limited', 'Too Many Requests'));
        },
      }}
      render={() => <ConnectionBanner />}
    />
  ),
};
