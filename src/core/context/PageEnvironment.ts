/**
 * What the context collector reads from the page, injected so the core never touches `window`
 * directly and tests can describe any page. `createBrowserEnvironment` builds it from a window.
 */
export interface PageEnvironment {
  url(): string;
  title(): string;
  referrer(): string;
  language(): string;
  timeZone(): string;
  viewport(): { width: number; height: number };
}

export function createBrowserEnvironment(win: Window): PageEnvironment {
  return {
    url: () => win.location.href,
    title: () => win.document.title,
    referrer: () => win.document.referrer,
    language: () => win.navigator.language,
    timeZone: () => {
      try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone;
      } catch {
        return 'UTC';
      }
    },
    viewport: () => ({ width: win.innerWidth, height: win.innerHeight }),
  };
}
