import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { serveWebApp } from './serve-web.js';

/** Files under a fresh folder; the app serves its `web/` subfolder. */
function appWith(files: Record<string, string>) {
  const base = mkdtempSync(join(tmpdir(), 'retain-web-'));
  mkdirSync(join(base, 'web'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(base, name, '..'), { recursive: true });
    writeFileSync(join(base, name), text);
  }
  const app = new OpenAPIHono();
  serveWebApp(app, join(base, 'web') + '/');
  app.notFound((c) => c.text('api 404', 404));
  return app;
}

describe('serving the web app', () => {
  const app = appWith({ 'web/index.html': '<html>app</html>', 'web/assets/app-1a2b.js': 'js', 'secret.txt': 'secret' });

  it('serves files, and index.html with a strict CSP for the app routes', async () => {
    const asset = await app.request('/assets/app-1a2b.js');
    expect(await asset.text()).toBe('js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const route = await app.request('/customers/c-1');
    expect(await route.text()).toBe('<html>app</html>');
    expect(route.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(route.headers.get('x-frame-options')).toBe('DENY');
  });

  it('leaves /api to the API and never serves a file outside its folder', async () => {
    expect(await (await app.request('/api/v1/nothing')).text()).toBe('api 404');
    expect(await (await app.request('/..%2fsecret.txt')).text()).toBe('<html>app</html>');
    expect(await (await app.request('/%2e%2e/secret.txt')).text()).toBe('<html>app</html>');
  });

  it('says how to build the app when it is not built', async () => {
    const bare = appWith({});
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:web/);
  });
});
