/**
 * `parley-chat`: the command-line entry of the reference backend. Everything testable lives in
 * `runCli`; this file only binds it to the process (arguments, output, signals, exit code).
 */
import type { ParleyServer } from './server/index.js';
import { runCli } from './server/cli/runCli.js';

let server: ParleyServer | undefined;
let stopping = false;

function shutDown(): void {
  if (!server) return; // still starting: main() stops it as soon as it exists
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('parley-chat: shutdown failed', error);
      process.exit(1);
    },
  );
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second Ctrl+C means "now": do not wait for slow connections.
    console.error(`parley-chat: ${signal} again, exiting immediately`);
    process.exit(1);
  }
  stopping = true;
  console.log(`parley-chat: ${signal} received, shutting down`);
  shutDown();
}

async function main(): Promise<void> {
  // Handlers go in before the server starts, so an early Ctrl+C still closes the database.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const result = await runCli(process.argv.slice(2), {
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
    env: process.env,
  });
  server = result.server;
  if (!server) {
    process.exitCode = result.code;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    return;
  }
  if (stopping) shutDown();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`parley-chat: ${message}`);
  process.exit(1);
});
