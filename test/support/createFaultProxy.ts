import { createServer, connect, type Socket } from 'node:net';

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: point the client here instead of at the server. */
  url: string;
  port: number;
  /** Destroys every open connection (SSE streams included), as a flaky network would. */
  cutAll(): void;
  /** While down, new connections are accepted and immediately reset. */
  setDown(down: boolean): void;
  /** Changes where connections go (a restarted server may listen on a new port). */
  setTarget(port: number): void;
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 between the real client and the real server, for injecting network
 * faults without mocking either side.
 */
export async function createFaultProxy(targetPort: number): Promise<FaultProxy> {
  let target = targetPort;
  let down = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cutAll() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    setDown(value) {
      down = value;
    },
    setTarget(next) {
      target = next;
    },
    get connections() {
      return sockets.size / 2;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
