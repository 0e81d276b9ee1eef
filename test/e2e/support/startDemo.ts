import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoHost } from '../../../scripts/startDemoHost.mjs';
import type { ParleyServerOptions } from '../../../src/server/index.js';

// The built server, exactly as `npm start` runs it: e2e tests what ships (run `npm run build` first).
const distServer = new URL('../../../dist/server.js', import.meta.url).href;
type ServerModule = typeof import('../../../src/server/index.js');

export interface Demo {
  apiUrl: string;
  demoUrl: string;
  consoleUrl: string;
  operatorKey: string;
  close(): Promise<void>;
}

export interface DemoOptions {
  pages?: Record<string, string>;
  headers?: Record<string, string>;
  /** The first-line bot (`parley-chat serve --bot`); off by default, so people answer directly. */
  bot?: ParleyServerOptions['bot'];
  /** Accept identities signed with this secret (`signIdentity`), as a host's backend would issue them. */
  identitySecret?: string;
}

/** The reference backend (real SQLite file) and the demo host page, on random 127.0.0.1 ports. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { bot, identitySecret, ...hostOptions } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-e2e-'));
  const { createParleyServer } = (await import(distServer)) as ServerModule;
  const api = await createParleyServer({
    port: 0,
    dataDir,
    quiet: true,
    ...(bot !== undefined ? { bot } : {}),
    ...(identitySecret ? { identitySecret } : {}),
  });
  const host = await startDemoHost({ port: 0, endpoint: api.url, ...hostOptions });
  return {
    apiUrl: api.url,
    demoUrl: host.url,
    consoleUrl: `${api.url}/console#key=${api.operatorKey}`,
    operatorKey: api.operatorKey,
    async close() {
      await host.close();
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
