import { describe, expect, it } from 'vitest';
import { createContextSource } from '../../../src/core/context/createContextSource.js';
import { createBrowserEnvironment, type PageEnvironment } from '../../../src/core/context/PageEnvironment.js';
import { REDACTED } from '../../../src/core/context/redactUrl.js';
import { PageContextSchema } from '../../../src/core/protocol/index.js';

function page(patch: Partial<Record<keyof PageEnvironment, unknown>> = {}): PageEnvironment {
  const values = {
    url: 'https://shop.example.com/checkout?step=2&token=tok_live_123',
    title: 'Checkout — Acme',
    referrer: 'https://mail.example.com/inbox?email=jane@example.com',
    language: 'ru-RU',
    timeZone: 'Europe/Moscow',
    viewport: { width: 390.4, height: 843.6 },
    ...patch,
  };
  return {
    url: () => values.url as string,
    title: () => values.title as string,
    referrer: () => values.referrer as string,
    language: () => values.language as string,
    timeZone: () => values.timeZone as string,
    viewport: () => values.viewport as { width: number; height: number },
  };
}

describe('createContextSource.snapshot', () => {
  it('describes the page with the URL and referrer redacted', () => {
    const context = createContextSource(page(), { custom: { orderId: 'A-1042', items: 3 } }).snapshot()!;
    expect(context).toEqual({
      url: `https://shop.example.com/checkout?step=2&token=${REDACTED}`,
      title: 'Checkout — Acme',
      referrer: `https://mail.example.com/inbox?email=${REDACTED}`,
      locale: 'ru-RU',
      timeZone: 'Europe/Moscow',
      viewport: { width: 390, height: 844 },
      custom: { orderId: 'A-1042', items: 3 },
      at: expect.any(String),
    });
    expect(PageContextSchema.safeParse(context).success).toBe(true);
  });

  it('leaves out an empty referrer and empty custom context', () => {
    const context = createContextSource(page({ referrer: '' })).snapshot()!;
    expect(context).not.toHaveProperty('referrer');
    expect(context).not.toHaveProperty('custom');
  });

  it('sends nothing when context is disabled', () => {
    expect(createContextSource(page(), { enabled: false, custom: { a: 1 } }).snapshot()).toBeUndefined();
  });

  it('sends only allow-listed custom keys, and only scalar values', () => {
    const source = createContextSource(page(), {
      custom: { orderId: 'A-1', plan: 'pro', cardNumber: '4111111111111111', nested: { a: 1 } as never },
      allowKeys: ['orderId', 'plan', 'nested'],
    });
    expect(source.snapshot()!.custom).toEqual({ orderId: 'A-1', plan: 'pro' });
  });

  it('uses the host’s redact option for the page URL', () => {
    const source = createContextSource(page({ url: 'https://shop.example.com/o?orderRef=A-1' }), { redact: ['orderRef'] });
    expect(source.snapshot()!.url).toBe(`https://shop.example.com/o?orderRef=${REDACTED}`);
  });

  it('keeps the result within the protocol limits for very long pages', () => {
    const context = createContextSource(page({ url: `https://x.io/${'a'.repeat(5000)}`, title: 't'.repeat(2000) }), {
      custom: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, 'v'.repeat(3000)])),
    }).snapshot();
    expect(PageContextSchema.safeParse(context).success).toBe(true);
  });

  it('picks up new custom values from setCustom()', () => {
    const source = createContextSource(page(), { custom: { a: 1 } });
    source.setCustom({ b: 2 });
    expect(source.snapshot()!.custom).toEqual({ b: 2 });
  });
});

describe('createContextSource.enrich', () => {
  const base = () => createContextSource(page(), { custom: { orderId: 'A-1' } }).snapshot();

  it('merges the host’s getContext() result into custom', async () => {
    const source = createContextSource(page(), { getContext: async () => ({ cartTotal: 99.5 }) });
    const context = await source.enrich(base());
    expect(context!.custom).toEqual({ orderId: 'A-1', cartTotal: 99.5 });
  });

  it('applies the allow-list to what getContext() returns', async () => {
    const source = createContextSource(page(), {
      allowKeys: ['orderId', 'cartTotal'],
      getContext: () => ({ cartTotal: 10, password: 'hunter2' }),
    });
    expect((await source.enrich(base()))!.custom).toEqual({ orderId: 'A-1', cartTotal: 10 });
  });

  it('sends the base context with a warning when getContext() throws', async () => {
    const warnings: string[] = [];
    const source = createContextSource(page(), {
      getContext: () => {
        throw new Error('store not ready');
      },
      onWarning: (m) => warnings.push(m),
    });
    const before = base();
    expect(await source.enrich(before)).toEqual(before);
    expect(warnings).toEqual([expect.stringMatching(/getContext\(\) failed or timed out.*store not ready/)]);
  });

  it('sends the base context with a warning when getContext() never answers', async () => {
    const warnings: string[] = [];
    const source = createContextSource(page(), {
      getContext: () => new Promise(() => undefined),
      getContextTimeout: 30,
      onWarning: (m) => warnings.push(m),
    });
    const before = base();
    expect(await source.enrich(before)).toEqual(before);
    expect(warnings).toEqual([expect.stringMatching(/took longer than 30 ms/)]);
  });

  it('does not call getContext() when context is disabled', async () => {
    let called = 0;
    const source = createContextSource(page(), { enabled: false, getContext: () => ({ a: called++ }) });
    expect(await source.enrich(source.snapshot())).toBeUndefined();
    expect(called).toBe(0);
  });
});

describe('createBrowserEnvironment', () => {
  it('reads the page from a window', () => {
    document.title = 'Pricing';
    history.replaceState(null, '', '/pricing?plan=pro');
    const env = createBrowserEnvironment(window);
    expect(env.url()).toMatch(/\/pricing\?plan=pro$/);
    expect(env.title()).toBe('Pricing');
    expect(env.viewport()).toEqual({ width: window.innerWidth, height: window.innerHeight });
    expect(env.timeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
