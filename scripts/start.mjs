// `npm start`: build, then run the reference backend, the operator console and a demo host
// page that embeds the widget by script tag, and print where to find them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoHost } from './startDemoHost.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.PARLEY_SKIP_BUILD !== '1' || !existsSync(new URL('../dist/server.js', import.meta.url))) {
  console.log('Building parley-chat…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { createParleyServer } = await import('../dist/server.js');
const apiPort = Number(process.env.PARLEY_PORT ?? 8787);
const demoPort = Number(process.env.PARLEY_DEMO_PORT ?? 8080);

const api = await listenWithFallback((port) =>
  createParleyServer({
    port,
    dataDir: process.env.PARLEY_DATA_DIR ?? '.parley-data',
    // The demo shows the first line: the bot answers from kb/ until the visitor asks for a person.
    bot: true,
    // The demo exchange's own API secrets are guarded too (try pasting nwx_sk_ and 24 letters).
    config: { secretPatterns: [{ name: 'Northwind API secret', source: 'nwx_sk_[A-Za-z0-9]{24}' }] },
    ...(process.env.PARLEY_OPERATOR_KEY ? { operatorKey: process.env.PARLEY_OPERATOR_KEY } : {}),
  }),
  apiPort,
);
const demo = await listenWithFallback((port) => startDemoHost({ port, endpoint: api.url }), demoPort);

console.log(`
Parley is running.

  Demo host page (the widget, by script tag):  ${demo.url}/
  Operator console (reply from here):          ${api.url}/console#key=${api.operatorKey}
  Reference backend (Parley Protocol v1):      ${api.url}/v1

Open the demo page and the console side by side. Press Ctrl+C to stop.
`);

const stop = async () => {
  await Promise.allSettled([demo.close(), api.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Tries the preferred port, then a random one, so `npm start` works when 8787/8080 are taken. */
async function listenWithFallback(start, port) {
  try {
    return await start(port);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is busy; using a random free port instead.`);
    return start(0);
  }
}
