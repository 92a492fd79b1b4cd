import { request } from 'node:http';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { createApiToken } from '../store/api-tokens.js';
import { MAX_BODY_BYTES } from './app.js';
import { MAX_EVENTS_PER_BATCH } from './schemas.js';
import { staffServer } from './testing/staff-server.js';

const now = new Date('2024-06-30T10:00:00+08:00');
const start = staffServer();

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

/** Sends `bytes` bytes of a JSON body without a Content-Length (chunked), as a streaming client does. */
function postChunked(url: string, token: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? resolve(413) : reject(err)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    req.write('{"events": [');
    const write = (left: number) => {
      if (left <= 0) return req.end(']}');
      if (req.write(chunk)) write(left - chunk.length);
      else req.once('drain', () => write(left - chunk.length));
    };
    write(bytes);
  });
}

describeEachDatabase('bad request bodies', (t) => {
  it('no route answers a malformed, mistyped or empty body with a 500', async () => {
    const db = await t.open();
    const { url, as } = await start(db, now, () => now);
    const admin = await as('admin');
    const { csrfToken: csrf } = await admin.json<{ csrfToken: string }>('/api/v1/auth/me');
    const doc = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as OpenApiDoc;
    const bodies: [contentType: string, body: string][] = [
      ['application/json', '{"broken": '],
      ['application/json', ''],
      ['application/json', '[]'],
      ['application/json', '"text"'],
      ['application/json', 'null'],
      ['application/json', '{}'],
      ['application/json', JSON.stringify({ __proto__: { admin: true }, id: 1e400, events: [{}], name: '<script>', at: '2024-02-30' })],
      ['text/plain', '{"events": []}'],
      ['application/x-www-form-urlencoded', 'a=1&b=2'],
    ];
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'get').map((method) => ({ method: method.toUpperCase(), path })))
      // Signing out ends the session the walk uses: last.
      .sort((a, b) => Number(a.path.endsWith('sign-out')) - Number(b.path.endsWith('sign-out')));
    expect(routes.length).toBeGreaterThan(25);
    const seen: string[] = [];
    for (const { method, path } of routes) {
      for (const [contentType, body] of bodies) {
        const res = await admin.call(path.replace(/\{[^}]+\}/g, 'c-li-1'), { method, body, headers: { 'content-type': contentType, 'x-csrf-token': csrf } });
        const text = await res.text();
        seen.push(`${method} ${path} ${contentType} ${body.slice(0, 12)} → ${res.status}`);
        expect(res.status, seen.at(-1)).toBeLessThan(500);
        if (res.status >= 400) expect((JSON.parse(text) as { error: { code: string } }).error.code, seen.at(-1)).toMatch(/^[a-z_]+$/);
      }
    }
    expect(seen.some((s) => s.endsWith('→ 400'))).toBe(true);
  });

  it('the event batch: invalid JSON, a wrong content type, the size limits, 100k events with per-record results', { timeout: 180_000 }, async () => {
    const db = await t.open();
    const { url } = await start(db, now, () => now);
    const token = await createApiToken(db, 'bulk', now);
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${url}/api/v1/events`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } });
    const error = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: { field: string; reason: string }[] } }).error;

    const broken = await post('{"events": [');
    expect(broken.status).toBe(400);
    expect(await error(broken)).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/JSON/i) });

    const plain = await post('{"events": [{}]}', 'text/plain');
    expect(plain.status).toBe(400);
    expect((await error(plain)).code).toBe('invalid_request');

    const tooBig = await post(' '.repeat(MAX_BODY_BYTES + 1));
    expect(tooBig.status).toBe(413);
    expect(await error(tooBig)).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/smaller batches/) });
    expect(await postChunked(`${url}/api/v1/events`, token, MAX_BODY_BYTES + 1024 * 1024)).toBe(413);

    const event = (i: number) => ({ id: `bulk-${i}`, customerId: 'c-li-1', type: 'app_login', at: '2024-06-29T10:00:00+08:00' });
    const overCount = await post(JSON.stringify({ events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, i) => event(i)) }));
    expect(overCount.status).toBe(400);
    expect((await error(overCount)).details).toEqual([{ field: 'events', reason: `at most ${MAX_EVENTS_PER_BATCH} events in one batch` }]);

    // Every 1000th event is bad in a different way; the rest are stored.
    const events: unknown[] = Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) => event(i));
    for (let i = 0; i < events.length; i += 1000) events[i] = i % 2000 === 0 ? { ...event(i), customerId: 'c-nobody' } : { ...event(i), at: '2024-02-30' };
    const bulk = await post(JSON.stringify({ events }));
    expect(bulk.status).toBe(200);
    const body = (await bulk.json()) as { imported: number; rejected: number; results: { index: number; status: string; errors?: { field: string }[] }[] };
    expect(body).toMatchObject({ imported: MAX_EVENTS_PER_BATCH - 100, rejected: 100 });
    expect(body.results[2000]).toMatchObject({ index: 2000, status: 'rejected', errors: [{ field: 'customerId' }] });
    expect(body.results[1000]).toMatchObject({ index: 1000, status: 'rejected', errors: [{ field: 'at' }] });
    const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE id LIKE 'bulk-%'");
    expect(n!.n).toBe(MAX_EVENTS_PER_BATCH - 100);
  });
});
