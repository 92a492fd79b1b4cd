import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';

/** Where `npm run build:web` writes the web app (web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/**
 * The page may load only what this origin serves. Styles allow 'unsafe-inline' because Ant
 * Design writes its CSS-in-JS into <style> elements at run time; scripts do not.
 */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

/**
 * Serves the built web app at the API's origin (so the session cookie and the API share it):
 * files from `root`, and index.html for any other GET outside /api (the app's own routes).
 * Without a build, those paths answer with how to make one.
 */
export function serveWebApp(app: OpenAPIHono, root: string = WEB_DIST): void {
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    if (!existsSync(join(root, 'index.html'))) {
      return c.text('The web app is not built yet: run `npm run build:web` (npm run demo does it for you).\n', 503);
    }
    const file = await findFile(root, c.req.path);
    const path = file ?? join(root, 'index.html');
    const body = await readFile(path);
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      // Vite names built assets by content hash, so they never change under the same name.
      'cache-control': path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (path.endsWith('.html')) {
      headers['content-security-policy'] = CSP;
      headers['x-frame-options'] = 'DENY';
    }
    return c.body(body, 200, headers);
  });
}

/** The file under `root` for a URL path, or null; never a path outside `root`. */
async function findFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (!path.startsWith(normalize(root))) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}
