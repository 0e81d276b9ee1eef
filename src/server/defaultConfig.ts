import type {
  Availability,
  Features,
  UploadLimits,
  WidgetConfig,
} from '../core/protocol/index.js';
import { DEFAULT_SECRET_POLICY } from '../core/secrets/index.js';

/** Availability as configured; `online` and `nextOpenAt` are computed per request from the clock. */
export type AvailabilitySettings = Omit<Availability, 'online' | 'nextOpenAt'>;

/** The widget configuration the server holds, before availability is computed. */
export type DeskConfig = Omit<WidgetConfig, 'availability'> & { availability: AvailabilitySettings };

/** Partial overrides of {@link DeskConfig}: nested objects merge one level deep, arrays replace. */
export interface DeskConfigOverrides {
  brand?: Partial<DeskConfig['brand']>;
  greeting?: DeskConfig['greeting'];
  availability?: Partial<AvailabilitySettings>;
  topics?: DeskConfig['topics'];
  uploads?: Partial<UploadLimits>;
  features?: Partial<Features>;
  notices?: DeskConfig['notices'];
  channels?: Partial<DeskConfig['channels']>;
  secretGuard?: DeskConfig['secretGuard'];
  secretPatterns?: DeskConfig['secretPatterns'];
}

const weekdays = [1, 2, 3, 4, 5] as const;

/**
 * The reference desk: a crypto-exchange support team in Moscow that answers around the clock by
 * default; set `availability.alwaysOpen: false` to apply the Mon–Fri 09:00–21:00 hours.
 */
export const defaultConfig: DeskConfig = {
  protocol: 1,
  brand: { name: 'Parley Support', avatarUrl: null },
  greeting: {
    en: 'Hi! How can we help you today?',
    ru: 'Здравствуйте! Чем можем помочь?',
  },
  availability: {
    alwaysOpen: true,
    timeZone: 'Europe/Moscow',
    hours: weekdays.map((day) => ({ day, open: '09:00', close: '21:00' })),
    replyTimeMinutes: 3,
  },
  topics: [
    {
      id: 'how-it-works',
      label: {
        en: 'How it works',
        ru: 'Как это работает',
        de: 'So funktioniert es',
        es: 'Cómo funciona',
        uk: 'Як це працює',
        ar: 'كيف يعمل',
      },
    },
    {
      id: 'procedure',
      label: {
        en: 'Exchange procedure',
        ru: 'Порядок обмена',
        de: 'Ablauf des Tauschs',
        es: 'Procedimiento de cambio',
        uk: 'Порядок обміну',
        ar: 'إجراءات التبادل',
      },
    },
    {
      id: 'legal',
      label: {
        en: 'Legal questions',
        ru: 'Юридические вопросы',
        de: 'Rechtliche Fragen',
        es: 'Cuestiones legales',
        uk: 'Юридичні питання',
        ar: 'أسئلة قانونية',
      },
    },
    {
      id: 'technical',
      label: {
        en: 'Technical problem',
        ru: 'Техническая проблема',
        de: 'Technisches Problem',
        es: 'Problema técnico',
        uk: 'Технічна проблема',
        ar: 'مشكلة تقنية',
      },
    },
  ],
  uploads: {
    maxBytes: 10 * 1024 * 1024,
    maxFiles: 5,
    types: [
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'application/pdf',
      'text/plain',
      'application/zip',
    ],
  },
  features: {
    attachments: true,
    ratings: true,
    knowledgeBase: false,
    bot: false,
    emailCapture: true,
    transcriptExport: true,
    screenshots: true,
  },
  notices: [
    {
      id: 'never-ask-seed',
      level: 'info',
      dismissible: true,
      text: {
        en: 'We will never ask for your seed phrase, private keys or passwords.',
        ru: 'Мы никогда не попросим у вас сид-фразу, приватные ключи или пароли.',
      },
    },
  ],
  channels: { telegram: null, email: 'support@example.com' },
  // The widget's policy: keys and phrases never leave the page, card numbers are redacted,
  // host patterns ask first. The server redacts whatever is `block` or `redact` here as well.
  secretGuard: { ...DEFAULT_SECRET_POLICY },
};

/** Applies overrides to the default config without mutating either. */
export function mergeDeskConfig(base: DeskConfig, overrides: DeskConfigOverrides = {}): DeskConfig {
  const merged: DeskConfig = {
    ...base,
    brand: { ...base.brand, ...overrides.brand },
    greeting: overrides.greeting ?? base.greeting,
    availability: { ...base.availability, ...overrides.availability },
    topics: overrides.topics ?? base.topics,
    uploads: { ...base.uploads, ...overrides.uploads },
    features: { ...base.features, ...overrides.features },
    notices: overrides.notices ?? base.notices,
    channels: { ...base.channels, ...overrides.channels },
  };
  // Per kind, like the other nested objects: `{ card: 'block' }` keeps the other kinds' actions.
  if (base.secretGuard !== undefined || overrides.secretGuard !== undefined) {
    merged.secretGuard = { ...base.secretGuard, ...overrides.secretGuard };
  }
  if (overrides.secretPatterns !== undefined) merged.secretPatterns = overrides.secretPatterns;
  return merged;
}
