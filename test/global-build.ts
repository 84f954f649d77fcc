/**
 * Builds dist/ once before any test file runs, as `npm start` does in `prestart`: the process tests
 * spawn the compiled entry point. Resolves when the build has exited, and fails the run if it failed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function build(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${String(code)}`))));
  });
}
