import type { StorybookConfig } from '@storybook/preact-vite';

// Stories render the real widget in a shadow root over the in-memory transport (src/core/transport).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/preact-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
