/**
 * `npm run build` (and `prestart`): compiles src/ and commands/ into dist/ for `node dist/src/main.js`,
 * so production runs plain JavaScript with no TypeScript loader. tsc builds incrementally; tsc-alias
 * adds the `.js` extensions Node's ES modules need; compiled files whose source is gone are removed,
 * or a deleted command would still be registered from dist/commands.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { replaceTscAliasPaths } from 'tsc-alias';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = path.join(root, 'tsconfig.build.json');
const dist = path.join(root, 'dist');

execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
await replaceTscAliasPaths({ configFile: config, resolveFullPaths: true });

function prune(folder) {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      prune(file);
      continue;
    }
    const source = path.join(root, path.relative(dist, file)).replace(/\.js(\.map)?$/, '.ts');
    if (/\.js(\.map)?$/.test(entry.name) && !existsSync(source)) rmSync(file);
  }
}
prune(path.join(dist, 'src'));
prune(path.join(dist, 'commands'));
