import type { Meta, StoryObj } from '@storybook/preact-vite';
import { ArticleView } from '../src/ui/components/ArticleView.js';
import { Welcome } from '../src/ui/components/Welcome.js';
import { sampleArticles } from './support/articles.js';
import { ComponentFrame } from './support/ComponentFrame.js';

/** Help articles: suggested for the page on the home screen, searched, and read in the panel. */
const meta: Meta = { title: 'Components/KnowledgeBase' };
export default meta;
type Story = StoryObj;

const kb = { config: { features: { knowledgeBase: true } }, articles: sampleArticles };

export const SuggestedForDepositPage: Story = {
  render: () => (
    <ComponentFrame
      height={640}
      scenario={{ screen: 'home', transport: kb, pageUrl: 'https://exchange.example/deposit' }}
      render={() => (
        <div class="scroll">
          <Welcome />
        </div>
      )}
    />
  ),
};

export const NoSuggestions: Story = {
  render: () => (
    <ComponentFrame
      height={560}
      scenario={{ screen: 'home', transport: kb, pageUrl: 'https://exchange.example/markets' }}
      render={() => (
        <div class="scroll">
          <Welcome />
        </div>
      )}
    />
  ),
};

export const Article: Story = {
  render: () => (
    <ComponentFrame
      height={640}
      scenario={{
        screen: 'article',
        transport: kb,
        play: ({ view }) => view.$article.set({ id: 'deposit-not-arriving', title: 'My deposit has not arrived' }),
      }}
      render={() => (
        <div class="scroll">
          <ArticleView />
        </div>
      )}
    />
  ),
};

export const ArticleNotFound: Story = {
  render: () => (
    <ComponentFrame
      height={400}
      scenario={{ screen: 'article', transport: kb, play: ({ view }) => view.$article.set({ id: 'gone', title: 'An old article' }) }}
      render={() => (
        <div class="scroll">
          <ArticleView />
        </div>
      )}
    />
  ),
};
