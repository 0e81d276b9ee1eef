import { en, type Catalog } from './en.js';

/** A language the widget ships: its own name (for the language menu) and its catalog loader. */
export interface LocaleDefinition {
  /** The language's name in itself, e.g. `Русский`. */
  name: string;
  load: () => Promise<Partial<Catalog>>;
}

/**
 * The shipped languages. English is bundled; every other catalog is a dynamic `import()`, so the
 * bundler emits it as its own chunk and a visitor downloads only the language they use. Adding a
 * language is one file in this folder plus one line here; direction comes from `isRtlLocale`.
 */
export const builtinLocales: Readonly<Record<string, LocaleDefinition>> = {
  en: { name: 'English', load: () => Promise.resolve(en) },
  ru: { name: 'Русский', load: () => import('./ru.js').then((module) => module.ru) },
  de: { name: 'Deutsch', load: () => import('./de.js').then((module) => module.de) },
  es: { name: 'Español', load: () => import('./es.js').then((module) => module.es) },
  uk: { name: 'Українська', load: () => import('./uk.js').then((module) => module.uk) },
  ar: { name: 'العربية', load: () => import('./ar.js').then((module) => module.ar) },
};
