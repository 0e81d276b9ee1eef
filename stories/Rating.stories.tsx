import type { Meta, StoryObj } from '@storybook/preact-vite';
import { Rating } from '../src/ui/components/Rating.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import { alex } from './support/fixtures.js';

const meta: Meta = { title: 'Components/Rating' };
export default meta;
type Story = StoryObj;

const resolved = { conversation: { status: 'resolved' as const, ratingRequested: true, assignee: alex } };
const rating = () => <><div style={{ flex: 1 }} /><Rating /></>;

export const Asked: Story = { render: () => <ComponentFrame height={420} scenario={{ transport: resolved }} render={rating} /> };
export const Russian: Story = { render: () => <ComponentFrame height={420} scenario={{ locale: 'ru', transport: resolved }} render={rating} /> };
export const Dark: Story = { render: () => <ComponentFrame height={420} scenario={{ theme: { mode: 'dark' }, transport: resolved }} render={rating} /> };

/** Finds the story's shadow root, where the component renders. */
const storyRoot = () => [...document.querySelectorAll('div')].map((d) => d.shadowRoot).filter(Boolean).at(-1);
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 50));

/** After the visitor picked a score, wrote a comment and sent it: the thank-you that replaces the form. */
export const ThankYou: Story = {
  render: () => (
    <ComponentFrame
      height={420}
      scenario={{
        transport: resolved,
        play: async () => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          const root = storyRoot();
          root?.querySelector<HTMLInputElement>('input[name="parley-score"][value="5"]')?.click();
          await nextFrame();
          const comment = root?.querySelector<HTMLTextAreaElement>('.rating textarea');
          if (comment) {
            comment.value = 'Alex sorted it out in minutes, thank you!';
            comment.dispatchEvent(new Event('input', { bubbles: true }));
          }
          await nextFrame();
          root?.querySelector<HTMLButtonElement>('.rating button[type="submit"]')?.click();
        },
      }}
      render={rating}
    />
  ),
};
