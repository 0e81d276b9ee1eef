// The benchmark's "customer site": one static host page in three variants (no widget, Parley by
// script tag, Deep Chat as its docs embed it), served the way a CDN would serve them: gzip for
// text, no caching between runs (every run is a fresh browser context anyway).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const MOUNTS = {
  '/parley/': join(root, 'dist'),
  '/deep-chat/': join(root, 'node_modules/deep-chat/dist'),
};

/**
 * @param {{ endpoint: string }} options the Parley backend's URL
 * @returns {Promise<{ url: string; close(): Promise<void> }>}
 */
export async function startBenchHost({ endpoint }) {
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/echo' && req.method === 'POST') {
        // Deep Chat's `connect` target: answers like a backend would (never used during load).
        req.resume();
        return send(req, res, 200, TYPES['.json'], Buffer.from('{"text":"ok"}'), gzipCache);
      }
      const page = PAGES[url.pathname];
      if (page) return send(req, res, 200, TYPES['.html'], Buffer.from(page(endpoint)), gzipCache);
      const mount = Object.keys(MOUNTS).find((prefix) => url.pathname.startsWith(prefix));
      if (!mount) return send(req, res, 404, 'text/plain', Buffer.from('not found'), gzipCache);
      const base = MOUNTS[mount];
      const file = normalize(join(base, decodeURIComponent(url.pathname.slice(mount.length))));
      if (!file.startsWith(base) || !(await stat(file).catch(() => null))?.isFile()) {
        return send(req, res, 404, 'text/plain', Buffer.from('not found'), gzipCache);
      }
      send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), gzipCache, file);
    } catch (error) {
      send(req, res, 500, 'text/plain', Buffer.from(String(error)), gzipCache);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}

function send(req, res, status, type, body, cache, cacheKey) {
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };
  const compressible = /^(text\/|application\/json|image\/svg)/.test(type);
  if (compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    let gz = cacheKey ? cache.get(cacheKey) : undefined;
    if (!gz) {
      gz = gzipSync(body, { level: 9 });
      if (cacheKey) cache.set(cacheKey, gz);
    }
    res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    return res.end(gz);
  }
  res.writeHead(status, headers);
  res.end(body);
}

// One host page, identical in every variant except the embed snippet at the end of <body>.
const article = Array.from(
  { length: 12 },
  (_, i) => `<h2>Section ${i + 1}</h2><p>Deposits in USDT (TRC-20) arrive after 20 network confirmations. If a
deposit has not arrived after two hours, contact support with the transaction hash. Withdrawals are
checked by hand above 10,000 USDT; the review takes up to an hour on business days.</p>`,
).join('\n');

const layout = (title, embed) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2433; }
  header { padding: 16px 32px; background: #101828; color: #fff; font-weight: 700; }
  main { max-width: 760px; margin: 0 auto; padding: 24px 32px 120px; }
</style>
</head>
<body>
<header>Northwind Exchange</header>
<main><h1>Deposit help</h1>
${article}
</main>
${embed}
</body>
</html>`;

/** @type {Record<string, (endpoint: string) => string>} */
export const PAGES = {
  '/none.html': () => layout('No widget', ''),
  // Exactly the README's snippet.
  '/parley.html': (endpoint) =>
    layout('Parley', `<script async src="/parley/parley.js" data-endpoint="${endpoint}"></script>`),
  // As Deep Chat's docs embed it: the module bundle and the element. It is an inline chat box,
  // not a launcher, so it is pinned to the corner where a launcher would be.
  '/deepchat.html': () =>
    layout(
      'Deep Chat',
      `<script type="module" src="/deep-chat/deepChat.bundle.js"></script>
<deep-chat style="position: fixed; right: 20px; bottom: 20px; z-index: 10; border-radius: 10px;"
  connect='{"url": "/echo"}'></deep-chat>`,
    ),
};
