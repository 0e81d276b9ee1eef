// A tiny static host for the demo pages: serves examples/ as a "customer site" on its own
// origin, with the built widget under /parley/, so the demo embeds Parley exactly as a real
// site would (cross-origin to the backend, by script tag).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * @param {{ port?: number, host?: string, endpoint: string, headers?: Record<string,string>,
 *           pages?: Record<string, string> }} options
 *   `pages` maps extra URL paths to HTML strings (tests use it for one-off host pages).
 */
export async function startDemoHost({ port = 0, host = '127.0.0.1', endpoint, headers = {}, pages = {} }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (pages[url.pathname] !== undefined) return send(res, 200, TYPES['.html'], inject(pages[url.pathname], endpoint), headers);
      let file;
      if (url.pathname.startsWith('/parley/')) file = safeJoin(join(root, 'dist'), url.pathname.slice('/parley/'.length));
      else if (url.pathname.startsWith('/node_modules/')) file = safeJoin(join(root, 'node_modules'), url.pathname.slice('/node_modules/'.length));
      else {
        const path = url.pathname === '/' || !extname(url.pathname) ? '/index.html' : url.pathname;
        file = safeJoin(join(root, 'examples', 'script-tag'), path);
      }
      if (!file || !(await stat(file).catch(() => null))?.isFile()) return send(res, 404, 'text/plain', 'not found', headers);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (type.startsWith('text/html')) body = inject(body.toString('utf8'), endpoint);
      send(res, 200, type, body, headers);
    } catch (error) {
      send(res, 500, 'text/plain', String(error), headers);
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function inject(html, endpoint) {
  return html.replaceAll('{{PARLEY_ENDPOINT}}', endpoint);
}

function safeJoin(base, path) {
  const full = normalize(join(base, decodeURIComponent(path)));
  return full.startsWith(base) ? full : null;
}

function send(res, status, type, body, headers) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
