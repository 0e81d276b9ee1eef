import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Composer } from '../src/ui/components/Composer.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryScenario } from './support/createStoryEnv.js';

/** The warning the composer shows instead of sending a seed phrase, a key or a card number. */
const meta: Meta = { title: 'Components/SecretWarning' };
export default meta;
type Story = StoryObj;

const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

// The visitor's own steps: type the draft, press Send; the guard holds the message back.
const warned = (draft: string, scenario: StoryScenario = {}) => (
  <ComponentFrame
    height={380}
    scenario={{
      screen: 'chat',
      ...scenario,
      play: async ({ client }) => {
        client.setDraft(draft);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const frames = [...document.querySelectorAll('div')].map((d) => d.shadowRoot).filter(Boolean);
        frames.at(-1)?.querySelector<HTMLFormElement>('.composer')?.requestSubmit();
      },
    }}
    render={() => (
      <>
        <div style={{ flex: 1 }} />
        <Composer />
      </>
    )}
  />
);

export const BlockedSeedPhrase: Story = { render: () => warned(`Here are my words: ${MNEMONIC}`) };
export const WarnOnlyCanSendAnyway: Story = {
  render: () => warned(MNEMONIC, { transport: { config: { secretGuard: { mnemonic: 'warn' } } } }),
};
export const BlockedPrivateKey: Story = {
  render: () => warned('my key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'),
};
export const Russian: Story = { render: () => warned(MNEMONIC, { locale: 'ru' }) };
