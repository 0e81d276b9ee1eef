import type { Availability, WidgetConfig } from '../../protocol/index.js';

/** Partial config for the memory backend; nested objects merge one level deep, arrays replace. */
export interface MemoryConfigOverrides {
  brand?: Partial<WidgetConfig['brand']>;
  greeting?: WidgetConfig['greeting'];
  availability?: Partial<Availability>;
  topics?: WidgetConfig['topics'];
  uploads?: Partial<WidgetConfig['uploads']>;
  features?: Partial<WidgetConfig['features']>;
  notices?: WidgetConfig['notices'];
  channels?: Partial<WidgetConfig['channels']>;
  secretGuard?: WidgetConfig['secretGuard'];
  secretPatterns?: WidgetConfig['secretPatterns'];
}

/** A plausible desk for stories and tests: online, two languages, topics and a safety notice. */
export const memoryDefaultConfig: WidgetConfig = {
  protocol: 1,
  brand: { name: 'Parley Support', avatarUrl: null },
  greeting: {
    en: 'Hi! How can we help you today?',
    ru: 'Здравствуйте! Чем можем помочь?',
  },
  availability: {
    online: true,
    alwaysOpen: true,
    timeZone: 'Europe/Moscow',
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '21:00' })),
    replyTimeMinutes: 3,
    nextOpenAt: null,
  },
  topics: [
    { id: 'how-it-works', label: { en: 'How it works', ru: 'Как это работает' } },
    { id: 'procedure', label: { en: 'Exchange procedure', ru: 'Порядок обмена' } },
    { id: 'legal', label: { en: 'Legal questions', ru: 'Юридические вопросы' } },
    {
      id: 'technical',
      label: { en: 'Technical problem', ru: 'Техническая проблема' },
      description: { en: 'Errors, failed transfers, login trouble', ru: 'Ошибки, зависшие переводы, проблемы со входом' },
    },
  ],
  uploads: {
    maxBytes: 10 * 1024 * 1024,
    maxFiles: 5,
    types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
  },
  features: {
    attachments: true,
    ratings: true,
    knowledgeBase: false,
    bot: false,
    emailCapture: true,
    transcriptExport: false,
    screenshots: false,
  },
  notices: [],
  channels: { telegram: null, email: 'support@example.com' },
};

export function mergeMemoryConfig(base: WidgetConfig, overrides: MemoryConfigOverrides = {}): WidgetConfig {
  return {
    ...base,
    brand: { ...base.brand, ...overrides.brand },
    greeting: overrides.greeting ?? base.greeting,
    availability: { ...base.availability, ...overrides.availability },
    topics: overrides.topics ?? base.topics,
    uploads: { ...base.uploads, ...overrides.uploads },
    features: { ...base.features, ...overrides.features },
    notices: overrides.notices ?? base.notices,
    channels: { ...base.channels, ...overrides.channels },
    ...(overrides.secretGuard || base.secretGuard ? { secretGuard: { ...base.secretGuard, ...overrides.secretGuard } } : {}),
    ...(overrides.secretPatterns ? { secretPatterns: overrides.secretPatterns } : {}),
  };
}
