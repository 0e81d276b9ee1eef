import { type ComponentType, type FunctionComponent, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useWidget } from './WidgetContext.js';

export interface LazyComponent<P> extends FunctionComponent<P> {
  /** Starts fetching the chunk now (for a part the visitor is about to need). */
  preload(): Promise<unknown>;
}

const loaders: Array<() => Promise<unknown>> = [];

/**
 * A component whose code is a separate chunk, fetched the first time it is needed, so that
 * opening the panel and sending a message never downloads rarely shown parts (the rating form,
 * topics, the away notice, attachments). It renders nothing until its chunk has arrived, then
 * the real component, for good. `needed` is a hook: while it returns false nothing is fetched
 * (for parts that are mounted all the time but usually render nothing).
 *
 * @example
 * ```ts
 * export const Rating = lazy(() => import('./Rating.js').then((m) => m.Rating), () => useRatingAsked());
 * ```
 */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  needed: (props: P) => boolean = () => true,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // the next render tries again
        throw error;
      },
    );
    return pending;
  };
  loaders.push(preload);

  function Lazy(props: P) {
    const { warn } = useWidget();
    const want = needed(props);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded || !want) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        (error: unknown) => warn(`Parley: a part of the chat panel failed to load (${String(error)}); it will be tried again`),
      );
      return () => {
        live = false;
      };
    }, [want]);
    return loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}

/** Loads every lazy part at once: for tests, which expect the whole panel to be there after a render. */
export function preloadLazyParts(): Promise<unknown> {
  return Promise.all(loaders.map((load) => load()));
}
