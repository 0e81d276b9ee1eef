import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParleyServer } from '../../../src/server/index.js';
import { createFaultProxy, type FaultProxy } from '../../support/createFaultProxy.js';
import { operatorApi } from '../../support/operator.js';

export type RunningServer = Awaited<ReturnType<typeof createParleyServer>>;

export interface Stack {
  server: RunningServer;
  proxy: FaultProxy;
  operator: ReturnType<typeof operatorApi>;
  dataDir: string;
  /** Stops the server, keeping its data file, as a crash or deploy would. */
  stopServer(): Promise<void>;
  /** Starts it again on the same data; the proxy follows it to its new port. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/** The real reference server on 127.0.0.1 with a real SQLite file, behind a fault proxy. */
export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-it-'));
  const operatorKey = 'test-operator-key-0123456789';
  const start = () => createParleyServer({ port: 0, dataDir, operatorKey, quiet: true });
  let server = await start();
  const proxy = await createFaultProxy(server.port);
  const stack: Stack = {
    get server() {
      return server;
    },
    proxy,
    get operator() {
      return operatorApi(server.url, operatorKey);
    },
    dataDir,
    async stopServer() {
      await server.close();
    },
    async restartServer() {
      server = await start();
      proxy.setTarget(server.port);
    },
    async close() {
      await proxy.close();
      await server.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
