import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { createTranslator, type Translator } from './createTranslator.js';
import { builtinLocales } from './locales/index.js';
import { en, type Catalog } from './locales/en.js';
import { resolveLocale } from './resolveLocale.js';

export type CatalogLoader = () => Promise<Partial<Catalog>>;

export interface LocaleInfo {
  /** The catalog language, e.g. `ru`. */
  code: string;
  /** Its name in itself, for a language menu. */
  name: string;
}

export interface I18nOptions {
  /** The visitor's locale; usually the client's `$locale`. Any BCP 47 tag: `ru-RU` uses `ru`. */
  locale: ReadableAtom<string>;
  /** Copy changes per language, e.g. `{ en: { 'welcome.start': 'Ask a question' } }`. */
  overrides?: Readonly<Record<string, Partial<Catalog>>>;
  /** Extra languages (or replacements), loaded on first use. Missing keys fall back to English. */
  loaders?: Readonly<Record<string, CatalogLoader>>;
  /** The language when nothing matches. Default `en`. */
  fallback?: string;
  onWarning?: (message: string) => void;
}

export interface I18n {
  /** The current translator; changes when the locale changes and its catalog has loaded. */
  readonly $t: ReadableAtom<Translator>;
  /** Text direction of the language shown. */
  readonly $dir: ReadableAtom<'ltr' | 'rtl'>;
  /** False while the catalog for a new locale is loading (the previous one stays on screen). */
  readonly $ready: ReadableAtom<boolean>;
  /** Languages a visitor can pick. */
  readonly locales: readonly LocaleInfo[];
  /** Resolves when the catalog for the current locale is loaded (or failed and fell back). */
  whenReady(): Promise<void>;
}

/**
 * The translation runtime. English is bundled; other catalogs load on first use, while the store
 * is observed (nanostores `onMount`), so an unused i18n holds no subscription.
 *
 * @example
 * ```ts
 * const i18n = createI18n({ locale: client.$locale, overrides: { en: { 'welcome.start': 'Ask us' } } });
 * i18n.$t.subscribe((t) => console.log(t('launcher.open')));
 * ```
 */
export function createI18n(options: I18nOptions): I18n {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const loaders = new Map<string, CatalogLoader>();
  const names = new Map<string, string>();
  for (const [code, definition] of Object.entries(builtinLocales)) {
    loaders.set(code, definition.load);
    names.set(code, definition.name);
  }
  for (const [code, loader] of Object.entries(options.loaders ?? {})) loaders.set(code, loader);
  for (const code of Object.keys(options.overrides ?? {})) {
    if (!loaders.has(code)) loaders.set(code, () => Promise.resolve({}));
  }
  const available = [...loaders.keys()];
  const fallback = resolveLocale(options.fallback ?? 'en', available);
  const catalogs = new Map<string, Partial<Catalog>>([['en', en]]);
  const loading = new Map<string, Promise<void>>();
  let request = 0;

  const withOverrides = (language: string, catalog: Partial<Catalog>) => ({
    ...catalog,
    ...options.overrides?.[language],
  });
  const english = withOverrides('en', en);
  const translatorFor = (tag: string, language: string) =>
    createTranslator(tag, language, { ...english, ...withOverrides(language, catalogs.get(language) ?? {}) }, warn);

  function load(language: string): Promise<void> {
    if (catalogs.has(language)) return Promise.resolve();
    let pending = loading.get(language);
    if (!pending) {
      pending = loaders
        .get(language)!()
        .then(
          (catalog) => void catalogs.set(language, catalog),
          (error: unknown) => {
            // A failed chunk (offline, CSP) must not break the widget: show the fallback language.
            warn(`Parley: could not load the "${language}" translations (${String(error)}); using "${fallback}"`);
          },
        )
        .finally(() => loading.delete(language));
      loading.set(language, pending);
    }
    return pending;
  }

  const initialTag = options.locale.get();
  const initialLanguage = resolveLocale(initialTag, available, fallback);
  const $state = atom({
    translator: translatorFor(initialTag, catalogs.has(initialLanguage) ? initialLanguage : fallback),
    ready: catalogs.has(initialLanguage),
  });

  function select(tag: string) {
    const language = resolveLocale(tag, available, fallback);
    const current = ++request;
    if (catalogs.has(language)) {
      $state.set({ translator: translatorFor(tag, language), ready: true });
      return;
    }
    $state.set({ ...$state.get(), ready: false });
    void load(language).then(() => {
      if (current !== request) return;
      const shown = catalogs.has(language) ? language : fallback;
      $state.set({ translator: translatorFor(tag, shown), ready: true });
    });
  }

  onMount($state, () => options.locale.subscribe(select));

  const $t = computed($state, (state) => state.translator);
  return {
    $t,
    $dir: computed($t, (t) => t.dir),
    $ready: computed($state, (state) => state.ready),
    locales: available.map((code) => ({ code, name: names.get(code) ?? displayName(code) })),
    whenReady: () => load(resolveLocale(options.locale.get(), available, fallback)),
  };
}

function displayName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // Intl.DisplayNames is missing in old engines and throws on malformed tags: show the code.
    return code;
  }
}
