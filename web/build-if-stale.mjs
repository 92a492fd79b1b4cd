// Builds the web app into web/dist when it is missing or older than its sources, so that
// `npm install && npm run demo` opens a ready app. `--soft` (postinstall) reports a failed
// build without failing the install; `npm run demo` then tries again and stops on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('.', import.meta.url));
const soft = process.argv.includes('--soft');
const built = join(web, 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => join(web, p)).filter(existsSync);
if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);

process.stderr.write('Building the web app (web/dist) …\n');
const vite = join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  process.stderr.write('vite is not installed yet; run `npm install` first.\n');
  process.exit(soft ? 0 : 1);
}
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', web], { stdio: ['ignore', 2, 2] });
if (result.status !== 0) {
  process.stderr.write('The web app did not build' + (soft ? '; `npm run build:web` shows why.\n' : '.\n'));
  process.exit(soft ? 0 : 1);
}
