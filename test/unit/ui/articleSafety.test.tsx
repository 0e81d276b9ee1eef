import { atom } from 'nanostores';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../../src/core/index.js';
import { click, settle, setupPerTest, type Env } from './setup.js';

const open = setupPerTest();

/** A knowledge-base article as a compromised or careless CMS might serve it. */
const TITLE = 'Fees <img src=x onerror="window.__parleyPwned=1">';
const BODY = [
  '## Before you pay <script>window.__parleyPwned=1</script>',
  '',
  '<script>window.__parleyPwned = true</script>',
  '',
  'See the chart: <img src="x" onerror="window.__parleyPwned = true"> and ![chart](javascript:alert(1))',
  '',
  '[Open the fees page](javascript:alert(document.cookie)) or [download the PDF](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).',
  '',
  '<a href="javascript:alert(1)">Raw link</a> javascript:alert(2) data:text/html,<b>x</b>',
  '',
  '- Read [our phishing guide](https://exchange.example/help/phishing)',
  '- or write to support@exchange.example',
].join('\n');

const article: Article = {
  id: 'fees',
  title: TITLE,
  body: BODY,
  locale: 'en',
  tags: ['fees'],
  updatedAt: '2026-11-01T10:00:00.000Z',
};

async function openArticle(): Promise<Env> {
  const env = await open({
    screen: 'home',
    transport: { config: { features: { knowledgeBase: true } }, articles: [article] },
    widget: { $pageUrl: atom('https://exchange.example/fees') },
  });
  await settle(4);
  await click(env.$('.article-link'));
  await settle(4);
  expect(env.view.$screen.get()).toBe('article');
  return env;
}

describe('a hostile article body', () => {
  test('renders markup as text: no script or image elements, no event handlers', async () => {
    const env = await openArticle();
    const body = env.$('.article-body');
    expect(body).not.toBeNull();
    const panel = env.$('.article')!;
    expect(panel.querySelectorAll('script, img, iframe, object, embed, svg, style')).toHaveLength(0);
    const handlers = [...panel.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
    );
    expect(handlers).toEqual([]);
    // What the CMS sent is still readable, as text.
    expect(body!.textContent).toContain('<script>window.__parleyPwned = true</script>');
    expect(body!.textContent).toContain('<img src="x" onerror="window.__parleyPwned = true">');
    expect(env.$('.article h2')?.textContent).toBe(TITLE);
    expect((window as { __parleyPwned?: unknown }).__parleyPwned).toBeUndefined();
  });

  test('javascript: and data: links stay text; safe links open with rel="noopener noreferrer"', async () => {
    const env = await openArticle();
    const body = env.$('.article-body')!;
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://exchange.example/help/phishing',
      'mailto:support@exchange.example',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(links.map((a) => a.textContent)).toEqual(['our phishing guide', 'support@exchange.example']);
    // The unsafe links' labels are shown, but nothing about them can be clicked.
    expect(body.textContent).toContain('Open the fees page');
    expect(body.textContent).toContain('download the PDF');
    expect(body.textContent).toContain('Raw link');
    const everyHref = [...env.root.querySelectorAll('[href], [src], [action], [formaction]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction'),
    );
    expect(everyHref.filter((value) => /^\s*(javascript|data|vbscript):/i.test(value ?? ''))).toEqual([]);
  });
});
