import { parseArgs } from 'node:util';
import type { ParleyServer } from '../createParleyServer.js';
import { createParleyServer } from '../createParleyServer.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT } from '../options.js';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

export interface CliResult {
  /** The process exit code when the command is done; a started server leaves it at 0. */
  code: number;
  server?: ParleyServer;
}

export const USAGE = `Usage: parley-chat serve [options]

Runs the Parley reference backend: the Protocol v1 API, live events and the operator console.

Options:
  --port <n>               port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>         address to bind (default ${DEFAULT_HOST})
  --data-dir <dir>         where parley.sqlite and uploads/ live (default ${DEFAULT_DATA_DIR})
  --operator-key <key>     key for the console and operator API (env PARLEY_OPERATOR_KEY;
                           random when unset)
  --identity-secret <s>    HMAC secret for host-signed identities (env PARLEY_IDENTITY_SECRET;
                           every identity claim is refused when unset)
  --kb-dir <dir>           folder of Markdown knowledge-base articles (default: kb/ of a
                           parley-chat checkout, when there is one)
  --bot                    answer new conversations with the first-line bot, which quotes the
                           knowledge base and hands over to a person on request
  -h, --help               show this help

Prefer the environment variables for secrets: command lines are visible to other users.`;

/**
 * Runs `parley-chat` with `argv` (without the node and script paths). Returns instead of
 * exiting, so the entry point owns process signals and tests can call it directly.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'operator-key': { type: 'string' },
        'identity-secret': { type: 'string' },
        'kb-dir': { type: 'string' },
        bot: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`parley-chat: ${describeArgError(error)}`);
    io.stderr('Run parley-chat --help for usage.');
    return { code: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return { code: 0 };
  }
  const [command, ...extra] = positionals;
  if (command !== 'serve' || extra.length > 0) {
    io.stderr(command === undefined ? 'parley-chat: missing command' : `parley-chat: unknown command "${[command, ...extra].join(' ')}"`);
    io.stderr(USAGE);
    return { code: 2 };
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`parley-chat: --port must be an integer from 0 to 65535, got "${values.port}"`);
    return { code: 2 };
  }

  const server = await createParleyServer({
    port,
    host: values.host ?? DEFAULT_HOST,
    dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
    operatorKey: values['operator-key'] ?? nonEmpty(io.env.PARLEY_OPERATOR_KEY),
    identitySecret: values['identity-secret'] ?? nonEmpty(io.env.PARLEY_IDENTITY_SECRET) ?? null,
    ...(values['kb-dir'] === undefined ? {} : { kbDir: values['kb-dir'] }),
    ...(values.bot ? { bot: true } : {}),
  });
  io.stdout(`Parley API       ${server.url}`);
  io.stdout(`Operator console ${server.url}/console#key=${encodeURIComponent(server.operatorKey)}`);
  return { code: 0, server };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** parseArgs names the flag in its message, e.g. "Unknown option '--prot'". */
function describeArgError(error: unknown): string {
  if (error instanceof Error) return error.message.split('. ')[0] ?? error.message;
  return String(error);
}
