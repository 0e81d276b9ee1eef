import { HttpError, NetworkError, type Author, type SeedMessage } from '../../src/core/index.js';
import type { StoryScenario } from './createStoryEnv.js';

export const alex: Author = { role: 'agent', id: 'agent-alex', name: 'Alex Morgan', avatarUrl: avatar('#4338ca', 'AM') };
export const brokenAvatarAgent: Author = { role: 'agent', id: 'agent-dana', name: 'Dana Kim', avatarUrl: 'https://invalid.example/404.png' };
const bot: Author = { role: 'bot', id: 'bot', name: 'Parley Assistant' };
const visitor: Author = { role: 'visitor' };

/** A data-URL avatar, so stories work offline and under a strict CSP for images from elsewhere. */
function avatar(color: string, text: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${color}"/><text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Yesterday and today: groups by author, a system line, markdown, and a question with quick replies. */
export function sampleHistory(): SeedMessage[] {
  return [
    { author: visitor, text: 'Hi! My withdrawal to an external wallet has been pending for two hours.', createdAt: minutesAgo(60 * 26) },
    { author: visitor, text: 'The amount is 0.25 BTC.', createdAt: minutesAgo(60 * 26 - 1) },
    { author: { role: 'system' }, system: { kind: 'agent.joined', name: 'Alex Morgan' }, createdAt: minutesAgo(60 * 26 - 3) },
    {
      author: alex,
      text: 'Hello! I can see the transfer. It is waiting for **network confirmations**:\n- 1 of 3 confirmations so far\n- expected within *30 minutes*\n\nYou can follow it at https://mempool.space/tx/3f5a…',
      createdAt: minutesAgo(60 * 26 - 4),
    },
    { author: visitor, text: 'Thanks, it arrived 👍', createdAt: minutesAgo(14) },
    { author: alex, text: 'Great! Was there anything else?', createdAt: minutesAgo(12) },
    {
      author: alex,
      text: 'If you need the transaction ID later, it is `3f5a9c…e21b`.',
      createdAt: minutesAgo(11),
      quickReplies: [
        { id: 'yes', label: 'Yes, one more question' },
        { id: 'no', label: 'No, that’s all' },
      ],
    },
  ];
}

export const withHistory = (extra: StoryScenario = {}): StoryScenario => ({
  screen: 'chat',
  ...extra,
  transport: { conversation: { assignee: alex, handler: 'human' }, history: sampleHistory(), ...extra.transport },
});

export const awayConfig = {
  availability: { online: false, alwaysOpen: false, nextOpenAt: nextMorning() },
};

function nextMorning(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date.toISOString();
}

export const secretBlocked = (operation: string) =>
  operation === 'sendMessage' ? new HttpError(422, 'secret_blocked', 'Parley: the message looks like a secret') : null;

export const unreachable = (operation: string) =>
  operation === 'sendMessage' ? new NetworkError('Parley: the backend is unreachable (story)') : null;

export const longUnbroken =
  'Here is the address you asked about: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlhbc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh and a URL https://example.com/a/very/long/path/that/never/ends/with/no/spaces/at/all/0123456789abcdef0123456789abcdef';

export const rtlAndEmoji = [
  { author: visitor, text: 'مرحبا، لدي مشكلة في السحب 🙏' },
  { author: alex, text: 'أهلاً! سأتحقق من ذلك الآن. Transaction `TX-42` is confirmed ✅' },
  { author: visitor, text: '👨‍👩‍👧‍👦🇺🇦🏳️‍🌈 Emoji sequences stay whole.' },
] satisfies SeedMessage[];

export { bot };
