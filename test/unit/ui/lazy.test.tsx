import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { lazy } from '../../../src/ui/lazy.js';
import { WidgetContext, type WidgetContextValue } from '../../../src/ui/WidgetContext.js';

// Rarely shown parts of the panel are separate chunks, fetched when first needed.

let mount: HTMLElement;
afterEach(() => {
  render(null, mount);
  mount.remove();
});

function show(node: preact.ComponentChildren, warnings: string[] = []) {
  mount = document.createElement('div');
  document.body.append(mount);
  const context = { warn: (m: string) => warnings.push(m) } as unknown as WidgetContextValue;
  return act(() => render(<WidgetContext.Provider value={context}>{node}</WidgetContext.Provider>, mount));
}
const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('lazy', () => {
  test('renders nothing until its chunk has loaded, then the component', async () => {
    let resolve!: (c: (p: { name: string }) => preact.JSX.Element) => void;
    const Part = lazy(() => new Promise<(p: { name: string }) => preact.JSX.Element>((r) => (resolve = r)));
    await show(<Part name="Ada" />);
    expect(mount.innerHTML).toBe('');
    resolve(({ name }) => <p>Hello {name}</p>);
    await flush();
    expect(mount.innerHTML).toBe('<p>Hello Ada</p>');
  });

  test('fetches nothing while `needed` says no', async () => {
    let loads = 0;
    const Part = lazy(
      () => {
        loads++;
        return Promise.resolve(() => <p>rating</p>);
      },
      (props: { asked: boolean }) => props.asked,
    );
    await show(<Part asked={false} />);
    await flush();
    expect(loads).toBe(0);
    await show(<Part asked />);
    await flush();
    expect(loads).toBe(1);
    expect(mount.textContent).toBe('rating');
  });

  test('a chunk that fails to load is reported, never thrown into the page, and tried again', async () => {
    let attempts = 0;
    const Part = lazy(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(() => <p>ok</p>)));
    const warnings: string[] = [];
    await show(<Part />, warnings);
    await flush();
    expect(warnings).toEqual(['Parley: a part of the chat panel failed to load (Error: offline); it will be tried again']);
    render(null, mount);
    await show(<Part />, warnings);
    await flush();
    expect(attempts).toBe(2);
    expect(mount.textContent).toBe('ok');
  });
});
