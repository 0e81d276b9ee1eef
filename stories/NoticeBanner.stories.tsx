import type { Meta, StoryObj } from '@storybook/preact-vite';
import { NoticeBanner } from '../src/ui/components/NoticeBanner.js';
import { ComponentFrame } from './support/ComponentFrame.js';

const meta: Meta = { title: 'Components/NoticeBanner' };
export default meta;
type Story = StoryObj;

const notices = [
  { id: 'seed', level: 'info' as const, dismissible: true, text: { en: 'We will never ask for your seed phrase, private keys or passwords.', ru: 'Мы никогда не попросим сид-фразу, приватные ключи или пароли.' } },
  { id: 'slow', level: 'warning' as const, dismissible: true, text: { en: 'BTC withdrawals are delayed by network congestion. Status: https://status.example.com', ru: 'Вывод BTC задерживается из-за загрузки сети. Статус: https://status.example.com' } },
  { id: 'phish', level: 'critical' as const, dismissible: false, text: { en: 'Phishing alert: our only domain is **example.com**.', ru: 'Осторожно, фишинг: наш единственный домен — **example.com**.' } },
];

export const AllLevels: Story = {
  render: () => <ComponentFrame height={300} scenario={{ transport: { config: { notices } } }} render={() => <NoticeBanner />} />,
};
export const Russian: Story = {
  render: () => <ComponentFrame height={300} scenario={{ locale: 'ru', transport: { config: { notices } } }} render={() => <NoticeBanner />} />,
};
