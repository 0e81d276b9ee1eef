import { createClient } from '../../../src/core/client/createClient.js';
import type { ParleyClient } from '../../../src/core/client/ParleyClient.js';
import type { ClientOptions } from '../../../src/core/client/clientOptions.js';
import type { ParleyStorage } from '../../../src/core/persistence/index.js';
import { createMemoryStorage } from '../../../src/core/persistence/index.js';
import { createFakeServer, type FakeServer } from './createFakeServer.js';
import { createManualClock, type ManualClock } from './createManualClock.js';

export interface TestClient {
  client: ParleyClient;
  server: FakeServer;
  clock: ManualClock;
  storage: ParleyStorage;
  warnings: string[];
}

const live = new Set<ParleyClient>();

/** A client wired to the fake server, a manual clock and real storage; warnings are collected. */
export function createTestClient(
  setup: { server?: FakeServer; clock?: ManualClock; storage?: ParleyStorage } & Partial<ClientOptions> = {},
): TestClient {
  const { server = createFakeServer(), clock = createManualClock(), storage = createMemoryStorage(), ...options } = setup;
  const warnings: string[] = [];
  const client = createClient({
    transport: server.transport,
    clock,
    storage,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  live.add(client);
  return { client, server, clock, storage, warnings };
}

/** Destroys every client made by `createTestClient`; call from `afterEach`. */
export function destroyTestClients(): void {
  for (const client of live) client.destroy();
  live.clear();
}

/** The visible transcript as `text:state`, the way a user reads it top to bottom. */
export function transcript(client: ParleyClient): string[] {
  return client.$messages.get().map((m) => `${m.text}:${m.state}`);
}
