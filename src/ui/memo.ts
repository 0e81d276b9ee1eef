import { Component, type FunctionComponent, h } from 'preact';

/**
 * A component that re-renders only when `equal(previous, next)` says its props changed. The
 * rows of the message list use it, so a new message in a long conversation renders one row, not
 * every row. (preact/compat's `memo` would bring all of compat, which patches Preact globally.)
 *
 * @example
 * ```tsx
 * export const SystemEvent = memo(function SystemEvent({ message }: { message: ClientMessage }) { … });
 * ```
 */
export function memo<P extends object>(render: FunctionComponent<P>, equal: (a: P, b: P) => boolean = shallowEqual): FunctionComponent<P> {
  class Memo extends Component<P> {
    static override displayName = `Memo(${render.displayName ?? render.name})`;
    override shouldComponentUpdate(next: P): boolean {
      return !equal(this.props, next);
    }
    override render() {
      return h(render, this.props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}

export function shallowEqual<P extends object>(a: P, b: P): boolean {
  const keys = Object.keys(a) as Array<keyof P>;
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is(a[key], b[key]));
}
