// The reference backend for `npm run bench:server`, in a process of its own so that the load
// generator does not share its event loop. Started by bench/server.mjs with fork(); reports its
// URL, and its CPU time and memory when asked.
import { fileURLToPath } from 'node:url';

const { createParleyServer } = await import(fileURLToPath(new URL('../../dist/server.js', import.meta.url)));
const server = await createParleyServer({
  port: 0,
  database: ':memory:',
  limits: { rate: false },
  quiet: true,
  kbDir: false,
  bot: false,
});

process.on('message', async (message) => {
  if (message === 'stats') {
    process.send?.({ type: 'stats', cpu: process.cpuUsage(), memory: process.memoryUsage() });
  } else if (message === 'close') {
    await server.close();
    process.exit(0);
  }
});
process.send?.({ type: 'ready', url: server.url, operatorKey: server.operatorKey });
