import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const viteBin = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Builds examples/<name> with Vite into a fresh temporary folder and returns it. The examples
 * import `parley-chat` by name, which resolves to this repository's dist/: run `npm run build`
 * first. `development` gives React's development build, where StrictMode really mounts twice.
 */
export async function buildExample(name: string, options: { development?: boolean } = {}): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `parley-example-${name}-`));
  const env = { ...process.env, NODE_ENV: options.development ? 'development' : 'production' };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: join(repo, 'examples', name),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build of examples/${name} failed (exit ${code}):\n${output}`)),
    );
  });
  return outDir;
}
