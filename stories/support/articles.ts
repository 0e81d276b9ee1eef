import type { Article } from '../../src/core/index.js';

/** Help articles for stories: one per page of the demo exchange, with real Markdown. */
export const sampleArticles: Article[] = [
  {
    id: 'deposit-not-arriving',
    title: 'My deposit has not arrived',
    locale: 'en',
    tags: ['deposit', 'network'],
    updatedAt: '2026-11-01T09:00:00.000Z',
    body: [
      'Most crypto deposits are credited within **30 minutes**. If yours is taking longer, check these first.',
      '## 1. Wait for the network confirmations',
      'Bitcoin needs 2 confirmations, Ethereum 12, Tron (TRC-20) 20.',
      '1. Copy the transaction hash (TxID).',
      '2. Open a block explorer for that network and paste it.',
      '## 2. Check the network and the address',
      '- The network you sent on must match the **Deposit** page.',
      '- A memo or tag is required for XRP, XLM and TON.',
    ].join('\n\n'),
  },
  {
    id: 'withdrawal-limits',
    title: 'Withdrawal limits',
    locale: 'en',
    tags: ['withdraw', 'limits'],
    updatedAt: '2026-10-12T09:00:00.000Z',
    body: 'Daily limits depend on your verification level. See `Settings → Limits`.',
  },
  {
    id: 'phishing-protection',
    title: 'How to spot phishing and fake support',
    locale: 'en',
    tags: ['deposit', 'security'],
    updatedAt: '2026-09-30T09:00:00.000Z',
    body: 'We will never ask for your seed phrase or private keys. Our only domain is **example.com**.',
  },
];
