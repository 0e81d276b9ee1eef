import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ArticleListSchema, ArticleResponseSchema, WidgetConfigSchema } from '../../../src/core/protocol/index.js';
import { loadArticles } from '../../../src/server/kb/loadArticles.js';
import { markdownToText } from '../../../src/server/kb/markdownToText.js';
import { matchUrlPattern } from '../../../src/server/kb/matchUrlPattern.js';
import { FrontMatterError, parseFrontMatter } from '../../../src/server/kb/parseFrontMatter.js';
import { searchStems } from '../../../src/server/kb/searchTerms.js';
import { call, newVisitor, useServer } from './helpers.js';

const REPO_KB = fileURLToPath(new URL('../../../kb', import.meta.url));

function article(front: Record<string, string>, body: string): string {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

/** A small knowledge base on disk: two topics in both languages, two in English only. */
function writeFixtureKb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
  mkdirSync(join(dir, 'en'));
  mkdirSync(join(dir, 'ru'));
  const files: Record<string, string> = {
    'en/deposit.md': article(
      { id: 'deposit-not-arriving', title: 'My deposit has not arrived', locale: 'en', tags: '[deposit, usdt]', urls: '["/deposit*", "/wallet/*"]', updated: '2026-11-01' },
      '## Check the network\n\nA deposit is credited after the **network confirmations**. Compare the TxID in a block explorer.\n\n1. Copy the TxID.\n2. Open the explorer.',
    ),
    'ru/deposit.md': article(
      { id: 'deposit-not-arriving', title: 'Не пришёл депозит', locale: 'ru', tags: '[депозит, usdt]', urls: '["/deposit*"]', updated: '2026-11-01' },
      '## Проверьте сеть\n\nСредства зачисляются после подтверждений сети. Пополнение в USDT через TRC-20 обычно занимает несколько минут.',
    ),
    'en/withdrawal.md': article(
      { id: 'withdrawal-limits', title: 'Withdrawal limits', locale: 'en', tags: '[withdrawal, limits]', urls: '["/withdraw*"]' },
      'Your daily withdrawal limit depends on the verification level.',
    ),
    'ru/withdrawal.md': article(
      { id: 'withdrawal-limits', title: 'Лимиты на вывод', locale: 'ru', tags: '[вывод, лимиты]', urls: '["/withdraw*"]' },
      'Суточный лимит на вывод средств зависит от уровня верификации.',
    ),
    'en/phishing.md': article(
      { id: 'phishing-protection', title: 'Phishing and fake support', locale: 'en', tags: '[security, phishing]', urls: '["/*"]' },
      'We will never ask for your seed phrase or private keys.',
    ),
    'en/fees.md': article(
      { id: 'trading-fees', title: 'Trading fees', locale: 'en', tags: '[fees, markets, usdt]' },
      'Makers pay 0.10% and takers 0.15%. Withdrawals of USDT carry a network fee.',
    ),
    'en/broken.md': '---\nid: broken\ntags [oops]\n---\nText.\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  // Many short articles sharing a word, to check the result limit.
  for (let n = 1; n <= 12; n++) {
    writeFileSync(
      join(dir, 'en', `note-${n}.md`),
      article({ id: `ledger-note-${n}`, title: `Ledger note ${n}`, locale: 'en' }, `A ledger note about statements, number ${n}.`),
    );
  }
  return dir;
}

const fixtureDir = writeFixtureKb();
afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

describe('knowledge base routes', () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const server = useServer({ kbDir: fixtureDir });
  afterAll(() => errors.mockRestore());

  async function get(path: string) {
    const visitor = await newVisitor(server.current);
    return call(server.current, 'GET', path, { token: visitor.token });
  }
  const ids = (body: { articles: { id: string }[] }) => body.articles.map((a) => a.id);

  it('logs and skips an article with bad front matter, naming the file and line', () => {
    const logged = errors.mock.calls.map((args) => String(args[0])).join('\n');
    expect(logged).toContain('en/broken.md:3');
    expect(logged).toContain('"tags [oops]" is not "key: value"');
  });

  it('reports the knowledge base in the config', async () => {
    const res = await call(server.current, 'GET', '/v1/config');
    expect(WidgetConfigSchema.parse(res.body).features.knowledgeBase).toBe(true);
  });

  it('needs a visitor session', async () => {
    expect((await call(server.current, 'GET', '/v1/kb/search?q=deposit')).status).toBe(401);
    expect((await call(server.current, 'GET', '/v1/kb/suggest?url=/deposit')).status).toBe(401);
    expect((await call(server.current, 'GET', '/v1/kb/articles/deposit-not-arriving')).status).toBe(401);
  });

  it('searches English with an excerpt around the match', async () => {
    const res = await get('/v1/kb/search?q=network%20confirmations&locale=en');
    expect(res.status).toBe(200);
    const body = ArticleListSchema.parse(res.body);
    expect(ids(body)[0]).toBe('deposit-not-arriving');
    expect(body.articles[0]).toMatchObject({ title: 'My deposit has not arrived', locale: 'en', tags: ['deposit', 'usdt'] });
    expect(body.articles[0]?.excerpt).toMatch(/network confirmations/i);
    // Markdown is not part of excerpts.
    expect(body.articles[0]?.excerpt).not.toMatch(/\*\*|##/);
  });

  it('matches prefixes as the visitor types', async () => {
    expect(ids((await get('/v1/kb/search?q=depo&locale=en')).body)[0]).toBe('deposit-not-arriving');
    expect(ids((await get('/v1/kb/search?q=withdr&locale=en')).body)[0]).toBe('withdrawal-limits');
    expect(ids((await get('/v1/kb/search?q=%D0%B2%D1%8B%D0%B2&locale=ru')).body)[0]).toBe('withdrawal-limits'); // "выв"
  });

  it('finds Russian articles from inflected forms', async () => {
    // "депозита" (genitive) finds "депозит"; "средствами" (instrumental) finds "средства".
    const deposit = await get(`/v1/kb/search?q=${encodeURIComponent('нет депозита')}&locale=ru`);
    expect(deposit.body.articles[0]).toMatchObject({ id: 'deposit-not-arriving', locale: 'ru', title: 'Не пришёл депозит' });
    const funds = await get(`/v1/kb/search?q=${encodeURIComponent('средствами')}&locale=ru-RU`);
    expect(ids(funds.body)).toEqual(expect.arrayContaining(['deposit-not-arriving', 'withdrawal-limits']));
    expect(funds.body.articles.every((a: { locale: string }) => a.locale === 'ru')).toBe(true);
    // ё and е are the same letter to the index.
    const yo = await get(`/v1/kb/search?q=${encodeURIComponent('пришел')}&locale=ru`);
    expect(ids(yo.body)).toEqual(['deposit-not-arriving']);
    // Excerpts keep the article's own spelling.
    const excerpt = await get(`/v1/kb/search?q=${encodeURIComponent('зачисляется')}&locale=ru`);
    expect(excerpt.body.articles[0].excerpt).toContain('Проверьте сеть. Средства зачисляются');
    const withYo = await get(`/v1/kb/search?q=${encodeURIComponent('пришёл')}&locale=ru`);
    expect(ids(withYo.body)).toEqual(['deposit-not-arriving']);
  });

  it('lists the visitor locale first, then English articles it lacks', async () => {
    const res = await get('/v1/kb/search?q=usdt&locale=ru');
    const found = res.body.articles.map((a: { id: string; locale: string }) => `${a.id}/${a.locale}`);
    expect(found).toEqual(['deposit-not-arriving/ru', 'trading-fees/en']);
    const english = await get('/v1/kb/search?q=seed%20phrase&locale=ru');
    expect(english.body.articles[0]).toMatchObject({ id: 'phishing-protection', locale: 'en' });
  });

  it('returns at most 10 results', async () => {
    const res = await get('/v1/kb/search?q=ledger&locale=en');
    expect(res.body.articles).toHaveLength(10);
    expect((await get('/v1/kb/search?q=zzzqqq&locale=en')).body).toEqual({ articles: [] });
    expect((await get('/v1/kb/search?q=%3F%3F%3F')).body).toEqual({ articles: [] });
  });

  it('suggests articles for the page path, the most specific pattern first', async () => {
    const res = await get(`/v1/kb/suggest?url=${encodeURIComponent('https://x.test/deposit?coin=usdt')}&locale=en`);
    expect(res.status).toBe(200);
    const body = ArticleListSchema.parse(res.body);
    expect(ids(body)[0]).toBe('deposit-not-arriving');
    // `/*` matches every page; tags match words of the query string (usdt).
    expect(ids(body)).toEqual(['deposit-not-arriving', 'phishing-protection', 'trading-fees']);
    expect(body.articles[0]?.excerpt).toMatch(/^Check the network\. A deposit is credited/);

    const ru = await get(`/v1/kb/suggest?url=${encodeURIComponent('/withdraw/btc')}&locale=ru`);
    expect(ru.body.articles[0]).toMatchObject({ id: 'withdrawal-limits', locale: 'ru' });
    const wallet = await get(`/v1/kb/suggest?url=${encodeURIComponent('https://x.test/WALLET/usdt')}`);
    expect(ids(wallet.body)[0]).toBe('deposit-not-arriving');
    const markets = await get(`/v1/kb/suggest?url=${encodeURIComponent('https://x.test/markets/btc')}`);
    expect(ids(markets.body)).toEqual(['phishing-protection', 'trading-fees']);
    expect((await get('/v1/kb/suggest?url=https%3A%2F%2Fx.test%2F')).body.articles.length).toBeLessThanOrEqual(5);
  });

  it('serves an article in the asked locale, else in English', async () => {
    const ru = await get('/v1/kb/articles/deposit-not-arriving?locale=ru-RU');
    expect(ru.status).toBe(200);
    const { article: ruArticle } = ArticleResponseSchema.parse(ru.body);
    expect(ruArticle).toMatchObject({ id: 'deposit-not-arriving', locale: 'ru', title: 'Не пришёл депозит', updatedAt: '2026-11-01T00:00:00.000Z' });
    expect(ruArticle.body).toMatch(/^## Проверьте сеть/);

    const fallback = await get('/v1/kb/articles/phishing-protection?locale=ru');
    expect(fallback.body.article).toMatchObject({ id: 'phishing-protection', locale: 'en' });
    const noLocale = await get('/v1/kb/articles/deposit-not-arriving');
    expect(noLocale.body.article.locale).toBe('en');
    const missing = await get('/v1/kb/articles/no-such-article?locale=ru');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('refuses bad queries with 400 invalid_query', async () => {
    for (const path of [
      '/v1/kb/search',
      '/v1/kb/search?q=',
      '/v1/kb/search?q=%20%20',
      `/v1/kb/search?q=${'a'.repeat(201)}`,
      '/v1/kb/search?q=fees&locale=not%20a%20locale',
      '/v1/kb/suggest',
      '/v1/kb/suggest?url=',
      `/v1/kb/suggest?url=${encodeURIComponent('http://[::1')}`,
      `/v1/kb/suggest?url=/${'a'.repeat(2048)}`,
      '/v1/kb/articles/deposit-not-arriving?locale=%21%21',
    ]) {
      const res = await get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'invalid_query' });
    }
  });
});

describe('knowledge base turned off', () => {
  const server = useServer({ kbDir: false });

  it('reports no knowledge base and finds nothing', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.features.knowledgeBase).toBe(false);
    const visitor = await newVisitor(server.current);
    const search = await call(server.current, 'GET', '/v1/kb/search?q=deposit', { token: visitor.token });
    expect(search.body).toEqual({ articles: [] });
  });
});

describe('the demo articles in kb/', () => {
  const server = useServer();
  const topics: Record<string, string[]> = {
    'deposit-not-arriving': ['/deposit*'],
    'withdrawal-limits': ['/withdraw*'],
    'reset-2fa': ['/security*', '/settings/2fa*'],
    'verification-kyc': ['/verification*', '/kyc*'],
    'trading-fees': ['/fees*', '/markets*'],
    'phishing-protection': ['/*'],
    'api-keys': ['/api*', '/settings/api*'],
    'account-recovery': ['/login*', '/recovery*'],
  };

  it('has every topic in English and Russian, each a real article', async () => {
    const { articles, problems } = await loadArticles(REPO_KB);
    expect(problems).toEqual([]);
    for (const locale of ['en', 'ru']) {
      const mine = articles.filter((a) => a.locale === locale);
      expect(mine.length).toBeGreaterThanOrEqual(8);
      for (const [id, urls] of Object.entries(topics)) {
        const found = mine.find((a) => a.id === id);
        expect(found, `${id} in ${locale}`).toBeDefined();
        expect(found?.urls).toEqual(expect.arrayContaining(urls));
        const words = found?.text.split(/\s+/).length ?? 0;
        expect(words, `${id} in ${locale} has ${words} words`).toBeGreaterThanOrEqual(150);
        expect(words, `${id} in ${locale} has ${words} words`).toBeLessThanOrEqual(400);
        expect(found?.body).toMatch(/^## /m);
        expect(found?.body).toMatch(/^1\. /m);
      }
    }
    const phishing = articles.find((a) => a.id === 'phishing-protection' && a.locale === 'en');
    expect(phishing?.body).toMatch(/never ask for your seed phrase/i);
  });

  it('are served by default from a checkout, in both languages', async () => {
    const config = await call(server.current, 'GET', '/v1/config');
    expect(config.body.features.knowledgeBase).toBe(true);
    const visitor = await newVisitor(server.current);
    const suggest = await call(server.current, 'GET', `/v1/kb/suggest?url=${encodeURIComponent('https://x.test/deposit?coin=usdt')}`, {
      token: visitor.token,
    });
    expect(suggest.body.articles[0].id).toBe('deposit-not-arriving');
    const ru = await call(server.current, 'GET', `/v1/kb/search?q=${encodeURIComponent('забыл пароль')}&locale=ru`, {
      token: visitor.token,
    });
    expect(ru.body.articles[0]).toMatchObject({ id: 'account-recovery', locale: 'ru' });
    const twoFa = await call(server.current, 'GET', '/v1/kb/search?q=2fa&locale=en', { token: visitor.token });
    expect(twoFa.body.articles[0].id).toBe('reset-2fa');
  });
});

describe('knowledge-base building blocks', () => {
  it('parses the front-matter subset', () => {
    const parsed = parseFrontMatter(
      '---\nid: fees\ntitle: "Fees: what we charge"\ntags: [fees, "maker, taker"]\nurls:\n  - /fees*\n  - "/markets/*"\nupdated: 2026-11-01\n---\n# Body\n',
    );
    expect(parsed.data).toEqual({
      id: 'fees',
      title: 'Fees: what we charge',
      tags: ['fees', 'maker, taker'],
      urls: ['/fees*', '/markets/*'],
      updated: '2026-11-01',
    });
    expect(parsed.body).toBe('# Body\n');
    expect(parseFrontMatter('no front matter').data).toEqual({});
    expect(parseFrontMatter('---\nurls: ["/a#b", "/c"]  # pages\nid: x # the id\n---\n').data).toEqual({ urls: ['/a#b', '/c'], id: 'x' });
    expect(() => parseFrontMatter('---\nid: a\n')).toThrow(FrontMatterError);
    expect(() => parseFrontMatter('---\ntags: [a, "b]\n---\n')).toThrow(/never closed/);
    expect(() => parseFrontMatter('---\nid: a\nid: b\n---\n')).toThrow(/given twice/);
  });

  it('strips Markdown for the index', () => {
    expect(markdownToText('## Steps\n\n1. Open **Settings**\n2. Click [here](https://x.test) and `copy`\n\n- _done_')).toBe(
      'Steps. Open Settings Click here and copy done',
    );
  });

  it('matches URL globs on the path', () => {
    expect(matchUrlPattern('/deposit*', '/deposit')).toBe(true);
    expect(matchUrlPattern('/deposit*', '/deposits/usdt')).toBe(true);
    expect(matchUrlPattern('/wallet/*', '/wallet')).toBe(false);
    expect(matchUrlPattern('/*', '/anything/at/all')).toBe(true);
    expect(matchUrlPattern('/a.b', '/axb')).toBe(false);
  });

  it('stems English and Russian words and drops stopwords', () => {
    expect(searchStems('My deposits have not arrived')).toEqual(['deposit', 'arriv']);
    expect(searchStems('Где мои средства? Комиссия за вывода')).toEqual(['средств', 'комисс', 'вывод']);
    expect(searchStems('Счёт')).toEqual(['счет']);
  });
});
